"""Custom Rasa NLU components of the plan assistant (run in the Rasa environment)."""
