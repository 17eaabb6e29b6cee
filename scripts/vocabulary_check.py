"""Leave-one-out check of the out-of-scope vocabulary rules on the training data.

For each example in ``data/nlu/``, the plan vocabulary is learnt from all *other* plan
examples (plus the lookup tables in ``data/generated/``), and the example is checked:
how many plan questions would be called off-topic (lost), and how many out_of_scope
examples have no plan word (caught)? Words are split and lemmatised with
``planbot.text`` (the Rasa component uses spaCy's tokens; the lemmas are the same table).

Usage: .venv/bin/python scripts/vocabulary_check.py [--show]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import yaml

from planbot.text import _TOKEN, _lemma
from planbot.vocabulary import NON_PLAN_INTENTS, DomainVocabulary, lookup_forms, token_forms

ROOT = Path(__file__).resolve().parent.parent
_MARKUP = re.compile(r"\[([^\]]+)\](?:\([^)]+\)|\{[^}]+\})")


def message_forms(text: str) -> list[frozenset[str]]:
    """Token forms of a message, as the component builds them from spaCy tokens."""
    return [f for f in (token_forms(w, _lemma(w)) for w in _TOKEN.findall(text)) if f]


def examples() -> list[tuple[str, str]]:
    """(intent, text) for every example in data/nlu/, markup removed."""
    out = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            for line in (block.get("examples") or "").splitlines() if "intent" in block else []:
                if line.strip().startswith("- "):
                    out.append((block["intent"], _MARKUP.sub(r"\1", line.strip()[2:])))
    return out


def lookups() -> tuple[set[str], list[list[frozenset[str]]]]:
    """Kommune forms (neutral) and the other lookup entries (plan words), as the component splits them."""
    path = ROOT / "data" / "generated" / "lookups.yml"
    blocks = [b for b in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or [] if "lookup" in b]
    tables = [
        (b["lookup"], [line.strip()[2:] for line in b["examples"].splitlines() if line.strip()])
        for b in blocks
    ]
    return lookup_forms(tables, "kommune")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the plan questions that would be lost")
    args = parser.parse_args()
    places, entries = lookups()
    data = [(intent, text, message_forms(text)) for intent, text in examples()]
    counts: Counter[str] = Counter()
    for intent, _, forms in data:
        if intent not in NON_PLAN_INTENTS:
            counts.update(set().union(*forms) if forms else set())
    lookup_words = {form for forms in entries for token in forms for form in token}
    result: Counter[tuple[str, bool]] = Counter()
    for intent, text, forms in data:
        own = set().union(*forms) if forms and intent not in NON_PLAN_INTENTS else set()
        words = {w for w, n in counts.items() if n - (w in own) > 0} | lookup_words
        off_topic = DomainVocabulary(frozenset(words), frozenset(places)).is_off_topic(forms)
        group = "plan" if intent not in NON_PLAN_INTENTS else intent
        result[(group, off_topic)] += 1
        if args.show and off_topic and group == "plan":
            print(f"lost: {intent}: {text}")
    for group in sorted({g for g, _ in result}):
        caught, total = result[(group, True)], result[(group, True)] + result[(group, False)]
        print(f"{group:16} {caught:4} of {total:5} without a plan word")


if __name__ == "__main__":
    main()
