"""OCHA 3W/4W operational-presence tables tagged with HXL: import as a bundle of coverage, export coverage."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hxl
from ruamel.yaml import YAML

from peacegraph.graph.bundles.parse import BundleError, BundleInvalid
from peacegraph.graph.domain.model import BUNDLE_FORMAT, Bundle

MAPPING_FILE = Path(__file__).with_name("mappings") / "hxl_3w.yaml"


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


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _date(value: str | None, name: str, line: int, field: str, errors: list[BundleError]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        errors.append(BundleError(name, line, field, f"bad date {value!r} (expected YYYY-MM-DD)"))
        return None


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
        BundleInvalid: every row that cannot be mapped, with its line number.
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
    errors: list[BundleError] = []
    orgs: dict[str, dict[str, Any]] = {}
    areas: dict[str, dict[str, Any]] = {}
    coverages: dict[str, dict[str, Any]] = {}
    header_lines = _header_lines(path)
    for index, row in enumerate(dataset):
        line = header_lines + index + 1
        org = (row.get("#org") or "").strip()
        activity, sector = row.get("#activity"), row.get("#sector")
        country = (row.get("#country+code") or "").strip().upper()
        adm1 = (row.get("#adm1+code") or row.get("#adm1+name") or row.get("#adm1") or "").strip()
        if not org:
            errors.append(BundleError(name, line, "#org", "empty organisation"))
            continue
        task = mapping.task_for(activity, sector)
        if task is None:
            errors.append(BundleError(name, line, "#activity/#sector",
                                      f"no task for activity {activity!r} / sector {sector!r}: add it to {MAPPING_FILE.name}"))
            continue
        if not country or (country not in places):
            errors.append(BundleError(name, line, "#country+code", f"unknown country code {country!r} (ISO3 expected)"))
            continue
        place = country
        if adm1:
            place = adm1 if adm1 in places else f"{country}-{slug(adm1)}"
            if place not in places:
                areas[place] = {"id": place, "name": adm1, "kind": "region", "parent": country,
                                "cites": [{"source": source_id, "locator": f"row {line}"}]}
        actor = actors.get(org.lower())
        if actor is None:
            actor = slug(org)
            orgs.setdefault(actor, {"id": actor, "name": org, "kind": "other",
                                    "cites": [{"source": source_id, "locator": f"row {line}"}]})
        start = _date(row.get("#date+start"), name, line, "#date+start", errors)
        end = _date(row.get("#date+end"), name, line, "#date+end", errors)
        cov_id = f"3w:{actor}:{task}:{place}:{start or 'open'}"
        coverages[cov_id] = {
            "id": cov_id, "actor": actor, "task": task, "place": place, "role": "lead",
            "valid_from": start, "valid_to": end + dt.timedelta(days=1) if end else None,
            "cites": [{"source": source_id, "locator": f"row {line}",
                       "quote": " | ".join(str(v) for v in (org, sector, activity, adm1 or country) if v)}],
        }
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
    except Exception as exc:
        raise BundleInvalid([BundleError(name, None, "", f"rows do not form valid coverage: {exc}")]) from None


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

    `End` is the last day covered (valid_to minus one day), as 3W tables write it.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([h for h, _ in HXL_COLUMNS])
    writer.writerow([t for _, t in HXL_COLUMNS])
    for r in rows:
        end = r.get("valid_to")
        if end is not None:
            end = (_to_date(end) - dt.timedelta(days=1)).isoformat()
        writer.writerow([
            r.get("actor_name"), r.get("actor"), r.get("group"), r.get("task"), r.get("task_label"),
            r.get("country"), r.get("place") if r.get("place") != r.get("country") else "",
            r.get("role"), r.get("status"),
            _to_date(r["valid_from"]).isoformat() if r.get("valid_from") else "", end or "",
            r.get("mandate") or "", "; ".join(r.get("sources") or []),
        ])
    return buf.getvalue()


def _to_date(value: Any) -> dt.date:
    return value.to_native() if hasattr(value, "to_native") else value
