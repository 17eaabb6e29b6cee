"""Read Jobindsats figures: the bundled extract and API v2 (CSV/JSON) and v3 (JSON) exports.

Every reader returns a :class:`SeriesFrame`: one row per value with the columns
``row, area, table_id, series_id, category, period, value`` plus the series it
defines. Validation collects every problem with its row number; a file with any
problem is rejected whole (:class:`ImportRejected`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from planbot.periods import parse_period

KNOWLEDGE_JOBINDSATS = Path(__file__).resolve().parent.parent / "knowledge" / "jobindsats"
BUNDLED_CSV = KNOWLEDGE_JOBINDSATS / "jobindsats_kommuner.csv"
SERIES_CSV = KNOWLEDGE_JOBINDSATS / "serier.csv"
NATIONAL = "Hele landet"
SOURCE_LABEL = "Jobindsats.dk (STAR)"


class ImportRejected(ValueError):
    """A file was rejected whole; ``problems`` are Danish messages with row numbers."""

    def __init__(self, filename: str, problems: list[str]):
        self.filename = filename
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  … og {len(problems) - 50} fejl mere" if len(problems) > 50 else ""
        super().__init__(
            f"Filen {filename} blev afvist, og intet er gemt ({len(problems)} fejl):\n{shown}{more}"
        )


@dataclass
class SeriesDef:
    """A series definition (``serier.csv`` row)."""

    id: str
    table_id: str
    description: str
    unit: str


@dataclass
class SeriesFrame:
    """Values read from a file, ready to import."""

    rows: pd.DataFrame
    series: dict[str, SeriesDef] = field(default_factory=dict)
    retrieved: str | None = None


def read_series_definitions(path: Path = SERIES_CSV) -> dict[str, SeriesDef]:
    """Read ``serier.csv``."""
    frame = pd.read_csv(path, sep=";", dtype=str, encoding="utf-8-sig")
    return {
        r.serie: SeriesDef(r.serie, r.tabel.lower(), r.beskrivelse, r.enhed)
        for r in frame.itertuples(index=False)
    }


def parse_number(text: Any) -> float | None:
    """Parse a Danish or English number ("76,5", "8.940", "1.234,5", "76.5"); empty -> None.

    Raises:
        ValueError: when the text is not a number.
    """
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if isinstance(text, float) and pd.isna(text):
            return None
        return float(text)
    raw = str(text).strip().replace("\u00a0", "").replace(" ", "").removesuffix("%")
    if raw in {"", "-", "..", "NaN", "nan"}:
        return None
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", raw):  # 8.940 or 1.234,5
        raw = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", raw):
        raw = raw.replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", raw):  # 8,940.5
        raw = raw.replace(",", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", raw):
        raise ValueError(f"{text!r} er ikke et tal")
    return float(raw)


def _validate(rows: list[dict[str, Any]], filename: str) -> pd.DataFrame:
    problems: list[str] = []
    clean: list[dict[str, Any]] = []
    for row in rows:
        where = f"række {row['row']}"
        if not str(row.get("area") or "").strip():
            problems.append(f"{where}: område mangler")
        try:
            period = parse_period(row["period"])
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            continue
        try:
            value = parse_number(row["value"])
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            continue
        clean.append({**row, "period": period.code, "period_end": period.end, "value": value})
    if problems:
        raise ImportRejected(filename, problems)
    if not clean:
        raise ImportRejected(filename, ["filen indeholder ingen værdier"])
    return pd.DataFrame(clean)


def read_bundled_csv(path: Path = BUNDLED_CSV, series_path: Path = SERIES_CSV) -> SeriesFrame:
    """Read the flattened extract (``omraade;tabel;serie;kategori;periode;vaerdi``)."""
    series = read_series_definitions(series_path)
    frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    required = ["omraade", "tabel", "serie", "kategori", "periode", "vaerdi"]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise ImportRejected(path.name, [f"kolonne mangler: {', '.join(missing)}"])
    problems = [f"række {i + 2}: ukendt serie {s!r}" for i, s in enumerate(frame["serie"]) if s not in series]
    if problems:
        raise ImportRejected(path.name, problems)
    # Vectorised parse: the extract is large (95,000 rows) and uniform.
    values = pd.to_numeric(frame["vaerdi"].str.replace(",", ".", regex=False), errors="coerce")
    bad = frame.index[(frame["vaerdi"].str.strip() != "") & values.isna()]
    periods = {code: None for code in frame["periode"].unique()}
    period_problems: list[str] = []
    for code in periods:
        try:
            periods[code] = parse_period(code)
        except ValueError as exc:
            first = int(frame.index[frame["periode"] == code][0]) + 2
            period_problems.append(f"række {first}: {exc}")
    problems = [f"række {i + 2}: {frame['vaerdi'][i]!r} er ikke et tal" for i in bad] + period_problems
    if problems:
        raise ImportRejected(path.name, problems)
    rows = pd.DataFrame(
        {
            "row": frame.index + 2,
            "area": frame["omraade"].str.strip(),
            "table_id": frame["tabel"].str.lower(),
            "series_id": frame["serie"],
            "category": frame["kategori"].fillna(""),
            "period": frame["periode"].map(lambda c: periods[c].code),  # type: ignore[union-attr]
            "period_end": frame["periode"].map(lambda c: periods[c].end),  # type: ignore[union-attr]
            "value": values.astype(object).where(values.notna(), None),
        }
    )
    return SeriesFrame(rows, series, retrieved=_retrieved_from_source(path.parent))


def _retrieved_from_source(folder: Path) -> str | None:
    source = folder / "SOURCE.md"
    if source.exists():
        match = re.search(r"retrieved[^\n]*?(\d{4}-\d{2}-\d{2})", source.read_text(encoding="utf-8"))
        if match:
            return match.group(1)
    return None


# --- Jobindsats API exports -------------------------------------------------------------

_AREA_NAMES = {"area", "omrade", "område", "_omrade", "omraade", "kommune"}
_PERIOD_NAMES = {"periode", "period", "_periode", "tid"}


def _slug(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:50]


def _unit_for(label: str) -> str:
    lowered = label.lower()
    return "pct" if ("pct" in lowered or "andel" in lowered or "procent" in lowered) else "antal"


def _rows_from_table(
    columns: list[str], data: list[list[Any]], table_id: str, filename: str, first_row: int
) -> SeriesFrame:
    known = read_series_definitions()
    lowered = [c.strip().lower() for c in columns]
    try:
        area_idx = next(i for i, c in enumerate(lowered) if c in _AREA_NAMES)
        period_idx = next(i for i, c in enumerate(lowered) if c in _PERIOD_NAMES)
    except StopIteration:
        raise ImportRejected(filename, ["kolonnen for område (Area) eller periode mangler"]) from None
    others = [i for i in range(len(columns)) if i not in {area_idx, period_idx}]
    # A column is a measure when most of its non-empty values parse as numbers;
    # the odd bad value is then reported with its row by the validation.
    measures, dims = [], []
    for i in others:
        sample = [r[i] for r in data if i < len(r) and r[i] not in (None, "")]
        ok = 0
        for value in sample:
            try:
                parse_number(value)
                ok += 1
            except ValueError:
                pass
        (measures if sample and ok * 2 >= len(sample) else dims).append(i)
    if not measures:
        raise ImportRejected(filename, ["ingen talkolonner fundet"])
    series: dict[str, SeriesDef] = {}
    by_description = {(s.table_id, s.description.lower()): s for s in known.values()}
    column_series: dict[int, str] = {}
    for i in measures:
        label = columns[i].strip()
        match = by_description.get((table_id, label.lower()))
        if match:
            series[match.id] = match
            column_series[i] = match.id
        else:
            sid = f"{table_id}.{_slug(label)}"
            series[sid] = SeriesDef(sid, table_id, label, _unit_for(label))
            column_series[i] = sid
    rows: list[dict[str, Any]] = []
    for n, record in enumerate(data):
        row_number = first_row + n
        if len(record) != len(columns):
            rows.append({"row": row_number, "area": "", "period": "", "value": None})
            continue
        category = " / ".join(str(record[i]) for i in dims if record[i] not in (None, ""))
        for i in measures:
            rows.append(
                {
                    "row": row_number,
                    "area": str(record[area_idx]).strip(),
                    "table_id": table_id,
                    "series_id": column_series[i],
                    "category": category,
                    "period": str(record[period_idx]),
                    "value": record[i],
                }
            )
    return SeriesFrame(_validate(rows, filename), series)


def _table_id_from_name(path: Path, table_id: str | None) -> str:
    if table_id:
        return table_id.lower()
    match = re.search(r"(y\d{2}[a-z]\d{2}|ptv_?[a-z]\d{2}|otij\d{2})", path.name.lower())
    if not match:
        raise ImportRejected(path.name, ["tabel-id ukendt: angiv --tabel (fx y25i01)"])
    return match.group(1)


def read_api_csv(path: Path, table_id: str | None = None) -> SeriesFrame:
    """Read a Jobindsats API v2 CSV export (``;``-separated, decimal comma)."""
    text = path.read_text(encoding="utf-8-sig")
    reader = list(csv.reader(io.StringIO(text), delimiter=";"))
    if not reader:
        raise ImportRejected(path.name, ["filen er tom"])
    header, body = reader[0], [r for r in reader[1:] if any(cell.strip() for cell in r)]
    return _rows_from_table(header, body, _table_id_from_name(path, table_id), path.name, 2)


def read_api_json(path: Path, table_id: str | None = None) -> SeriesFrame:
    """Read a Jobindsats API v2 JSON (``[{"Variables", "Data"}]``) or v3 JSON (``{"columns", "rows"}``)."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ImportRejected(path.name, [f"ugyldig JSON (linje {exc.lineno}): {exc.msg}"]) from None
    table = (
        _table_id_from_name(path, table_id) if table_id or re.search(r"y\d{2}", path.name.lower()) else None
    )
    if isinstance(payload, list) and payload and isinstance(payload[0], dict) and "Data" in payload[0]:
        block = payload[0]
        columns = [v.get("Label") or v.get("Name") for v in block.get("Variables", [])]
        table = table or str(block.get("TableID") or block.get("Table") or "").lower() or None
        if not table:
            raise ImportRejected(path.name, ["tabel-id ukendt: angiv --tabel (fx y25i01)"])
        return _rows_from_table(columns, block["Data"], table, path.name, 1)
    if isinstance(payload, dict) and "columns" in payload and "rows" in payload:
        columns = [
            c if isinstance(c, str) else (c.get("label") or c.get("name") or c.get("id"))
            for c in payload["columns"]
        ]
        table = table or str(payload.get("table_id") or "").lower() or None
        if not table:
            raise ImportRejected(path.name, ["tabel-id ukendt: angiv --tabel (fx y25i01)"])
        return _rows_from_table(columns, payload["rows"], table, path.name, 1)
    raise ImportRejected(path.name, ["ukendt JSON-format (forventer Jobindsats API v2 eller v3)"])


def read_any(path: Path, table_id: str | None = None) -> SeriesFrame:
    """Read a file in any supported shape, chosen by extension and header."""
    if path.suffix.lower() == ".json":
        return read_api_json(path, table_id)
    with path.open(encoding="utf-8-sig") as handle:
        header = handle.readline().strip().lower()
    if header.startswith("omraade;tabel;serie"):
        return read_bundled_csv(path)
    return read_api_csv(path, table_id)
