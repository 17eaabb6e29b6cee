"""Danish text processing: lemmas (spaCy blank ``da`` + lookup lemmatizer) and folding.

Users often type without æ/ø/å ("Morso", "maal"). :func:`fold` maps text to a form
where "mål", "maal" and "mal" meet, and is applied to documents and queries alike.
The spaCy pipeline is created on first use, never at import time.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

_nlp: Any = None
_lock = threading.Lock()

_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[A-Za-zÆØÅæøåÉéÜüÖö]+(?:-[A-Za-zÆØÅæøå]+)*")

EXTRA_STOPWORDS = {
    "hvad", "hvordan", "hvor", "hvem", "hvilke", "hvilken", "hvilket", "hvornår", "hvorfor",
    "kan", "du", "jeg", "mig", "fortælle", "fortael", "sige", "gerne", "vil", "ville", "godt",
    "om", "med", "på", "paa", "for", "til", "i", "og", "er", "det", "den", "de", "der", "en",
    "et", "af", "at", "har", "have", "som", "så", "saa", "nogen", "noget", "lige", "nu", "tak",
    "gør", "gøre", "gor", "gore", "går", "gar", "gå", "mon", "egentlig", "eller", "hvis",
}  # fmt: skip


def nlp() -> Any:
    """The shared spaCy pipeline: blank Danish with the lookup lemmatizer."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                pipeline = spacy.blank("da")
                pipeline.add_pipe("lemmatizer", config={"mode": "lookup"})
                pipeline.initialize()
                _nlp = pipeline
    return _nlp


def fold(text: str) -> str:
    """Lowercase and fold Danish letters so spellings without æ/ø/å match."""
    text = text.lower()
    text = text.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = text.replace("aa", "a").replace("oe", "o").replace("é", "e")
    return text


@lru_cache(maxsize=50_000)
def _lemma(word: str) -> str:
    lemmatizer = nlp().get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_lookup")
    lowered = word.lower()
    return str(table.get(lowered, lowered))


def lemmas(text: str) -> list[str]:
    """Folded lemmas of the words in ``text`` (numbers kept as written)."""
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            out.append(token.replace(".", "").replace(",", "."))
            continue
        for part in token.split("-"):
            if part:
                lemma, surface = fold(_lemma(part)), fold(part)
                out.append(lemma)
                if surface != lemma:
                    out.append(surface)  # "hojtuddannede" typed without ø still meets "højtuddannede"
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Folded Danish stopwords (spaCy's list plus question words)."""
    from spacy.lang.da.stop_words import STOP_WORDS

    return frozenset(fold(w) for w in set(STOP_WORDS) | EXTRA_STOPWORDS)


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the words that are not stopwords (checked before and after lemmatising)."""
    stops = stopwords()
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            out.append(token.replace(".", "").replace(",", "."))
            continue
        for part in token.split("-"):
            if not part or fold(part) in stops:
                continue
            lemma, surface = fold(_lemma(part)), fold(part)
            if lemma not in stops and len(lemma) > 1:
                out.append(lemma)
            if surface != lemma and surface not in stops and len(surface) > 1:
                out.append(surface)
    return out


def term_groups(text: str) -> list[frozenset[str]]:
    """One set of alternatives {lemma, folded surface} per content word, in order, no repeats."""
    stops = stopwords()
    groups: list[frozenset[str]] = []
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            group = frozenset({token.replace(".", "").replace(",", ".")})
        else:
            parts = [p for p in token.split("-") if p and fold(p) not in stops]
            if not parts:
                continue
            for part in parts:
                variants = {fold(_lemma(part)), fold(part)} - stops
                variants = {v for v in variants if len(v) > 1}
                if variants and frozenset(variants) not in groups:
                    groups.append(frozenset(variants))
            continue
        if group not in groups:
            groups.append(group)
    return groups
