"""A small gazetteer and context written for the unit tests (no Neo4j, nothing read from outside the project)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacegraph.seed.extract.context import ExtractContext, context_from_rows
from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.reading import RawReport


def _org(id_: str, name: str, acronym: str | None, kind: str = "intergovernmental", parents: list[str] | None = None
         ) -> dict[str, Any]:
    return {"kind": "organization", "id": id_, "name": name, "acronym": acronym, "aliases": [], "adjectives": [],
            "subkind": kind, "parents": parents or [], "led_by": [], "deployed_in": []}


def _mission(id_: str, name: str, acronym: str, led: str, places: list[str], kind: str = "un_peacekeeping"
             ) -> dict[str, Any]:
    return {"kind": "mission", "id": id_, "name": name, "acronym": acronym, "aliases": [], "adjectives": [],
            "subkind": kind, "parents": [], "led_by": [led], "deployed_in": places}


def _place(iso: str, name: str, adjectives: list[str]) -> dict[str, Any]:
    return {"kind": "place", "id": iso, "name": name, "acronym": iso, "aliases": [], "adjectives": adjectives,
            "subkind": "country", "parents": [], "led_by": [], "deployed_in": []}


TASK_KEYS = ["civilian_protection", "humanitarian_relief", "use_of_force", "electoral_assistance",
             "financing_support", "disarmament_demobilisation", "human_rights", "ceasefire_monitoring"]

ROWS: list[dict[str, Any]] = [
    _org("un", "United Nations", "UN"),
    _org("au", "African Union", "AU", "regional"),
    _org("eu", "European Union", "EU", "regional"),
    _org("unsc", "Security Council", "UNSC", "organ", ["un"]),
    _mission("minusma", "United Nations Multidimensional Integrated Stabilization Mission in Mali", "MINUSMA", "un",
             ["MLI"]),
    _mission("unoci", "United Nations Operation in Côte d'Ivoire", "UNOCI", "un", ["CIV"]),
    _mission("amisom", "African Union Mission in Somalia", "AMISOM", "au", ["SOM"], "au_peace_support"),
    _place("MLI", "Mali", ["Malian"]),
    _place("SOM", "Somalia", ["Somali"]),
    _place("CIV", "Côte d'Ivoire", ["Ivorian"]),
    *({"kind": "task", "id": k, "name": k, "acronym": None, "aliases": [], "adjectives": [], "subkind": "protection",
       "parents": [], "led_by": [], "deployed_in": []} for k in TASK_KEYS),
]
MISSIONS = [{"id": "minusma", "valid_from": "2013-07-01", "valid_to": "2024-01-01"},
            {"id": "unoci", "valid_from": "2004-04-04", "valid_to": "2017-07-01"},
            {"id": "amisom", "valid_from": "2007-01-19", "valid_to": "2022-04-01"}]
MANDATES = [{"id": "S/RES/2100 (2013)", "adopted": "2013-04-25", "valid_from": "2013-07-01", "valid_to": "2014-07-01",
             "action": "establish", "authorizes": ["minusma"]}]


def gazetteer() -> Gazetteer:
    return Gazetteer.from_rows(ROWS, with_countries=False)


def context(sources: list[dict[str, Any]] | None = None, reports_dir: Path | None = None) -> ExtractContext:
    ctx = context_from_rows(ROWS, MISSIONS, MANDATES, sources or [], reports_dir)
    ctx.gaz = gazetteer()
    return ctx


def raw(text: str, name: str = "sample-report.txt") -> RawReport:
    return RawReport(Path(name), text, "text")
