"""A mission's history (steps and task differences along its own chain) and a coverage trace, from the rows their
statements return (the statements themselves run in tests/integration/analysis)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peacegraph.graph.analysis.history import history_of
from peacegraph.graph.analysis.trace import steps_of


def mandate(mid: str, adopted: str, tasks: list[str], action: str | None = None, renews: str | None = None,
            valid_to: str | None = None, **more: Any) -> dict[str, Any]:
    return {"id": mid, "title": more.get("title"), "adopted": adopted, "valid_from": more.get("valid_from", adopted),
            "valid_to": valid_to, "kind": "unsc_resolution", "action": action, "status": more.get("status"),
            "renews": renews, "tasks": tasks, "supports": more.get("supports", []), "sources": []}


def history(mandates: list[dict[str, Any]]) -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...], bool]]:
    row = {"id": "mx", "name": "MX", "acronym": None, "valid_from": None, "valid_to": None, "led_by": ["un"],
           "deployed_in": ["ZZA"], "mandates": mandates, "predecessors": [], "successors": []}
    return {s.id: (s.kind, s.added, s.dropped, s.in_chain) for s in history_of(row).mandates}


CHAIN = [
    mandate("E", "2013-04-25", ["civ", "hr", "ddr"], "establish", valid_to="2014-07-01"),
    mandate("R1", "2014-06-25", ["civ", "hr", "ddr"], "renew", "E", valid_from="2014-07-01", valid_to="2015-07-01"),
    mandate("S", "2014-12-08", ["logistics"], "authorise_support", valid_to="2023-07-01", supports=["g5"]),
    mandate("M", "2015-01-10", ["elections"], "modify", "R1"),
    mandate("R2", "2015-06-29", ["civ", "ddr", "elections"], "renew", "R1", valid_from="2015-07-01",
            valid_to="2016-07-01"),
    mandate("X", "2015-09-01", [], "renew", "R2"),
    mandate("T", "2016-06-20", [], "terminate", "R2", valid_from="2016-07-01"),
]


def test_the_chain_diffs_against_its_own_mandates_in_force() -> None:
    assert history(CHAIN) == {
        "E": ("establish", ("civ", "ddr", "hr"), (), True),
        "R1": ("renew", (), (), True),
        "S": ("authorise_support", (), (), False),
        "M": ("modify", ("elections",), (), True),
        "R2": ("renew", (), ("hr",), True),
        "X": ("renew", (), (), False),
        "T": ("terminate", (), ("civ", "ddr", "elections"), True),
    }


def test_a_support_authorisation_never_drops_or_adds_the_missions_tasks() -> None:
    """The S/RES/2391 (2017) case: a support resolution between two renewals."""
    steps = history([
        mandate("A", "2017-06-29", ["civ", "hr"], "renew", valid_from="2017-07-01", valid_to="2018-07-01"),
        mandate("B", "2017-12-08", ["logistics"], "authorise_support", valid_to="2023-07-01", supports=["g5"]),
        mandate("C", "2018-06-28", ["civ", "hr"], "renew", "A", valid_from="2018-07-01", valid_to="2019-07-01"),
    ])
    assert steps == {"A": ("renew", ("civ", "hr"), (), True), "B": ("authorise_support", (), (), False),
                     "C": ("renew", (), (), True)}


def test_without_recorded_actions_the_kind_is_inferred() -> None:
    steps = history([mandate("A", "2013-01-01", ["civ"]), mandate("B", "2013-06-01", ["logistics"]),
                     mandate("C", "2014-01-01", ["civ"], renews="A")])
    assert steps == {"A": ("establish", ("civ",), (), True), "B": ("modify", ("logistics",), (), True),
                     "C": ("renew", (), (), True)}


def test_proposed_mandates_are_not_steps() -> None:
    steps = history([mandate("A", "2013-01-01", ["civ"]), mandate("P", "2014-01-01", ["hr"], status="proposed")])
    assert set(steps) == {"A"}


def cite(source: str) -> dict[str, Any]:
    return {"source": source, "title": source, "locator": "p. 1", "quote": None}


def test_a_trace_has_each_step_once_and_names_its_mandate() -> None:
    line = {"id": "f1", "name": "UN budget", "amount": None, "currency": None, "instrument": "un_assessed",
            "valid_from": None, "valid_to": None, "status": "actual", "funders": ["un"], "sources": [cite("b")]}
    row = {"id": "c1", "valid_from": dt.date(2013, 7, 1), "valid_to": None, "status": "actual", "role": "lead",
           "task": "civ", "task_label": "Protection of civilians", "place": "MLI", "place_name": "Mali",
           "sources": [cite("s")],
           "actor": {"id": "minusma", "name": "MINUSMA", "kind": "mission", "sources": [cite("m")]},
           "organizations": [{"id": "un", "name": "United Nations", "sources": []}],
           "mandate": {"id": "S/RES/2100 (2013)", "title": "Establishes MINUSMA", "adopted": dt.date(2013, 4, 25),
                       "valid_from": dt.date(2013, 7, 1), "valid_to": None, "action": "establish",
                       "issued_by": "unsc", "sources": [cite("r")]},
           "funding": [{**line, "pays_for_this": True}, {**line, "pays_for_this": False},
                       {**line, "id": "f2", "name": "Proposed", "status": "proposed", "pays_for_this": True}]}
    steps = steps_of(row)
    assert [(s.kind, s.id, s.name) for s in steps] == [
        ("coverage", "c1", "Protection of civilians in Mali"),
        ("mandate", "S/RES/2100 (2013)", "S/RES/2100 (2013) — Establishes MINUSMA"),
        ("mission", "minusma", "MINUSMA"),
        ("organization", "un", "United Nations"),
        ("funding", "f1", "UN budget"),
    ]
