"""Danish text processing: lemmas (spaCy blank ``da`` + lookup lemmatizer) and folding.

Users often type without æ/ø/å ("Morso", "maal"). :func:`fold` maps text to a form
where "mål", "maal" and "mal" meet, and is applied to documents and queries alike.
The spaCy pipeline is created on first use, never at import time.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable
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
    # "hvad står der om …": where something is written, not what it is about
    "står", "staar", "stå", "staa", "skriver", "skrives", "skrevet", "nævner", "nævnes", "nævnt",
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


def fold_plain(text: str) -> str:
    """:func:`fold` for names typed with a plain a for æ as well ("nastved" for Næstved)."""
    return fold(text).replace("ae", "a")


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


_FOLDED_LETTERS = {"æ": "(?:æ|ae|a)", "ø": "(?:ø|oe|o)", "å": "(?:å|aa|a)"}


_PHRASE_GAP = r"\s+(?:(?:egentlig|faktisk|overhovedet|nu|så|saa|sa|da|stadig|også|ogsaa|ogsa)\s+)?"


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern for ``phrase`` as whole words, also when typed without æ/ø/å."""
    parts = []
    for char in phrase.lower().strip():
        if char in _FOLDED_LETTERS:
            parts.append(_FOLDED_LETTERS[char])
        elif char.isspace():
            # "har egentlig arbejde" is "har arbejde": a filler adverb may stand between the words
            parts.append(_PHRASE_GAP)
        else:
            parts.append(re.escape(char))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def only_filler_and(text: str, filler: set[str], names: list[str], *, numbers: bool = False) -> bool:
    """Whether every content word of ``text`` is filler or one of ``names`` as typed.

    A name matches by its beginning ("ungdommen" for unge, "Morso" for Morsø), and so does
    each part of a name in several words ("Høje-Taastrup", "Lyngby-Taarbæk"); with
    ``numbers`` a number counts as filler too.
    """
    names = [*names, *(part for name in names for part in re.split(r"[\s-]+", name) if len(part) >= 3)]
    for word in content_lemmas(text):
        if word in filler or (numbers and word[:1].isdigit()):
            continue
        if any(_common_prefix(word, name) >= min(4, len(name) - 1) for name in names):
            continue
        # the lemma of a name that is also a word ("vej" for Vejen) is the name's beginning
        if len(word) >= 3 and any(fold(name).startswith(word) for name in names):
            continue
        return False
    return True


def stem_overlap(a: str, b: str) -> int:
    """The shared prefix length when one word is an inflection, derivation or compound of
    the other (most of the shorter word, at least 5 letters), else 0."""
    shared = _common_prefix(a, b)
    return shared if shared >= 5 and shared >= 0.75 * min(len(a), len(b)) else 0


@lru_cache(maxsize=1)
def search_synonyms() -> tuple[tuple[re.Pattern[str], str, bool], ...]:
    """(pattern, plan term, single word) for ``knowledge/search_synonyms.yaml``, longest first."""
    import yaml

    from planbot.curated import KNOWLEDGE_DIR

    path = KNOWLEDGE_DIR / "search_synonyms.yaml"
    if not path.exists():
        return ()
    entries = yaml.safe_load(path.read_text(encoding="utf-8")).get("synonyms") or []
    pairs = [(phrase, entry["term"]) for entry in entries for phrase in entry.get("phrases") or []]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return tuple((_phrase_pattern(phrase), term, " " not in phrase.strip()) for phrase, term in pairs)


def _synonym_segments(text: str) -> list[tuple[str, str | None, bool]]:
    """``text`` cut into (segment, plan term or None, single word) around synonym phrases."""
    spans: list[tuple[int, int, str, bool]] = []
    for pattern, term, single in search_synonyms():
        for match in pattern.finditer(text):
            if all(match.end() <= start or match.start() >= end for start, end, _, _ in spans):
                spans.append((match.start(), match.end(), term, single))
    segments: list[tuple[str, str | None, bool]] = []
    position = 0
    for start, end, term, single in sorted(spans):
        segments.append((text[position:start], None, False))
        segments.append((text[start:end], term, single))
        position = end
    segments.append((text[position:], None, False))
    return [segment for segment in segments if segment[0]]


def with_synonyms(text: str) -> str:
    """``text`` with each synonym phrase replaced by the plan's term (single words kept too)."""
    return "".join(
        segment if term is None else (f"{segment} {term}" if single else term)
        for segment, term, single in _synonym_segments(text)
    )


def _plain_term_groups(text: str) -> list[frozenset[str]]:
    stops = stopwords()
    groups: list[frozenset[str]] = []
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            groups.append(frozenset({token.replace(".", "").replace(",", ".")}))
            continue
        for part in (p for p in token.split("-") if p and fold(p) not in stops):
            variants = {v for v in {fold(_lemma(part)), fold(part)} - stops if len(v) > 1}
            if variants:
                groups.append(frozenset(variants))
    return groups


def term_groups(text: str) -> list[frozenset[str]]:
    """One set of alternatives {lemma, folded surface} per content word, in order, no repeats
    (a group inside another one, like a plan term next to its synonym, counts once).

    A phrase from ``knowledge/search_synonyms.yaml`` becomes one group holding the plan's
    term ("i arbejde" → beskæftigede); a single-word phrase also keeps its own forms.
    """
    groups: list[frozenset[str]] = []
    for segment, term, single in _synonym_segments(text):
        if term is None:
            found = _plain_term_groups(segment)
        else:
            alternatives: set[str] = set().union(*_plain_term_groups(term))
            if single:
                alternatives = alternatives.union(*_plain_term_groups(segment))
            found = [frozenset(alternatives)] if alternatives else []
        for group in found:
            if any(group <= known for known in groups):
                continue  # the same word again, or a plan term its synonym group already holds
            # a synonym group takes the place of a plain word it holds: one concept counts once
            held = [i for i, known in enumerate(groups) if known < group]
            if held:
                groups[held[0]] = group
                groups = [known for i, known in enumerate(groups) if i not in held[1:]]
            else:
                groups.append(group)
    return groups


# A sentence ends at . ! ? or a colon followed by a space, or at a line break. Goal codes
# ("6.3") and amounts ("8.940") do not split, nor do ordinals ("hver 14. dag"): after a
# number, a full stop ends the sentence only before a capital ("… i 2024. Hvad …").
_SENTENCE_END = re.compile(r"(?<=[!?:])\s+|(?<=[^\d]\.)\s+|(?<=\d\.)\s+(?=[A-ZÆØÅ])|\n+")
# a sentence that asks: a question word, a request or – a yes/no question without its
# question mark ("har de nået de 90 procent") – a verb first (after "og"/"men")
_ASKS_FIRST = re.compile(
    r"^\W*(?:og\s+|men\s+)?(?:hvad|hvor|hvordan|hvem|hvilke|hvilken|hvilket|hvornar|hvorfor|hvornår"
    r"|giv|fortael|fortæl|vis|forklar|beskriv|sammenlign|find"
    r"|har|er|kan|vil|skal|må|maa|bliver|får|faar|gør|goer|når|naar|ligger|lever|klarer|går|gaar)\b",
    re.IGNORECASE,
)


# abbreviations whose full stop does not end a sentence ("hvordan klarer vi os ift. målet")
_ABBREVIATIONS = {
    "ift.", "bl.a.", "f.eks.", "fx.", "evt.", "ca.", "mht.", "pga.", "nr.", "kr.", "jf.", "iflg.",
    "dvs.", "osv.", "ctr.", "inkl.", "ekskl.", "mv.", "m.v.", "mfl.", "m.fl.", "vedr.", "tlf.",
    "pr.", "md.", "mdr.", "mio.", "mia.", "pct.", "stk.", "ang.", "bla.", "hhv.", "kl.", "mm.", "m.m.",
}  # fmt: skip


# "Jeg sidder med sagerne til udvalgsmødet – hvordan går det med …?": a dash before a
# question word ends the preamble as a full stop would
_DASH_BEFORE_QUESTION = re.compile(
    r"\s+[–—-]\s+(?=(?:og\s+|men\s+)?(?:hvad|hvor|hvordan|hvem|hvilke|hvilken|hvilket|hvornar|hvornår|hvorfor)\b)",
    re.IGNORECASE,
)


_PREAMBLE_WORDS = 4  # a dash ends a preamble of at least this many words ("Morsø – hvordan …" is one)


def _split_at_dash(piece: str) -> list[str]:
    match = _DASH_BEFORE_QUESTION.search(piece)
    if match is None or len(piece[: match.start()].split()) < _PREAMBLE_WORDS:
        return [piece]
    return [piece[: match.start()], *_split_at_dash(piece[match.end() :])]


def _sentences(text: str) -> list[str]:
    pieces = [q.strip() for p in _SENTENCE_END.split(text.strip()) for q in _split_at_dash(p) if q.strip()]
    sentences: list[str] = []
    for piece in pieces:
        if sentences and sentences[-1].split()[-1].lower() in _ABBREVIATIONS:
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def question_sentences(text: str) -> str | None:
    """The questions of a message that also has other sentences, or None.

    Politicians and citizens often put a preamble or a story around the question ("Jeg
    sidder i udvalget og skal forberede mig til torsdag. Hvad kan du svare på?", "min søn
    er droppet ud … hvad gør kommunen for unge uden uddannelse? vi bor i norddjurs"). A
    sentence asks when it ends with a question mark or begins with a question word, a
    request ("giv mig …") or a verb ("har de nået de 90 procent"). None when the message
    is one sentence, when no sentence asks, or when every sentence does (then there is
    nothing to leave out).
    """
    sentences = _sentences(text)
    if len(sentences) < 2:
        return None
    questions = [s for s in sentences if s.endswith("?") or _ASKS_FIRST.search(s)]
    if not questions or len(questions) == len(sentences):
        return None
    joined = " ".join(questions)
    return joined if len(_TOKEN.findall(joined)) >= 2 else None


def first_of_several_questions(text: str) -> str | None:
    """The first question of a message that asks two or more ("Hvilke mål har Norddjurs for
    de unge? Og hvem følger op på dem?"), or None: the first ask decides what is answered."""
    questions = [s for s in _sentences(text) if s.endswith("?")]
    return questions[0] if len(questions) >= 2 else None


# æ, ø and å written as two letters ("hvad goer i paa mors") or as a plain a/o ("galder")
_REPLACEMENTS = {"ae": ("æ",), "oe": ("ø",), "aa": ("å",), "a": ("æ", "å"), "o": ("ø",)}
_REPLACEABLE = re.compile("ae|oe|aa|a|o", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
MAX_REPLACEABLE = 5  # per word: at most 3**5 spellings to try


def _spellings(word: str) -> list[str]:
    """The word with some of its "ae", "oe", "aa", "a", "o" as æ, ø, å, fewest changes first."""
    lower = word.lower()
    spans = [m.span() for m in _REPLACEABLE.finditer(lower)]
    if not spans or len(spans) > MAX_REPLACEABLE:
        return []
    spellings: list[tuple[int, str]] = []
    for choice in itertools.product(*[(None, *_REPLACEMENTS[lower[a:b]]) for a, b in spans]):
        changes = sum(c is not None for c in choice)
        if not changes:
            continue
        spelled, end = [], 0
        for (start, stop), letter in zip(spans, choice, strict=True):
            if letter is not None:
                spelled.append(lower[end:start] + letter)
                end = stop
        spellings.append((changes, "".join(spelled) + lower[end:]))
    return [spelling for _, spelling in sorted(spellings, key=lambda pair: pair[0])]


def with_danish_letters(text: str, is_known: Callable[[str], bool]) -> str:
    """``text`` with æ, ø and å in the words that are only known so.

    A word is rewritten when ``is_known`` (a predicate on lower-case words, e.g. the
    classifier's vocabulary) rejects it and accepts a spelling with Danish letters, the
    one with the fewest changes: "goer" → "gør", "paa" → "på", "galder" → "gælder";
    "Aalborg" stays when it is known, and so does a word no spelling makes known.
    """

    def respell(match: re.Match[str]) -> str:
        word = match.group()
        if is_known(word.lower()):
            return word
        return next((s for s in _spellings(word) if is_known(s)), word)

    return _WORD.sub(respell, text)
