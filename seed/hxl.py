"""OCHA 3W/4W operational-presence tables tagged with HXL: import as a bundle of coverage, export coverage.

Every import error names the row (its line in the file) and the column (hashtag and spreadsheet letter). Exported
cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are neutralised
with a leading apostrophe; the import takes that apostrophe off again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hxl
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML

from peacegraph.graph.bundles.parse import BundleError, BundleInvalid, explain, forbidden_in
from peacegraph.graph.domain.model import BUNDLE_FORMAT, Bundle, Coverage, Organization, Place

MAPPING_FILE = Path(__file__).with_name("mappings") / "hxl_3w.yaml"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TASK_KEY_TAG = "#activity+v_peacegraph"
"""A column of peacegraph task keys (the planners' page's CSV): read as the task itself, before any mapping."""


@dataclass(frozen=True)
class Mapping:
    """Sector/activity names (lower-case) → task keys."""

    activities: dict[str, str]
    sectors: dict[str, str]

    @classmethod
    def load(cls, path: Path = MAPPING_FILE) -> Mapping:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        return cls(
            {k.lower(): v for k, v in (data.get("activities") or {}).items()},
            {k.lower(): v for k, v in (data.get("sectors") or {}).items()},
        )

    def task_for(self, activity: str | None, sector: str | None) -> str | None:
        for value, table in ((activity, self.activities), (sector, self.sectors)):
            if value and value.strip().lower() in table:
                return table[value.strip().lower()]
        return None


def slug(text: str, limit: int = 80) -> str:
    """'Norwegian Refugee Council' -> 'norwegian-refugee-council' (at most `limit` characters, for derived ids)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower())[:limit].strip("-")


def neutralise(value: Any) -> str:
    """A cell as text that no spreadsheet runs as a formula: a leading = + - @ tab or CR gets an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def unneutralise(text: str) -> str:
    """Undo `neutralise` on import: "'=x" was written for "=x"."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


class _Columns:
    """Which column each hashtag pattern reads, to name it in errors: '#date+start (column F)'."""

    def __init__(self, dataset: Any) -> None:
        self.columns = list(dataset.columns)

    def where(self, *patterns: str) -> str:
        for pattern in patterns:
            tag = hxl.model.TagPattern.parse(pattern)
            for i, column in enumerate(self.columns):
                if tag.match(column):
                    return f"{column.display_tag} (column {_letter(i)})"
        return patterns[0]


def _letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def _cell(row: Any, *tags: str) -> str:
    for tag in tags:
        value = row.get(tag)
        if value:
            return unneutralise(str(value).strip())
    return ""


def _date(value: str, name: str, line: int, where: str, errors: list[BundleError]) -> dt.date | None:
    if not value:
        return None
    try:
        if not DATE.fullmatch(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(BundleError(name, line, where, f"bad date {value!r} (expected YYYY-MM-DD, "
                                                     "nothing before or after it)"))
        return None


FIELD_COLUMNS = {"actor": ("#org",), "task": ("#activity", "#sector"), "place": ("#adm1", "#country"),
                 "valid_from": ("#date+start",), "valid_to": ("#date+end",), "cites": ("#org",)}
"""Which column a field of a record built from a row comes from (an area's name and id: #adm1; else #org)."""


def _check(model: type[BaseModel], record: dict[str, Any], name: str, line: int, cols: _Columns,
           errors: list[BundleError]) -> None:
    """Validate one record built from a row; errors name the row and the column the field came from."""
    own = ("#adm1",) if model is Place else ("#org",)

    def column(field: str) -> str:
        return cols.where(*FIELD_COLUMNS.get(field, own))

    problems = forbidden_in(record, name)
    if problems:
        for p in problems:
            errors.append(BundleError(name, line, column(p.path.split(".")[0].split("[")[0]), p.message))
        return
    try:
        model.model_validate(record)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            field = str(err["loc"][0]) if err["loc"] else ""
            errors.append(BundleError(name, line, column(field), f"{field}: {explain(err)}"))


def import_3w(
    path: Path, actors: dict[str, str], places: set[str], mapping: Mapping | None = None,
    source_id: str | None = None, title: str | None = None,
) -> Bundle:
    """Read a 3W table into a bundle of Coverage facts (and the organisations and areas it introduces).

    Args:
        path: CSV or XLSX with an HXL hashtag row (#org, #sector/#activity, #country/#adm1, #date+start/end).
        actors: known actor ids by lower-case id, acronym and name (from the graph), to resolve #org values.
        places: place ids already in the graph.
    Raises:
        BundleInvalid: every row that cannot be mapped, with its line number and column.
    """
    mapping = mapping or Mapping.load()
    name = str(path)
    source_id = source_id or f"3w:{path.stem}"
    try:
        dataset = hxl.data(str(path), hxl.InputOptions(allow_local=True))
        columns = [c.display_tag for c in dataset.columns]
    except Exception as exc:
        raise BundleInvalid([BundleError(name, None, "", f"not an HXL-tagged table: {exc}")]) from None
    if not any(c.startswith("#org") for c in columns):
        raise BundleInvalid([BundleError(name, None, "", "no #org column: a 3W table needs #org")])
    cols = _Columns(dataset)
    errors: list[BundleError] = []
    orgs: dict[str, dict[str, Any]] = {}
    areas: dict[str, dict[str, Any]] = {}
    coverages: dict[str, dict[str, Any]] = {}
    header_lines = _header_lines(path)
    for index, row in enumerate(dataset):
        line = header_lines + index + 1
        mark = len(errors)
        org = _cell(row, "#org")
        activity, sector = _cell(row, "#activity") or None, _cell(row, "#sector") or None
        country = _cell(row, "#country+code").upper()
        adm1 = _cell(row, "#adm1+code", "#adm1+name", "#adm1")
        if not org:
            if _cell(row, "#indicator+state") == "gap":  # the page's row for a task nobody covers: no presence
                continue
            errors.append(BundleError(name, line, cols.where("#org"), "empty organisation"))
            continue
        task = _cell(row, TASK_KEY_TAG) or mapping.task_for(activity, sector)
        if task is None:
            errors.append(BundleError(name, line, "#activity/#sector", f"no task for activity "
                                      f"{activity!r} / sector {sector!r}: add it to {MAPPING_FILE.name}"))
            continue
        if not country or (country not in places):
            errors.append(BundleError(name, line, cols.where("#country+code"),
                                      f"unknown country code {country!r} (ISO3 expected)"))
            continue
        start = _date(_cell(row, "#date+start"), name, line, cols.where("#date+start"), errors)
        end = _date(_cell(row, "#date+end"), name, line, cols.where("#date+end"), errors)
        if start and end and end < start:
            errors.append(BundleError(name, line, cols.where("#date+end"),
                                      f"end {end} is before start {start}"))
            continue
        cite = [{"source": source_id, "locator": f"row {line}"}]
        place = country
        if adm1:
            place = adm1 if adm1 in places else f"{country}-{slug(adm1)}"
            if place not in places and place not in areas:
                area = {"id": place, "name": adm1, "kind": "region", "parent": country, "cites": cite}
                _check(Place, area, name, line, cols, errors)
                areas[place] = area
        actor = actors.get(org.lower())
        if actor is None:
            actor = slug(org) or "org"
            if actor not in orgs:
                record = {"id": actor, "name": org, "kind": "other", "cites": cite}
                _check(Organization, record, name, line, cols, errors)
                orgs[actor] = record
        cov_id = f"3w:{actor}:{task}:{place}:{start or 'open'}"
        coverage = {
            "id": cov_id, "actor": actor, "task": task, "place": place, "role": "lead",
            "valid_from": start, "valid_to": end + dt.timedelta(days=1) if end else None,
            "cites": [{"source": source_id, "locator": f"row {line}",
                       "quote": " | ".join(str(v) for v in (org, sector, activity, adm1 or country) if v)[:600]}],
        }
        if len(errors) == mark:  # a bad name or area already explains the row; its coverage would say it again
            _check(Coverage, coverage, name, line, cols, errors)
        coverages[cov_id] = coverage
    if errors:
        raise BundleInvalid(errors)
    bundle = {
        "format": BUNDLE_FORMAT, "id": source_id,
        "description": f"Coverage imported from the 3W table {path.name}",
        "sources": [{"id": source_id, "title": title or f"3W operational presence: {path.name}",
                     "kind": "dataset", "path": str(path)}],
        "organizations": list(orgs.values()), "places": list(areas.values()),
        "coverages": list(coverages.values()),
    }
    try:
        return Bundle.model_validate(bundle)
    except ValidationError as exc:  # the rows passed one by one: only the header can fail here (source id, title)
        raise BundleInvalid([BundleError(name, None, ".".join(map(str, e["loc"])), explain(e))
                             for e in exc.errors(include_url=False)]) from None


def _header_lines(path: Path) -> int:
    """Lines before the first data row: the text header (if any) and the hashtag row."""
    if path.suffix.lower() != ".csv":
        return 2
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for number, cells in enumerate(csv.reader(fh), start=1):
            if any(c.strip().startswith("#") for c in cells if c.strip()):
                return number
    return 1


HXL_COLUMNS = [
    ("Organisation", "#org"), ("Organisation id", "#org+id"), ("Task group", "#sector"),
    ("Task", "#activity+code"), ("Task name", "#activity+name"), ("Country", "#country+code"),
    ("Area", "#adm1+code"), ("Role", "#indicator+role"), ("Status", "#status"),
    ("Start", "#date+start"), ("End", "#date+end"), ("Mandate", "#meta+mandate"), ("Source", "#meta+source"),
]


def coverage_csv(rows: list[dict[str, Any]]) -> str:
    """Coverage rows (from coverage_export.cypher or a matrix) as an HXL-tagged CSV: header, hashtags, data.

    `End` is the last day covered (valid_to minus one day), as 3W tables write it. Every cell is neutralised
    (see `neutralise`), so a name such as '=HYPERLINK(…)' stays text in a spreadsheet.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180; a CR or LF inside a cell is then quoted
    writer.writerow([h for h, _ in HXL_COLUMNS])
    writer.writerow([t for _, t in HXL_COLUMNS])
    for r in rows:
        end = r.get("valid_to")
        if end is not None:
            end = (_to_date(end) - dt.timedelta(days=1)).isoformat()
        writer.writerow([neutralise(v) for v in (
            r.get("actor_name"), r.get("actor"), r.get("group"), r.get("task"), r.get("task_label"),
            r.get("country"), r.get("place") if r.get("place") != r.get("country") else "",
            r.get("role"), r.get("status"),
            _to_date(r["valid_from"]).isoformat() if r.get("valid_from") else "", end or "",
            r.get("mandate") or "", "; ".join(r.get("sources") or []),
        )])
    return buf.getvalue()


def _to_date(value: Any) -> dt.date:
    return value.to_native() if hasattr(value, "to_native") else value
