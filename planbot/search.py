"""Passage search over the plan documents: BM25 on folded Danish lemmas.

The index is built from the ``passages`` table on first use and rebuilt when a new
knowledge build is recorded. A hit is *good* when its score is high enough and it
covers a good share of the question's content words; the assistant quotes only
good hits and otherwise says it does not know.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planbot.schema import BuildInfo, Document, Passage, Plan, Section
from planbot.text import content_lemmas, fold, stem_overlap, with_synonyms

K1 = 1.4
B = 0.75
GOOD_SCORE = 6.0
GOOD_COVERAGE = 0.5
RELATED_MIN_LENGTH = 5
RELATED_WEIGHT = 0.5


@dataclass
class SearchHit:
    """A passage found by search."""

    passage_id: int
    score: float
    coverage: float
    text: str
    document_id: str
    plan_title: str
    kommune: str
    period: str
    section: str

    @property
    def is_good(self) -> bool:
        """Whether the hit is good enough to answer with."""
        return self.score >= GOOD_SCORE and self.coverage >= GOOD_COVERAGE


@dataclass
class _Doc:
    passage_id: int
    terms: Counter[str]
    length: int
    text: str
    document_id: str
    plan_title: str
    kommune: str
    period: str
    section: str


class PassageIndex:
    """An in-memory BM25 index of all passages."""

    def __init__(self, docs: list[_Doc]):
        self.docs = docs
        self.avg_len = sum(d.length for d in docs) / len(docs) if docs else 1.0
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.terms.keys())
        n = len(docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.by_prefix: dict[str, list[str]] = {}
        for term in self.idf:
            if len(term) >= RELATED_MIN_LENGTH:
                self.by_prefix.setdefault(term[:RELATED_MIN_LENGTH], []).append(term)

    def _related_with_overlap(self, term: str) -> list[tuple[str, int]]:
        if len(term) < RELATED_MIN_LENGTH or term.isdigit():
            return []
        candidates = self.by_prefix.get(term[:RELATED_MIN_LENGTH], [])
        pairs = ((word, stem_overlap(term, word)) for word in candidates if word != term)
        return [(word, shared) for word, shared in pairs if shared]

    def related(self, term: str) -> list[str]:
        """Index words that are a derivation, inflection or compound of ``term`` or vice
        versa ("tilfreds" ~ "tilfredshed", "jobcentret" ~ "jobcenter"), see ``stem_overlap``."""
        return [word for word, _ in self._related_with_overlap(term)]

    def weight_of(self, term: str) -> float | None:
        """The weight of ``term``, or of the index word it is most closely related to."""
        if term in self.idf:
            return self.idf[term]
        related = self._related_with_overlap(term)
        if not related:
            return None
        closest, _ = max(related, key=lambda pair: pair[1])  # the first of equally close words
        return self.idf[closest]

    @classmethod
    def from_session(cls, session: Session) -> PassageIndex:
        """Build the index from the database."""
        rows = session.execute(
            select(
                Passage.id,
                Passage.lemmas,
                Passage.text,
                Passage.document_id,
                Section.heading,
                Plan.title,
                Plan.period,
            )
            .join(Section, Passage.section_id == Section.id)
            .join(Plan, Plan.document_id == Passage.document_id)
        ).all()
        kommuner = dict(session.execute(select(Plan.document_id, Plan.kommune_id)).all())
        from planbot.schema import Kommune

        names = dict(session.execute(select(Kommune.id, Kommune.name)).all())
        docs = []
        for pid, lemma_text, text, doc_id, heading, title, period in rows:
            terms = Counter(lemma_text.split())
            docs.append(
                _Doc(
                    pid,
                    terms,
                    sum(terms.values()),
                    text,
                    doc_id,
                    title,
                    names.get(kommuner.get(doc_id), ""),
                    period,
                    heading,
                )
            )
        return cls(docs)

    def search(
        self, query: str, limit: int = 3, kommune: str | None = None, document_id: str | None = None
    ) -> list[SearchHit]:
        """The best passages for ``query``, optionally within one kommune or document."""
        terms = list(dict.fromkeys(content_lemmas(with_synonyms(query))))
        if kommune:
            # The kommune is already the filter; its name rarely stands in the passage itself.
            terms = [t for t in terms if fold(t) != fold(kommune)] or terms
        if not terms:
            return []
        related = {t: self.related(t) for t in terms}
        hits: list[SearchHit] = []
        for doc in self.docs:
            if kommune and doc.kommune != kommune:
                continue
            if document_id and doc.document_id != document_id:
                continue
            score = 0.0
            matched = 0
            for term in terms:
                tf = doc.terms.get(term, 0)
                weight = self.idf.get(term, 0.0)
                if not tf:
                    # A related word counts, less than the word itself.
                    tf, word = max(((doc.terms.get(w, 0), w) for w in related[term]), default=(0, ""))
                    if not tf:
                        continue
                    weight = RELATED_WEIGHT * min(self.idf[word], self.idf.get(term, self.idf[word]))
                matched += 1
                norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.length / self.avg_len))
                score += weight * norm
            if score <= 0:
                continue
            hits.append(
                SearchHit(
                    doc.passage_id,
                    score,
                    matched / len(terms),
                    doc.text,
                    doc.document_id,
                    doc.plan_title,
                    doc.kommune,
                    doc.period,
                    doc.section,
                )
            )
        hits.sort(key=lambda h: h.score, reverse=True)
        return hits[:limit]


_cache: dict[tuple[str, int], PassageIndex] = {}
_cache_lock = threading.Lock()


def get_index(session: Session) -> PassageIndex:
    """The index for the database behind ``session``, rebuilt after each knowledge build."""
    build_id = session.scalar(select(func.max(BuildInfo.id))) or 0
    key = (str(session.get_bind().url), build_id)
    with _cache_lock:
        index = _cache.get(key)
        if index is None:
            index = PassageIndex.from_session(session)
            _cache.clear()
            _cache[key] = index
        return index


def search_passages(
    session: Session,
    query: str,
    limit: int = 3,
    kommune: str | None = None,
    document_id: str | None = None,
) -> list[SearchHit]:
    """Search all passages, or one kommune's or one document's (see :class:`PassageIndex`)."""
    return get_index(session).search(query, limit=limit, kommune=kommune, document_id=document_id)


__all__ = ["Document", "PassageIndex", "SearchHit", "get_index", "search_passages"]
