"""Analysis fields over HTTP on the bundled dataset, with the examples the README documents."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fixtures.api import GraphQLClient

pytestmark = pytest.mark.usefixtures("dataset_graph")


def data(reply: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in reply, reply.get("errors")
    return reply["data"]


def test_who_covers_civilian_protection_in_mali(gql: GraphQLClient) -> None:
    q = """{ whoCovers(task: "civilian_protection", place: "MLI-mopti", asOf: "2020-06-01") {
      actorId actorName role status placeId mandates { id } sources { locator quote source { id title } }
      payments { paysForThisCoverage fundingLine { id name } } actor { __typename ... on Mission { acronym } } } }"""
    answers = data(gql(q))["whoCovers"]
    by_actor = {a["actorId"]: a for a in answers}
    assert "minusma" in by_actor
    minusma = by_actor["minusma"]
    assert minusma["actor"] == {"__typename": "Mission", "acronym": "MINUSMA"}
    assert minusma["mandates"] and minusma["mandates"][0]["id"].startswith("S/RES/")
    assert all(s["source"]["title"] for s in minusma["sources"])


def test_coverage_matrix_of_mali(gql: GraphQLClient) -> None:
    q = """query($d: Date) { coverageMatrix(place: "MLI", asOf: $d) { placeName asOf counts { covered thin overlap gap }
      tasks { task state actors demand } actors { id organizations } cells { task actor coverageIds roles } } }"""
    m = data(gql(q, {"d": "2020-06-01"}))["coverageMatrix"]
    assert m["placeName"] == "Mali" and m["asOf"] == "2020-06-01"
    rows = {t["task"]: t for t in m["tasks"]}
    assert "minusma" in rows["civilian_protection"]["actors"]
    assert rows["civilian_protection"]["state"] in {"overlap", "covered"}
    assert sum(m["counts"].values()) == len(m["tasks"])
    for cell in m["cells"]:
        assert cell["actor"] in rows[cell["task"]]["actors"]
    after = data(gql(q, {"d": "2024-02-01"}))["coverageMatrix"]
    assert all("minusma" not in t["actors"] for t in after["tasks"]), "MINUSMA left on 2024-01-01"


def test_coverage_timeline(gql: GraphQLClient) -> None:
    q = '{ coverageTimeline(place: "MLI", from: "2013-01-01", to: "2013-12-31") { month task state actors } }'
    points = data(gql(q))["coverageTimeline"]
    months = sorted({p["month"] for p in points})
    assert months[0] == "2013-01-01" and months[-1] == "2013-12-01"
    july = [p for p in points if p["month"] == "2013-08-01" and p["task"] == "civilian_protection"]
    assert july and "minusma" in july[0]["actors"]


def test_minusma_withdrawal_what_if_and_recorded_transition(gql: GraphQLClient) -> None:
    what_if = """{ drawdownWhatIf(input: {place: "MLI", departures: [{actor: "minusma", date: "2024-01-01"}]}) {
      before after lost { task place candidates { actor name basis rank reason } } thinned { task place }
      fundingEnding { id recipient tasks } } }"""
    d = data(gql(what_if))["drawdownWhatIf"]
    assert d["before"] == "2023-12-31" and d["after"] == "2024-01-01"
    lost = {(c["task"], c["place"]) for c in d["lost"]}
    assert ("use_of_force", "MLI") in lost
    for cell in d["lost"]:
        ranks = [c["rank"] for c in cell["candidates"]]
        assert ranks == sorted(ranks)
        assert any(c["basis"] == "host_state" and c["actor"] == "gov-mli" for c in cell["candidates"])
        assert all(c["name"] != c["actor"] for c in cell["candidates"]), "candidates carry names, not bare ids"
    recorded = data(gql('{ transitions(where: {from: {some: {id: {eq: "minusma"}}}}) { edges { node { id end } } } }'))
    edge = recorded["transitions"]["edges"][0]["node"]
    assert edge["end"] == "2024-01-01"
    d2 = data(gql(f'{{ drawdown(transition: "{edge["id"]}") {{ transitionId lost {{ task place }} }} }}'))["drawdown"]
    assert {(c["task"], c["place"]) for c in d2["lost"]} == lost


def test_somalia_as_amisom_becomes_atmis(gql: GraphQLClient) -> None:
    q = """{ drawdown(transition: "tr:amisom-atmis") { before after lost { task place } handedOver { task place }
      cells { task place before after outcome } fundingEnding { id } } }"""
    d = data(gql(q))["drawdown"]
    assert d["after"] == "2022-04-01"
    cells = {(c["task"], c["place"]): c for c in d["cells"]}
    for task in ("counter_terrorism", "capacity_building", "state_authority", "use_of_force"):
        cell = cells[(task, "SOM")]
        assert "amisom" in cell["before"] and "atmis" in cell["after"] and cell["outcome"] == "handed_over", cell
    assert "unsos" in cells[("logistics_support", "SOM")]["after"]
    lost = {(c["task"], c["place"]) for c in d["lost"]}
    assert {("humanitarian_relief", "SOM"), ("national_reconciliation", "SOM"), ("financing_support", "SOM")} <= lost
    assert "fund:eu-apf:amisom" in {f["id"] for f in d["fundingEnding"]}


def test_mission_history_and_trace(gql: GraphQLClient) -> None:
    h = data(gql("""{ missionHistory(mission: "minusma") { mandates { mandateId adopted added dropped renews }
      predecessors { mission kind } successors { mission } } }"""))["missionHistory"]
    assert h["mandates"][0]["mandateId"] == "S/RES/2100 (2013)"
    assert [m["adopted"] for m in h["mandates"]] == sorted(m["adopted"] for m in h["mandates"])
    assert any(p["mission"] == "afisma" for p in h["predecessors"])
    cov = data(gql('{ coverages(where: {mission: {some: {id: {eq: "minusma"}}}}, first: 1) { edges { node { id } } } }'))
    cid = cov["coverages"]["edges"][0]["node"]["id"]
    t = data(gql(f'{{ trace(coverage: "{cid}") {{ steps {{ kind id sources {{ locator }} }} }} }}'))["trace"]
    kinds = [s["kind"] for s in t["steps"]]
    assert kinds[0] == "coverage" and "mission" in kinds and "organization" in kinds


def test_unknown_ids_give_clear_errors(gql: GraphQLClient) -> None:
    reply = gql('{ coverageMatrix(place: "ATLANTIS") { placeName } }')
    assert reply["errors"][0]["message"] == "no place with id 'ATLANTIS'"
    assert reply["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    reply = gql('{ drawdown(transition: "nope") { before } }')
    assert "no transition with id 'nope'" in reply["errors"][0]["message"]
