"""Generate Rasa lookup tables and synonyms from the knowledge base.

Kommune names (all Jobindsats areas plus the catalogue's aliases), target groups,
Jobindsats indicators, glossary terms and goal titles are written once, here, from
the same sources the actions use, instead of being typed twice in ``data/``.
Output: ``data/generated/lookups.yml`` (not committed; ``make`` regenerates it).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from planbot.answers import _INDICATOR_WORDS, TARGET_GROUP_WORDS
from planbot.curated import KNOWLEDGE_DIR, load_all_plans, load_catalogue
from planbot.jobindsats import BUNDLED_CSV, NATIONAL
from planbot.kommune_names import AMBIGUOUS_KOMMUNER, jobindsats_areas


def ascii_variants(name: str) -> set[str]:
    """Spellings without æ/ø/å: 'Morsø' -> {'Morso', 'Morsoe'}."""
    variants = {name}
    for src, targets in (
        ("æ", ("ae",)),
        ("ø", ("o", "oe")),
        ("å", ("aa", "a")),
        ("Æ", ("Ae",)),
        ("Ø", ("O", "Oe")),
        ("Å", ("Aa", "A")),
    ):
        new = set()
        for variant in variants:
            if src in variant:
                for target in targets:
                    new.add(variant.replace(src, target))
        variants |= new
    return {v for v in variants if v}


def _literal(text: str) -> str:
    return text.replace("\n", " ").strip()


def build_nlu_data(knowledge_dir: Path = KNOWLEDGE_DIR, jobindsats_csv: Path = BUNDLED_CSV) -> dict:
    """The generated NLU data as a Rasa YAML structure."""
    catalogue = load_catalogue(knowledge_dir)
    areas = sorted(jobindsats_areas(jobindsats_csv))
    synonyms: dict[str, set[str]] = {}
    kommune_lookup: set[str] = set()
    aliases = {k.name: set(k.aliases) for k in catalogue.kommuner}
    for area in areas:
        if area in AMBIGUOUS_KOMMUNER:
            continue  # "vejen", "greve": ordinary words; DIET learns these from examples
        canonical = area
        forms = {area} | aliases.get(area, set())
        if area != NATIONAL:
            genitive = f"{area}'" if area.endswith(("s", "x", "z")) else f"{area}s"
            forms |= {f"{area} Kommune", f"{area} kommune", genitive, f"{area} Kommunes"}
        all_forms: set[str] = set()
        for form in forms:
            all_forms |= ascii_variants(form)
            all_forms |= {v.lower() for v in ascii_variants(form)}
        kommune_lookup |= all_forms
        synonyms.setdefault(canonical, set()).update(f for f in all_forms if f != canonical)
    kommune_lookup |= {"hele landet", "Hele landet", "landsplan"}

    groups: set[str] = set()
    for group, words in TARGET_GROUP_WORDS.items():
        groups |= set(words) | {group}
        synonyms.setdefault(group, set()).update(w for w in words if w != group)
    indicators: set[str] = set()
    for key, words in _INDICATOR_WORDS.items():
        indicators |= set(words) | {key}
        synonyms.setdefault(key, set()).update(w for w in words if w != key)
    glossary = yaml.safe_load((knowledge_dir / "glossary.yaml").read_text(encoding="utf-8"))["terms"]
    terms: set[str] = set()
    for entry in glossary:
        terms |= {entry["term"], *entry.get("aliases", [])}
        synonyms.setdefault(entry["term"], set()).update(
            a for a in entry.get("aliases", []) if a != entry["term"]
        )

    nlu: list[dict] = [
        {"lookup": "kommune", "examples": _examples(kommune_lookup)},
        {"lookup": "target_group", "examples": _examples(groups)},
        {"lookup": "indicator", "examples": _examples(indicators)},
        {"lookup": "term", "examples": _examples(terms)},
    ]
    # Synonyms: a form may only map to one value; drop forms that are ambiguous or that
    # are themselves a value ("ledige" is a target group, not a spelling of "ledighed").
    values = set(synonyms) | groups_values(TARGET_GROUP_WORDS)
    owner: dict[str, str] = {}
    clashes: set[str] = set()
    for value, forms in synonyms.items():
        for form in forms:
            if form in owner and owner[form] != value:
                clashes.add(form)
            owner[form] = value
    for value, forms in sorted(synonyms.items()):
        keep = sorted(f for f in forms if f not in clashes and f != value and f not in values)
        if keep:
            nlu.append({"synonym": value, "examples": _examples(keep)})
    titles = sorted({_literal(g["title"]) for plan in load_all_plans(knowledge_dir) for g in plan.goals})
    nlu.append({"lookup": "goal_title", "examples": _examples(titles)})
    return {"version": "3.1", "nlu": nlu}


def groups_values(groups: dict[str, list[str]]) -> set[str]:
    """Target-group names: values that must never be rewritten into something else."""
    return set(groups)


def _examples(items: set[str] | list[str]) -> str:
    return "".join(f"- {_literal(i)}\n" for i in sorted(items) if _literal(i))


class _Literal(str):
    pass


def _literal_representer(dumper: yaml.Dumper, data: _Literal) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")


def write_nlu_data(out_dir: Path) -> Path:
    """Write ``lookups.yml`` into ``out_dir``."""
    data = build_nlu_data()
    # The goal-title lookup feeds no extractor (no such entity); keep it as documentation only.
    data["nlu"] = [block for block in data["nlu"] if block.get("lookup") != "goal_title"]
    for block in data["nlu"]:
        block["examples"] = _Literal(block["examples"])
    yaml.add_representer(_Literal, _literal_representer)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "lookups.yml"
    header = "# Generated by `planbot nlu-data` from knowledge/ – do not edit.\n"
    path.write_text(
        header + yaml.dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )
    return path
