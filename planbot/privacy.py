"""Mask personal data in user messages before they are stored or logged.

CPR numbers (DDMMYY-XXXX, with or without dash or space), e-mail addresses and
Danish phone numbers are replaced with placeholders. Only the standard library is
used so the Rasa channels can import this module too.
"""

from __future__ import annotations

import re

CPR_PLACEHOLDER = "[cpr-nummer fjernet]"
EMAIL_PLACEHOLDER = "[e-mail fjernet]"
PHONE_PLACEHOLDER = "[telefonnummer fjernet]"
PLACEHOLDERS = (CPR_PLACEHOLDER, EMAIL_PLACEHOLDER, PHONE_PLACEHOLDER)
MAX_MESSAGE_LENGTH = 500
TOO_LONG_REPLY = (
    "Din besked er for lang til, at jeg kan behandle den. Prøv at stille ét kort spørgsmål ad gangen "
    f"– gerne under {MAX_MESSAGE_LENGTH} tegn."
)

_CPR = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d{2})[-\s]?(\d{4})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\d.,-])(?:"
    r"(?:\+45|0045)[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}"  # +45 12 34 56 78, +4512345678
    r"|\d{2} \d{2} \d{2} \d{2}"  # 12 34 56 78
    r"|\d{8}"  # 12345678
    r")(?![\d.,-])"
)


def mask_personal_data(text: str) -> str:
    """Replace CPR numbers, e-mail addresses and phone numbers with placeholders."""
    if not text:
        return text
    masked = _EMAIL.sub(EMAIL_PLACEHOLDER, text)
    masked = _CPR.sub(CPR_PLACEHOLDER, masked)
    return _PHONE.sub(PHONE_PLACEHOLDER, masked)


def contains_masked_data(text: str | None) -> bool:
    """Whether a (masked) message had personal data removed."""
    return bool(text) and any(p in text for p in PLACEHOLDERS)


# "kan du kigge i min sag", "mine ydelser": the user's own case, which the assistant cannot see
_OWN_CASE = re.compile(
    r"\bmin(?:e)?\s+(?:egen\s+|egne\s+)?(?:sag|sager|ydelse|ydelser|udbetaling|udbetalinger|journal)\b",
    re.IGNORECASE,
)


def asks_about_own_case(text: str | None) -> bool:
    """Whether a message brings up the user's own case (which a plan answer cannot cover)."""
    return bool(text) and _OWN_CASE.search(text) is not None


def is_too_long(text: str | None) -> bool:
    """Whether a message is longer than the assistant accepts (channels answer it directly)."""
    return bool(text) and len(text) > MAX_MESSAGE_LENGTH


def prepare_user_text(text: str | None) -> str | None:
    """What the assistant stores for a user message: the text with personal data masked."""
    if text is None:
        return None
    return mask_personal_data(text)
