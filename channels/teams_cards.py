"""Adaptive Card builders for the Microsoft Teams channel.

* :func:`buttons_attachment` turns Rasa buttons into an Adaptive Card whose ``Action.Submit``
  actions send the button payload back to the bot as the message text (Teams ``messageBack``).
* :func:`goal_status_attachment` renders the assistant's ``goal_status`` custom payload.

All functions are pure (no I/O) and return Bot Framework attachment dictionaries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
ADAPTIVE_CARD_VERSION = "1.4"
#: Teams shows at most six actions per action list; longer lists are split into ActionSets.
MAX_ACTIONS_PER_SET = 6

#: Colour of the status line per goal status (Adaptive Card TextBlock colours).
STATUS_COLOURS: dict[str, str] = {
    "nået": "good",
    "ikke nået": "attention",
    "ingen målinger": "warning",
    "kan ikke vurderes": "default",
}

_DANISH_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH_PERIOD_RE = re.compile(r"^(\d{4})M(\d{2})$")
_QUARTER_PERIOD_RE = re.compile(r"^(\d{4})[KQ]([1-4])$")
_HALF_YEAR_PERIOD_RE = re.compile(r"^(\d{4})H([12])$")
_ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def teams_markdown(text: str) -> str:
    """Makes the assistant's plain text render line by line in Teams.

    Teams' markdown (in messages and in Adaptive Card TextBlocks) joins lines separated by a single
    newline into one paragraph, so every non-empty line becomes its own paragraph (``\n\n``).
    ``- `` bullet lines stay a (loose) list.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n\n".join(line for line in lines if line.strip())


def adaptive_card_attachment(
    body: list[dict[str, Any]],
    actions: list[dict[str, Any]] | None = None,
    fallback_text: str | None = None,
) -> dict[str, Any]:
    """Wraps Adaptive Card ``body``/``actions`` into a Bot Framework attachment."""
    content: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": ADAPTIVE_CARD_SCHEMA,
        "version": ADAPTIVE_CARD_VERSION,
        "body": body,
    }
    if actions:
        content["actions"] = actions
    if fallback_text:
        content["fallbackText"] = fallback_text
    return {"contentType": ADAPTIVE_CARD_CONTENT_TYPE, "content": content}


def _text(value: Any) -> str | None:
    """Returns ``value`` as a stripped string, or ``None`` for missing/empty values."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def button_to_action(button: Mapping[str, Any]) -> dict[str, Any]:
    """Converts one Rasa button (``title``/``payload``, or ``url``) into an Adaptive Card action.

    Payload buttons become ``Action.Submit`` with a Teams ``messageBack``: clicking shows the title
    in the chat and sends the payload as the activity text. The payload is also kept in ``data``
    so it reaches the bot through ``activity.value`` should a client not support ``messageBack``.
    """
    title = _text(button.get("title")) or _text(button.get("payload")) or "?"
    url = _text(button.get("url"))
    if url and (button.get("type") in (None, "web_url") or not button.get("payload")):
        return {"type": "Action.OpenUrl", "title": title, "url": url}
    payload = _text(button.get("payload")) or title
    return {
        "type": "Action.Submit",
        "title": title,
        "data": {
            "msteams": {"type": "messageBack", "displayText": title, "text": payload},
            "payload": payload,
        },
    }


def buttons_attachment(text: str | None, buttons: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Builds an Adaptive Card with ``text`` and one clickable action per Rasa button.

    Up to :data:`MAX_ACTIONS_PER_SET` buttons go into the card's ``actions``; more are split into
    ``ActionSet`` elements of that size in the card body.
    """
    body: list[dict[str, Any]] = []
    if _text(text):
        body.append({"type": "TextBlock", "text": teams_markdown(str(text).strip()), "wrap": True})
    actions = [button_to_action(button) for button in buttons]
    titles = ", ".join(action["title"] for action in actions)
    fallback = f"{_text(text) or ''} ({titles})".strip() if titles else _text(text)
    if len(actions) <= MAX_ACTIONS_PER_SET:
        return adaptive_card_attachment(body, actions=actions, fallback_text=fallback)
    for start in range(0, len(actions), MAX_ACTIONS_PER_SET):
        body.append({"type": "ActionSet", "actions": actions[start : start + MAX_ACTIONS_PER_SET]})
    return adaptive_card_attachment(body, fallback_text=fallback)


def image_attachment(url: str, alt_text: str = "") -> dict[str, Any]:
    """Builds an Adaptive Card showing the image at ``url``."""
    return adaptive_card_attachment(
        [{"type": "Image", "url": url, "altText": alt_text, "size": "Stretch"}],
        fallback_text=url,
    )


def format_period(period: Any) -> str:
    """Formats a Jobindsats period code in Danish (``2024M06`` → ``juni 2024``).

    Quarters (``2024K2``/``2024Q2``) and half-years (``2024H1``) are handled too; anything else is
    returned unchanged.
    """
    text = _text(period) or ""
    match = _MONTH_PERIOD_RE.match(text)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{_DANISH_MONTHS[int(match.group(2)) - 1]} {match.group(1)}"
    match = _QUARTER_PERIOD_RE.match(text)
    if match:
        return f"{match.group(2)}. kvartal {match.group(1)}"
    match = _HALF_YEAR_PERIOD_RE.match(text)
    if match:
        return f"{match.group(2)}. halvår {match.group(1)}"
    return text


def format_date(value: Any) -> str:
    """Formats an ISO date in Danish (``2026-08-22`` → ``22. august 2026``), else unchanged."""
    text = _text(value) or ""
    match = _ISO_DATE_RE.match(text)
    if not match:
        return text
    try:
        parsed = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return text
    return f"{parsed.day}. {_DANISH_MONTHS[parsed.month - 1]} {parsed.year}"


def goal_status_attachment(data: Mapping[str, Any]) -> dict[str, Any]:
    """Renders a ``goal_status`` custom payload as an Adaptive Card.

    Expected keys: ``kommune``, ``plan``, ``code``, ``title``, ``value``, ``period``, ``target``,
    ``national`` (optional), ``change`` (optional), ``status``, ``source``, ``updated``. Missing
    values are left out of the card rather than shown as empty.
    """
    code = _text(data.get("code"))
    title = _text(data.get("title")) or "Mål"
    heading = f"{code} {title}" if code else title
    subtitle = " · ".join(part for part in (_text(data.get("kommune")), _text(data.get("plan"))) if part)
    status = _text(data.get("status")) or "kan ikke vurderes"
    colour = STATUS_COLOURS.get(status.lower(), "default")

    value = _text(data.get("value"))
    period = _text(data.get("period"))
    latest = f"{value} ({format_period(period)})" if value and period else value or "Ingen målinger"
    facts: list[dict[str, str]] = [{"title": "Seneste måling", "value": latest}]
    for label, key in (("Mål", "target"), ("Landsplan", "national"), ("Udvikling", "change")):
        fact_value = _text(data.get(key))
        if fact_value:
            facts.append({"title": label, "value": fact_value})

    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": heading, "weight": "bolder", "size": "medium", "wrap": True}
    ]
    if subtitle:
        body.append(
            {"type": "TextBlock", "text": subtitle, "isSubtle": True, "spacing": "none", "wrap": True}
        )
    body.append({"type": "FactSet", "facts": facts})
    body.append(
        {
            "type": "TextBlock",
            "text": f"Status: {status[:1].upper()}{status[1:]}",
            "weight": "bolder",
            "color": colour,
            "wrap": True,
        }
    )
    source_parts = []
    if _text(data.get("source")):
        source_parts.append(f"Kilde: {_text(data.get('source'))}")
    if _text(data.get("updated")):
        source_parts.append(f"Opdateret {format_date(data.get('updated'))}")
    if source_parts:
        body.append(
            {
                "type": "TextBlock",
                "text": ". ".join(source_parts),
                "size": "small",
                "isSubtle": True,
                "wrap": True,
            }
        )

    fallback_lines = [heading]
    if subtitle:
        fallback_lines.append(subtitle)
    fallback_lines.extend(f"{fact['title']}: {fact['value']}" for fact in facts)
    fallback_lines.append(f"Status: {status}")
    if source_parts:
        fallback_lines.append(". ".join(source_parts))
    return adaptive_card_attachment(body, fallback_text="\n".join(fallback_lines))


def goal_status_summary(data: Mapping[str, Any]) -> str:
    """One-line plain-text summary of a ``goal_status`` payload (used as notification preview)."""
    code = _text(data.get("code"))
    title = _text(data.get("title")) or "Mål"
    status = _text(data.get("status")) or "kan ikke vurderes"
    kommune = _text(data.get("kommune"))
    prefix = f"{kommune}: " if kommune else ""
    return f"{prefix}{code + ' ' if code else ''}{title} – {status}"
