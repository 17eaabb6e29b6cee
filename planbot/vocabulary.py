"""Is a message about the plans at all? A vocabulary check before the answer is chosen.

The intent classifier always picks *some* intent, also for "hvorfor er himlen blå?" or
"hvordan anmelder jeg rotter?", which it may put under a plan intent. This module knows
the words that plan questions use – learnt from the training examples of the plan
intents and the lookup tables (target groups, indicators, terms) – and calls a message
off-topic when it has a content word the plan questions never use and none they do.

Kommune names do not make a message about the plans ("hvad kan jeg lave i Aarhus i
weekenden?"), but they do not make it off-topic either ("og Morsø?"). Numbers (goal
codes, years) count as plan words. Typos are forgiven: a word of six letters or more is
known when one letter more, less or different makes it a known word, and compounds are
known when they begin or end with a known word of five letters or more.

Pure Python: used by the Rasa component :mod:`components.domain_gate` and tested here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from planbot.text import fold, stopwords

NON_PLAN_INTENTS = (
    "out_of_scope",
    "greet",
    "goodbye",
    "thank",
    "bot_challenge",
    "help",
    "human_handoff",
    "ask_more",
    "ask_source",
    "inform_kommune",
)
"""Intents that are not plan questions: their words are not plan words, and they are not gated."""

NUMBER = "#"
"""The form every number gets: goal codes and years are plan words."""

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)
_FUZZY_MIN = 6
_COMPOUND_PART_MIN = 5


def token_forms(text: str, lemma: str | None = None) -> frozenset[str]:
    """The folded forms of one token (its text and lemma) that can carry meaning.

    Stopwords, one-letter words and punctuation give an empty set; a number gives
    ``{NUMBER}``. A hyphenated token contributes the forms of its parts.
    """
    if text[:1].isdigit():
        return frozenset({NUMBER})
    stops = stopwords()
    forms: set[str] = set()
    candidates = [text, lemma] if lemma else [text]
    folded = [fold(c) for c in candidates]
    if any(f in stops for f in folded):
        return frozenset()
    for word in folded:
        for part in _WORD.findall(word):
            if part[:1].isdigit():
                forms.add(NUMBER)
            elif len(part) > 1 and part not in stops:
                forms.add(part)
    return frozenset(forms)


def text_forms(text: str) -> list[frozenset[str]]:
    """Forms of each word in ``text`` without lemmas (for lookup-table entries)."""
    return [f for f in (token_forms(w) for w in _WORD.findall(text)) if f]


def lookup_forms(
    tables: Iterable[tuple[str, Iterable[str]]], place_table: str
) -> tuple[set[str], list[list[frozenset[str]]]]:
    """Split lookup tables into kommune forms (neutral) and plan-word entries.

    ``tables`` gives (table name, entries); the table named ``place_table`` holds the
    kommune names.
    """
    places: set[str] = set()
    entries: list[list[frozenset[str]]] = []
    for name, elements in tables:
        for element in elements:
            forms = text_forms(str(element))
            if name == place_table:
                places.update(form for token in forms for form in token)
            else:
                entries.append(forms)
    return places, entries


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass
class DomainVocabulary:
    """The words plan questions use, and the kommune names (which are neutral)."""

    words: frozenset[str]
    places: frozenset[str] = frozenset()
    _by_deletion: dict[str, set[str]] = field(init=False, repr=False)
    _compound_parts: tuple[str, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.places = frozenset(fold(p) for p in self.places)
        self.words = frozenset(self.words - self.places) | {NUMBER}
        self._by_deletion = {}
        for word in self.words:
            if len(word) >= _FUZZY_MIN - 1:
                for deleted in _deletions(word):
                    self._by_deletion.setdefault(deleted, set()).add(word)
        self._compound_parts = tuple(sorted(w for w in self.words if len(w) >= _COMPOUND_PART_MIN))

    @classmethod
    def learn(
        cls, examples: Iterable[Iterable[frozenset[str]]], places: Iterable[str] = ()
    ) -> DomainVocabulary:
        """Collect the forms of all tokens of the plan examples (and lookup entries)."""
        words: set[str] = set()
        for tokens in examples:
            for forms in tokens:
                words |= forms
        return cls(frozenset(words), frozenset(places))

    def knows(self, form: str) -> bool:
        """Whether ``form`` is a plan word, a typo of one or a compound of one."""
        if form in self.words:
            return True
        if len(form) >= _FUZZY_MIN and (
            form in self._by_deletion
            or any(d in self.words or d in self._by_deletion for d in _deletions(form))
        ):
            return True
        if len(form) < _COMPOUND_PART_MIN:
            return False
        return any(
            form.startswith(part)
            or form.endswith(part)
            or (len(form) >= _FUZZY_MIN and part.startswith(form))
            for part in self._compound_parts
        )

    def is_off_topic(self, tokens: Iterable[frozenset[str]]) -> bool:
        """True when a token is unknown and no token other than a kommune name is known."""
        unknown = False
        for forms in tokens:
            if not forms:
                continue
            if any(self.knows(f) for f in forms):
                return False
            if not forms & self.places:
                unknown = True
        return unknown

    def unknown_forms(self, tokens: Iterable[frozenset[str]]) -> list[str]:
        """The tokens' forms that are neither plan words nor kommune names (for logging)."""
        return sorted(
            min(forms)
            for forms in tokens
            if forms and not forms & self.places and not any(self.knows(f) for f in forms)
        )

    def to_dict(self) -> dict[str, list[str]]:
        """A JSON-ready form (for the Rasa model)."""
        return {"words": sorted(self.words - {NUMBER}), "places": sorted(self.places)}

    @classmethod
    def from_dict(cls, data: dict[str, list[str]]) -> DomainVocabulary:
        """The inverse of :meth:`to_dict`."""
        return cls(frozenset(data.get("words", [])), frozenset(data.get("places", [])))
