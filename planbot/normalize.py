"""Repair PDF-extraction artefacts in the plan documents and split them into sections.

The plan documents are plain-text extractions of PDFs. They carry hyphenated line
breaks (``beskæf-\\ntigelse``), private-use bullet glyphs, repeated page headers,
page numbers, table-of-contents dot leaders and runs of blank lines. This module
turns such a text into a clean, line-based text (the *normalised* text), which is
what curated quotes are checked against and what search indexes.

Only the standard library is used, so the module can run anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

LETTER = "A-Za-zÆØÅæøåÉéÜüÖöÄä"
LOWER = "a-zæøåéüöä"
UPPER = "A-ZÆØÅÉÜÖÄ"

# Words that follow a suspended compound ("job- og uddannelsesrettet"): the hyphen is real.
_SUSPENDED_FOLLOWERS = {"og", "eller", "samt", "til", "som"}

_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_BULLET_LINE = re.compile(r"^\s*[\u2022\u25aa\u25cf\u2023\u2043]\s*")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_DOT_LEADER = re.compile(r"\.{5,}\s*\d{1,3}\s*$")
_HTML_SUP = re.compile(r"<sup>(\d+)</sup>")
_SPACES = re.compile(r"[ \t\u00a0]+")


def _is_hyphen_break(prefix: str, next_word: str) -> bool | None:
    """Decide what to do with ``prefix-`` at a line end followed by ``next_word``.

    Returns:
        True to join without hyphen, False to keep the hyphen (joined without a
        break), None to keep the hyphen and a space (suspended compound).
    """
    bare = next_word.rstrip(".,;:!?)")
    if bare.lower() in _SUSPENDED_FOLLOWERS:
        return None
    if len(prefix) == 1:  # a-kasser, e-mail
        return False
    if prefix.isupper() and next_word[:1].islower():  # FGU-elever, STU-forløb
        return False
    if prefix[-1:].islower() and next_word[:1].isupper():  # ikke-Vestlige, Nord-Djurs is rare
        return False
    return True


_HYPHEN_BREAK = re.compile(rf"([{LETTER}]+)-[ \t]*\n(?:[ \t]*\n)*[ \t]*([{LETTER}][{LETTER}\.]*)")


def join_hyphenated(text: str) -> str:
    """Join words hyphenated across line breaks, keeping real hyphens."""

    def repl(match: re.Match[str]) -> str:
        prefix, next_word = match.group(1), match.group(2)
        # A trailing space before the line break ("job- ") marks a suspended compound.
        between = match.group(0)[len(prefix) + 1 :]
        if between.startswith((" ", "\t")) and next_word.lower().rstrip(".,") in _SUSPENDED_FOLLOWERS:
            return f"{prefix}- {next_word}"
        decision = _is_hyphen_break(prefix, next_word)
        if decision is None:
            return f"{prefix}- {next_word}"
        if decision:
            return f"{prefix}{next_word}"
        return f"{prefix}-{next_word}"

    previous = None
    while previous != text:  # a joined word can itself end in a hyphen break
        previous, text = text, _HYPHEN_BREAK.sub(repl, text)
    return text


def _strip_lines(
    lines: Iterable[str], page_headers: Sequence[str], drop_patterns: Sequence[re.Pattern[str]]
) -> list[str]:
    headers = {h.strip() for h in page_headers}
    kept: list[str] = []
    for raw in lines:
        line = _PRIVATE_USE.sub("-", raw)
        line = _BULLET_LINE.sub("- ", line)
        line = _SPACES.sub(" ", line).strip()
        if line.startswith("- -"):
            line = "- " + line[3:].strip()
        if line == "-":
            line = ""
        if _PAGE_NUMBER.match(line) or _DOT_LEADER.search(line) or line in headers:
            line = ""
        if any(p.search(line) for p in drop_patterns):
            line = ""
        kept.append(line)
    return kept


def _collapse_blank_lines(lines: list[str]) -> list[str]:
    """Collapse runs of blank lines; drop a blank line inside a sentence.

    A blank line followed by a line starting with a lowercase letter (and preceded
    by a line that does not end a sentence) is a PDF artefact, not a paragraph break.
    """
    out: list[str] = []
    pending_blank = False
    for line in lines:
        if not line:
            pending_blank = bool(out)
            continue
        if pending_blank:
            prev = out[-1]
            continues = (
                re.match(rf"[{LOWER}]", line) is not None
                and not prev.endswith((".", ":", "!", "?"))
                and not line.startswith("- ")
            )
            if not continues:
                out.append("")
        out.append(line)
        pending_blank = False
    return out


def normalize_text(
    text: str,
    page_headers: Sequence[str] = (),
    drop_patterns: Sequence[str] = (),
) -> str:
    """Return the normalised text of a plan document.

    Args:
        text: The raw extracted text.
        page_headers: Lines (stripped) that are repeated page headers or footers.
        drop_patterns: Regular expressions; a line matching one is removed.

    Returns:
        Clean text: one paragraph per block, single spaces, no page furniture.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _HTML_SUP.sub(r"[\1]", text)
    compiled = [re.compile(p) for p in drop_patterns]
    lines = _strip_lines(text.split("\n"), page_headers, compiled)
    lines = _collapse_blank_lines(lines)
    joined = join_hyphenated("\n".join(lines))
    lines = _collapse_blank_lines([_SPACES.sub(" ", ln).strip() for ln in joined.split("\n")])
    return "\n".join(lines).strip() + "\n"


def fold(text: str) -> str:
    """Fold whitespace (and line breaks) to single spaces: the key quotes are matched on."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


_FOLD_ALL = re.compile(r"\s+")


def quote_in_text(quote: str, folded_text: str) -> bool:
    """Whether a curated quote occurs in a document (whitespace-insensitive)."""
    return _FOLD_ALL.sub(" ", quote).strip() in folded_text


@dataclass
class Section:
    """A section of a normalised document: its heading and its paragraphs."""

    heading: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    path: list[str] = field(default_factory=list)


def split_sections(normalised: str, heading_patterns: Sequence[str]) -> list[Section]:
    """Split normalised text into sections at lines matching a heading pattern.

    Args:
        normalised: Output of :func:`normalize_text`.
        heading_patterns: Regular expressions matched against whole lines. A pattern
            may start with ``"2:"`` to give the heading level 2 (default level 1).

    Returns:
        Sections in document order; text before the first heading goes into a
        section headed ``"Indledning"``.
    """
    compiled: list[tuple[int, re.Pattern[str]]] = []
    for pattern in heading_patterns:
        level = 1
        if re.match(r"^\d:", pattern):
            level, pattern = int(pattern[0]), pattern[2:]
        compiled.append((level, re.compile(pattern)))

    sections: list[Section] = [Section("Indledning", 1)]
    stack: list[tuple[int, str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            sections[-1].paragraphs.append(" ".join(paragraph))
            paragraph.clear()

    previous_was_heading = False
    for line in normalised.split("\n"):
        if previous_was_heading and line.isupper() and len(line) > 3:
            # A capitalised heading broken over two lines ("... FAMILIESAMMENFØRTE / SKAL VÆRE ...").
            sections[-1].heading = f"{sections[-1].heading} {line}"
            sections[-1].path[-1] = sections[-1].heading
            stack[-1] = (stack[-1][0], sections[-1].heading)
            continue
        heading_level = next((lvl for lvl, pat in compiled if pat.fullmatch(line)), None)
        previous_was_heading = heading_level is not None and line.isupper()
        if heading_level is not None:
            flush()
            heading = line.lstrip("#").strip().strip("*").strip()
            stack = [(lvl, h) for lvl, h in stack if lvl < heading_level] + [(heading_level, heading)]
            sections.append(Section(heading, heading_level, path=[h for _, h in stack]))
            continue
        if not line:
            flush()
        elif line.startswith("- ") and paragraph:
            flush()
            paragraph.append(line)
        else:
            paragraph.append(line)
    flush()
    if not sections[0].paragraphs:
        sections.pop(0)
    else:
        sections[0].path = [sections[0].heading]
    return [s for s in sections if s.paragraphs or s.heading]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"”])")


def split_passages(section: Section, max_chars: int = 700, min_chars: int = 120) -> list[str]:
    """Split a section into passages small enough to quote.

    Short paragraphs (list items, table cells) are merged up to ``max_chars``;
    long ones are split at sentence boundaries.
    """
    pieces: list[str] = []
    for paragraph in section.paragraphs:
        if len(paragraph) <= max_chars:
            pieces.append(paragraph)
            continue
        current = ""
        for sentence in _SENTENCE_END.split(paragraph):
            if current and len(current) + len(sentence) + 1 > max_chars:
                pieces.append(current)
                current = sentence
            else:
                current = f"{current} {sentence}".strip()
        if current:
            pieces.append(current)

    passages: list[str] = []
    for piece in pieces:
        if (
            passages
            and (len(passages[-1]) < min_chars or len(piece) < min_chars // 2)
            and (len(passages[-1]) + len(piece) + 1 <= max_chars)
        ):
            passages[-1] = f"{passages[-1]}\n{piece}"
        else:
            passages.append(piece)
    return passages
