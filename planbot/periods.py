"""Period codes: Jobindsats (``2024M03``, ``2023Q1``, ``2023QMAT02``, ``2023Y01``) and staff
periods (``2024``, ``2024H1``, ``2024K3``/``2024Q3``, ``2024M03``)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PATTERNS = [
    (re.compile(r"^(\d{4})M(\d{1,2})$"), "M"),
    (re.compile(r"^(\d{4})QMAT0?([1-4])$"), "QMAT"),
    (re.compile(r"^(\d{4})[QK]0?([1-4])$"), "Q"),
    (re.compile(r"^(\d{4})H([12])$"), "H"),
    (re.compile(r"^(\d{4})Y0?1?$"), "Y"),
    (re.compile(r"^(\d{4})$"), "Y"),
]

MONTHS_DA = [
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
]  # fmt: skip


@dataclass(frozen=True)
class Period:
    """A parsed period: canonical code, kind, year, number and last day."""

    code: str
    kind: str
    year: int
    number: int
    end: dt.date

    def label(self) -> str:
        """Danish label: "marts 2024", "3. kvartal 2024", "1. halvår 2024", "2024"."""
        if self.kind == "M":
            return f"{MONTHS_DA[self.number - 1]} {self.year}"
        if self.kind == "Q":
            return f"{self.number}. kvartal {self.year}"
        if self.kind == "QMAT":
            return f"12 måneder til og med {self.number}. kvartal {self.year}"
        if self.kind == "H":
            return f"{self.number}. halvår {self.year}"
        return str(self.year)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> Period:
    """Parse a period code.

    Raises:
        ValueError: with a Danish message when the code is not a known form.
    """
    raw = str(text).strip().upper().replace(" ", "").replace("-", "")
    for pattern, kind in _PATTERNS:
        match = pattern.match(raw)
        if not match:
            continue
        year = int(match.group(1))
        number = int(match.group(2)) if match.lastindex and match.lastindex >= 2 else 1
        if not 1990 <= year <= 2100:
            break
        if kind == "M":
            if not 1 <= number <= 12:
                break
            return Period(f"{year}M{number:02d}", "M", year, number, _month_end(year, number))
        if kind in {"Q", "QMAT"}:
            end = _month_end(year, number * 3)
            code = f"{year}Q{number}" if kind == "Q" else f"{year}QMAT{number:02d}"
            return Period(code, kind, year, number, end)
        if kind == "H":
            return Period(f"{year}H{number}", "H", year, number, _month_end(year, number * 6))
        return Period(str(year), "Y", year, 1, dt.date(year, 12, 31))
    raise ValueError(f"ukendt periode {text!r} (brug fx 2024, 2024H1, 2024K3, 2024Q3 eller 2024M03)")


# "i 2022", "for marts 2023", "ved udgangen af 2022": a past period a figures question asks
# about (folded text); "siden 2022" and "fra 2022 til 2024" ask about a development instead
_ASKED_PERIOD = re.compile(
    r"\b(?:i|for|ultimo|primo|ved\s+udgangen\s+af|udgangen\s+af|i\s+slutningen\s+af)\s+"
    r"(?:(?P<month>" + "|".join(MONTHS_DA) + r")\s+)?"
    r"(?:(?:aret|ar)\s+)?(?P<year>(?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)"
)


# "Aktiveringsgrad kth Middelfart, marts 2025?": a month with its year names the period
# without a preposition too (not "siden marts 2022", "fra marts 2022 til …": a development)
_MONTH_AND_YEAR = re.compile(
    r"\b(?P<month>" + "|".join(MONTHS_DA) + r")\s+(?P<year>(?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)"
)
_DEVELOPMENT_BEFORE = re.compile(r"\b(?:siden|fra|mellem)\s*$")
# Jobindsats' own period code in a question: "… i Fredensborg, 2025M06"
_MONTH_CODE = re.compile(r"\b(?P<year>(?:19|20)\d{2})m(?P<month>0[1-9]|1[0-2])\b", re.IGNORECASE)


def asked_period_end(folded_text: str) -> dt.date | None:
    """The last day of the year or month a question asks about ("hvad var ledigheden i
    marts 2023?" → 31 March 2023; "ledighed Middelfart, marts 2025?"; "…, 2025M06"), or
    None when it names none."""
    match = _ASKED_PERIOD.search(folded_text)
    if match is None:
        match = next(
            (
                m
                for m in _MONTH_AND_YEAR.finditer(folded_text)
                if not _DEVELOPMENT_BEFORE.search(folded_text[: m.start()])
            ),
            None,
        )
    if match is None:
        code = _MONTH_CODE.search(folded_text)
        if code is not None and not _DEVELOPMENT_BEFORE.search(folded_text[: code.start()]):
            return _month_end(int(code.group("year")), int(code.group("month")))
        return None
    year = int(match.group("year"))
    month = match.group("month")
    if month is None:
        return dt.date(year, 12, 31)
    return _month_end(year, MONTHS_DA.index(month) + 1)


# "og nu?", "hvad med i dag?", "og lige nu?": the same question for the latest period
_NOW = re.compile(
    r"^\W*(?:(?:og|men)\s+)?(?:hvad\s+med\s+|(?:så|sa|saa)\s+)?(?:nu|i\s+dag|lige\s+nu|aktuelt|pt|p\.t\."
    r"|for\s+tiden|seneste\s+(?:tal|måned|maned|md))(?:\s+(?:da|så|sa))?\W*$",
    re.IGNORECASE,
)
# "i 2023 da?", "og for 2022?", "og marts 2024?": only a period
_ONLY_A_PERIOD = re.compile(
    r"^\W*(?:(?:og|men)\s+)?(?:hvad\s+med\s+)?(?:(?:i|for)\s+)?(?:(?:" + "|".join(MONTHS_DA) + r")\s+)?"
    r"(?:19|20)\d{2}(?:[Mm](?:0[1-9]|1[0-2]))?(?:\s+(?:da|så|sa))?\W*$",
    re.IGNORECASE,
)


def asks_for_now(text: str) -> bool:
    """Whether ``text`` only asks for the latest period ("og nu?", "hvad med i dag?")."""
    return bool(_NOW.match(text))


def names_only_a_period(text: str) -> bool:
    """Whether ``text`` is only a period or "now" ("i 2023 da?", "og 2024M03?", "og nu?"): a
    fragment that continues the previous question, whatever the classifier heard."""
    return asks_for_now(text) or bool(_ONLY_A_PERIOD.match(text))
