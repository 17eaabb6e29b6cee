"""Custom Rasa input/output channels for the plan assistant.

``channels.teams.TeamsInput`` is the Microsoft Teams (Bot Framework) channel, configured in
``credentials.yml`` under the key ``channels.teams.TeamsInput``.
"""
