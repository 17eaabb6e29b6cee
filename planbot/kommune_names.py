"""The canonical name of a kommune as users write it. Pure Python, used by the NLU gate.

The classifier tags kommune names it has never seen spelt that way ("vesthimmerland" for
Vesthimmerlands, "taastrup" for Høje-Taastrup, "noerddjurs"), and the entity synonyms only
know the spellings generated for the lookup table. :func:`canonical_kommune` maps such a
value to the name Jobindsats uses, so that the parsed message, the tracker and the
checks that count kommuner see one name: exact after folding æ/ø/å and dropping
"Kommune" and a genitive s, then one part of a hyphenated name that no other name has,
then the name with a genitive s added ("Vesthimmerland"), the people of a place
("bornholmere"), then a close spelling. The names are the Jobindsats areas in
``knowledge/jobindsats`` and the aliases in ``knowledge/catalogue.yaml``.
"""

from __future__ import annotations

import csv
import difflib
import re
from functools import lru_cache
from pathlib import Path

from planbot.comparison import NATIONAL_ENTITY_VALUE as NATIONAL
from planbot.curated import KNOWLEDGE_DIR, Catalogue, load_catalogue
from planbot.text import fold

# kommune names that are also ordinary words ("vejen" is the road), which planbot.answers,
# planbot.nlu_data and the comparison gate count only when written as a name
AMBIGUOUS_KOMMUNER = frozenset({"Vejen", "Greve", "Odder", "Tønder"})
_CLOSE_SPELLING = 0.85
# parts of hyphenated names that are ordinary words ("tallene er høje")
_ORDINARY_PARTS = frozenset({"hoje"})


def name_key(text: str) -> str:
    """``text`` folded, with spaces for hyphens and punctuation and without "kommune"."""
    key = re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()
    return re.sub(r"\s+kommunes?$", "", key)


@lru_cache(maxsize=4)
def jobindsats_areas(
    csv_path: Path = KNOWLEDGE_DIR / "jobindsats" / "jobindsats_kommuner.csv",
) -> frozenset[str]:
    """The areas (98 kommuner and "Hele landet") of a Jobindsats extract: its first column."""
    with csv_path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader, None)
        return frozenset(row[0] for row in reader if row)


@lru_cache(maxsize=4)
def _catalogue(knowledge_dir: Path) -> Catalogue:
    return load_catalogue(knowledge_dir)


@lru_cache(maxsize=4)
def _names(knowledge_dir: Path = KNOWLEDGE_DIR) -> tuple[dict[str, str], dict[str, str]]:
    """(key → name for names and aliases, key → name for a part of a hyphenated name)."""
    names: dict[str, str] = {name_key(NATIONAL): NATIONAL}
    areas = jobindsats_areas(knowledge_dir / "jobindsats" / "jobindsats_kommuner.csv")
    for area in areas:
        names[name_key(area)] = area
    for kommune in _catalogue(knowledge_dir).kommuner:
        for alias in kommune.aliases:
            names.setdefault(name_key(alias), kommune.name)
    parts: dict[str, str] = {}
    seen_twice: set[str] = set()
    for area in areas:
        if "-" not in area:
            continue
        for part in name_key(area).split():
            if part in parts or part in names or part in _ORDINARY_PARTS:
                seen_twice.add(part)
            parts[part] = area
    return names, {part: area for part, area in parts.items() if part not in seen_twice}


def canonical_kommune(written: str, close: bool = True) -> str | None:
    """The kommune (or "Hele landet") that ``written`` names, or None.

    Args:
        written: A kommune name as typed or tagged ("vesthimmerland", "Høje Taastrup").
        close: Whether a close spelling counts ("Vesthimerland"); without it only exact
            forms, parts of hyphenated names and an added genitive s do.
    """
    names, parts = _names()
    key = name_key(written)
    if not key:
        return None
    genitive = key[:-1] if len(key) > 4 and key.endswith("s") else key
    for candidate in (key, genitive):
        if candidate in names:
            return names[candidate]
    if key in parts:
        return parts[key]
    if key + "s" in names:
        return names[key + "s"]
    if key.endswith("ere") and key[:-3] in names:  # "bornholmere"
        return names[key[:-3]]
    if close:
        found = difflib.get_close_matches(key, list(names), n=1, cutoff=_CLOSE_SPELLING)
        if found:
            return names[found[0]]
    return None


@lru_cache(maxsize=4)
def kommuner_with_plans(knowledge_dir: Path = KNOWLEDGE_DIR) -> frozenset[str]:
    """The kommuner whose plans are in ``knowledge/catalogue.yaml``."""
    return frozenset(document.kommune for document in _catalogue(knowledge_dir).documents)
