"""A first load as CSV for Neo4j's offline importer (`neo4j-admin database import full`): the same nodes,
properties and relationships the Cypher create statements write, at the importer's speed.

Only kinds without component records are written here (`writer.creatable`); the rest (transitions with their handovers)
go through the ordinary load afterwards. Every link must name a record of the same load: the database is empty.
Fields are separated by commas, arrays and labels by U+001F (which no bundle text may hold); strings are quoted (so
commas, semicolons, quotes and line breaks in text survive, and "" stays an empty string) and a missing value is
an empty field (no property).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from peacegraph.graph.domain.spec import NODES, write_order
from peacegraph.graph.store.writer import creatable

ARRAY_DELIMITER = "\x1f"
KEY_SEPARATOR = "\x1f"


def node_key(kind: str, record_id: str) -> str:
    """The importer's node id: unique across kinds (an organisation and a mission may not share an id anyway)."""
    return f"{kind}{KEY_SEPARATOR}{record_id}"


def search_key(record_id: str) -> str:
    """`_key`, as the Cypher statements compute it: toLower(normalize(id, NFKC))."""
    return unicodedata.normalize("NFKC", record_id).lower()


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, list):
        return "string[]"
    return "string"


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(_cell(v)) for v in value)
    return value


class Unresolved(ValueError):
    """Links that name no record of the load (for a first load into an empty database: an error)."""

    def __init__(self, missing: dict[str, dict[str, list[str]]]) -> None:
        self.missing = missing  # kind -> record id -> ["field 'ref'", ...]
        shown = [f"{kind} {rid}: {', '.join(refs)}" for kind, recs in missing.items() for rid, refs in recs.items()]
        super().__init__("links name records that are not in the load: " + "; ".join(shown[:10]))


@dataclass
class ImportFiles:
    """The CSV files of one import and what they hold."""

    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)
    node_count: int = 0
    relationship_count: int = 0

    def arguments(self) -> list[str]:
        """The importer's file arguments."""
        return [*(f"--nodes={p}" for p in self.nodes), *(f"--relationships={p}" for p in self.relationships)]


def _quoted(text: str) -> str:
    return '"' + (text.replace('"', '""') if '"' in text else text) + '"'


def _text(value: Any) -> str:
    return "" if value is None else _quoted(value.value if isinstance(value, Enum) else str(value))


def _number(value: Any) -> str:
    return "" if value is None else repr(value)


def _boolean(value: Any) -> str:
    return "" if value is None else ("true" if value else "false")


def _day(value: Any) -> str:
    return "" if value is None else '"' + value.isoformat() + '"'


def _array(value: Any) -> str:
    return "" if value is None else _quoted(ARRAY_DELIMITER.join(str(_cell(v)) for v in value))


FORMAT = {"string": _text, "long": _number, "double": _number, "boolean": _boolean, "date": _day, "string[]": _array}
"""A property's CSV field by its importer type, chosen once per property: nothing for None (no property), a quoted
string ("" stays an empty string), a bare number, dates and arrays quoted."""


def _write_links(path: Path, links: list[tuple[str, str]], rel: str) -> int:
    """A relationship file without properties (the common case, written without per-field dispatch)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(":START_ID,:END_ID,:TYPE\n")
        fh.writelines(f"{_quoted(a)},{_quoted(b)},{rel}\n" for a, b in links)
    return len(links)


def _write_nodes(path: Path, kind: str, mine: list[dict[str, Any]], props: list[str], types: dict[str, str],
                 labels: str) -> int:
    """A node file: the key fields, then each property formatted by its type (chosen once for the kind)."""
    formats = [(p, FORMAT[types[p]]) for p in props]
    tail = "," + _quoted(labels) + "\n"
    header = [":ID", "id", "_hash", "_key", *(f"{p}:{types[p]}" for p in props), ":LABEL"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        for r in mine:
            got, rid = r["props"], r["id"]
            fh.write(",".join([_quoted(node_key(kind, rid)), _quoted(rid), _quoted(r["hash"]), _quoted(search_key(rid)),
                               *[f(got.get(p)) for p, f in formats]]) + tail)
    return len(mine)


def write_csv(rows: dict[str, list[dict[str, Any]]], folder: Path) -> ImportFiles:
    """Writer rows (graph.store.writer.rows_for) of the kinds created outright (`creatable`) as node and relationship CSV files in
    `folder`. Raises Unresolved when a link or citation names a record the load does not hold."""
    folder.mkdir(parents=True, exist_ok=True)
    held = {kind: {r["id"] for r in rows.get(kind, [])} for kind in NODES}
    missing: dict[str, dict[str, list[str]]] = {}
    files = ImportFiles()
    for kind in write_order():
        spec, mine = NODES[kind], rows.get(kind, [])
        if not creatable(kind) or not mine:
            continue
        props = sorted({p for r in mine for p, v in r["props"].items() if v is not None})
        types = {p: next(_type_of(r["props"][p]) for r in mine if r["props"].get(p) is not None) for p in props}
        labels = ARRAY_DELIMITER.join([spec.label, *spec.extra_labels])
        path = folder / f"nodes-{kind}.csv"
        files.node_count += _write_nodes(path, kind, mine, props, types, labels)
        files.nodes.append(path)
        for lk in spec.links:
            links: list[tuple[str, str]] = []
            homes = [(k, held[k]) for k in lk.target_kinds]
            for r in mine:
                start = node_key(kind, r["id"])
                for ref in r[lk.name]:
                    home = next((k for k, ids in homes if ref in ids), None) if len(homes) > 1 else (
                        homes[0][0] if ref in homes[0][1] else None)
                    if home is None:
                        missing.setdefault(kind, {}).setdefault(r["id"], []).append(f"{lk.name} {ref!r}")
                    else:
                        links.append((start, node_key(home, ref)))
            if links:
                path = folder / f"rels-{kind}-{lk.name}.csv"
                files.relationship_count += _write_links(path, links, lk.rel)
                files.relationships.append(path)
        if spec.cites:
            cites: list[str] = []
            sources = held["sources"]
            for r in mine:
                start = _quoted(node_key(kind, r["id"]))
                for c in r["cites"]:
                    if c["source"] not in sources:
                        missing.setdefault(kind, {}).setdefault(r["id"], []).append(f"cites {c['source']!r}")
                    else:
                        cites.append(f"{start},{_quoted(node_key('sources', c['source']))},\"CITES\","
                                     f"{_text(c.get('locator'))},{_text(c.get('quote'))}\n")
            if cites:
                path = folder / f"rels-{kind}-cites.csv"
                with path.open("w", encoding="utf-8", newline="") as fh:
                    fh.write(":START_ID,:END_ID,:TYPE,locator,quote\n")
                    fh.writelines(cites)
                files.relationship_count += len(cites)
                files.relationships.append(path)
    if missing:
        raise Unresolved(missing)
    return files
