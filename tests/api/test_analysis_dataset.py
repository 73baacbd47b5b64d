"""The analyses over HTTP on the bundled dataset: the acceptance examples of issues 13 and 16, written so they hold
whatever the dataset says (the graph is asked which mandates assign a task, which areas a country has)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.fixtures.api import GraphQLClient

pytestmark = pytest.mark.usefixtures("dataset_graph")


def data(reply: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in reply, reply.get("errors")
    return reply["data"]


def in_force(node: dict[str, Any], on: str) -> bool:
    return (node["validFrom"] or "0000") <= on and (node["validTo"] is None or on < node["validTo"])


def test_minusma_protection_of_civilians_in_mopti_lists_only_mandates_that_assign_it(gql: GraphQLClient) -> None:
    on = "2020-06-01"
    answers = data(gql(f"""{{ whoCovers(task: "civilian_protection", place: "MLI-mopti", asOf: "{on}") {{
      actorId placeId mandateIds mandates {{ id }} currency {{ verifiedOn endUnknown stale mandateLapsed }}
      sources {{ locator source {{ title }} }} }} }}"""))["whoCovers"]
    minusma = [a for a in answers if a["actorId"] == "minusma"]
    assert minusma, "MINUSMA protected civilians in Mopti in 2020"
    mandates = data(gql("""{ mandates(where: {authorizes: {some: {id: {eq: "minusma"}}}}, first: 200) { edges {
      node { id action validFrom validTo status places { id } tasks(first: 100) { edges { node { id } } }
             renews { validTo } } } } }"""))["mandates"]["edges"]
    containing = {"MLI", "MLI-mopti"}

    def assigns(m: dict[str, Any]) -> bool:
        tasks = {e["node"]["id"] for e in m["tasks"]["edges"]}
        places = {p["id"] for p in m["places"]}
        end = m["validTo"] or (m["renews"] or {}).get("validTo") if m["action"] == "modify" else m["validTo"]
        return ("civilian_protection" in tasks and m["action"] != "terminate" and m["status"] == "actual"
                and (not places or bool(places & containing)) and in_force({**m, "validTo": end}, on))

    expected = {e["node"]["id"] for e in mandates if assigns(e["node"])}
    assert expected, "some mandate assigned MINUSMA the protection of civilians in 2020"
    for answer in minusma:
        assert set(answer["mandateIds"]) == expected, answer["placeId"]
        assert [m["id"] for m in answer["mandates"]] == answer["mandateIds"]
        assert "S/RES/2391 (2017)" not in answer["mandateIds"], "a support authorisation assigns no protection"
        assert answer["sources"] and all(s["source"]["title"] for s in answer["sources"])


def test_minusma_withdrawal_reports_one_use_of_force_loss_declared_for_mali(gql: GraphQLClient) -> None:
    d = data(gql("""{ drawdown(transition: "tr:minusma-withdrawal") { before after
      lost { task place declaredAt cause affects { place outcome } leftUncovered candidates { actor rank basis } }
      counts { lost } taskCounts { lost } fundingEnding { id recipient } } }"""))["drawdown"]
    assert (d["before"], d["after"]) == ("2023-12-31", "2024-01-01")
    use_of_force = [c for c in d["lost"] if c["task"] == "use_of_force"]
    assert len(use_of_force) == 1, "one loss, not one per area"
    cell = use_of_force[0]
    assert (cell["place"], cell["declaredAt"], cell["cause"]) == ("MLI", "MLI", "departure")
    areas = data(gql('{ place(id: "MLI") { areas(first: 200) { edges { node { id } } } } }'))["place"]["areas"]
    area_ids = {e["node"]["id"] for e in areas["edges"]}
    assert {u["place"] for u in cell["affects"]} <= area_ids | {"MLI"} and cell["affects"]
    assert d["counts"]["lost"] == len(d["lost"]) == len({(c["task"], c["place"]) for c in d["lost"]})
    assert d["taskCounts"]["lost"] == len({c["task"] for c in d["lost"]})
    ranks = [k["rank"] for k in cell["candidates"]]
    assert ranks == sorted(ranks) and len(set(ranks)) < len(ranks), "candidates on one basis share a rank"
    assert any(k["basis"] == "host_state" and k["actor"] == "gov-mli" for k in cell["candidates"])
    assert all(k["actor"] != "minusma" for k in cell["candidates"])
    assert any(f["recipient"] == "minusma" for f in d["fundingEnding"])


def test_the_what_if_agrees_with_the_recorded_minusma_withdrawal(gql: GraphQLClient) -> None:
    recorded = data(gql('{ drawdown(transition: "tr:minusma-withdrawal") { lost { task place } } }'))["drawdown"]
    what_if = data(gql("""{ drawdownWhatIf(input: {place: "MLI", departures: [{actor: "minusma", date: "2024-01-01"}]})
      { lost { task place } } }"""))["drawdownWhatIf"]
    assert sorted(map(str, what_if["lost"])) == sorted(map(str, recorded["lost"]))


def test_amisom_to_atmis_reports_each_lost_task_once(gql: GraphQLClient) -> None:
    d = data(gql("""{ drawdown(transition: "tr:amisom-atmis") { after lost { task place cause after }
      handedOver { task place after } byTask { task cells { place outcome } } taskCounts { lost } } }"""))["drawdown"]
    assert d["after"] == "2022-04-01"
    tasks = [c["task"] for c in d["lost"]]
    assert tasks and len(tasks) == len(set(tasks)) == d["taskCounts"]["lost"]
    assert all(c["cause"] == "departure" and "atmis" not in c["after"] for c in d["lost"])
    assert any("atmis" in c["after"] for c in d["handedOver"]), "ATMIS takes over tasks from AMISOM"
    grouped = {g["task"] for g in d["byTask"]}
    assert set(tasks) <= grouped


def test_mission_history_never_diffs_across_a_support_authorisation(gql: GraphQLClient) -> None:
    h = data(gql("""{ missionHistory(mission: "minusma") { mandates { mandateId kind adopted added dropped inChain } } }"""
                 ))["missionHistory"]
    steps = {m["mandateId"]: m for m in h["mandates"]}
    assert h["mandates"][0]["kind"] == "establish"
    assert [m["adopted"] for m in h["mandates"]] == sorted(m["adopted"] for m in h["mandates"])
    for m in h["mandates"]:
        if m["kind"] == "authorise_support" or not m["inChain"]:
            assert m["added"] == [] and m["dropped"] == [], m
    if "S/RES/2423 (2018)" in steps:
        assert "civilian_protection" not in steps["S/RES/2423 (2018)"]["added"]
    dropped_before_2023 = {t for m in h["mandates"] if m["adopted"] < "2023-01-01" for t in m["dropped"]}
    assert "civilian_protection" not in dropped_before_2023


def test_trace_has_no_duplicate_step_and_names_the_mandate(gql: GraphQLClient) -> None:
    cov = data(gql('{ coverages(where: {mission: {some: {id: {eq: "minusma"}}}}, first: 50) { edges { node { id '
                   'mandate { id title } } } } }'))["coverages"]["edges"]
    node = next(e["node"] for e in cov if e["node"]["mandate"])
    t = data(gql(f'{{ trace(coverage: "{node["id"]}") {{ steps {{ kind id name sources {{ locator }} }} }} }}'))["trace"]
    keys = [(s["kind"], s["id"]) for s in t["steps"]]
    assert len(keys) == len(set(keys))
    mandate = next(s for s in t["steps"] if s["kind"] == "mandate")
    assert mandate["id"] == node["mandate"]["id"] and mandate["name"].startswith(node["mandate"]["id"])
    assert "mission" in [s["kind"] for s in t["steps"]] and "organization" in [s["kind"] for s in t["steps"]]


def test_portfolio_agrees_with_the_matrix_and_costs_fixed_round_trips(gql: GraphQLClient) -> None:
    q = """query($d: Date) { portfolio(asOf: $d, horizonMonths: 6) { asOf countries { country counts { gap thin overlap
      covered } operations operationCount expiringMandates { mandateId validTo } transitions { transitionId end
      uncoveredTasks uncoveredCount } dataCurrentTo staleFacts } } }"""
    for day in ("2020-06-01", "2023-06-30"):
        reply = gql(q, {"d": day})
        p = data(reply)["portfolio"]
        assert reply["extensions"]["cypherRoundTrips"] <= 9
        by = {c["country"]: c for c in p["countries"]}
        mali = by["MLI"]
        assert "minusma" in mali["operations"] and mali["operationCount"] == len(mali["operations"])
        m = data(gql(f'{{ coverageMatrix(place: "MLI", asOf: "{day}") {{ counts {{ gap thin overlap covered }} '
                     f'dataCurrentTo }} }}'))["coverageMatrix"]
        assert mali["counts"] == m["counts"] and mali["dataCurrentTo"] == m["dataCurrentTo"]
        horizon = (dt.date.fromisoformat(day) + dt.timedelta(days=31 * 6)).isoformat()
        assert all(day < e["validTo"] <= horizon for c in p["countries"] for e in c["expiringMandates"])
        assert "AUS" not in by and "CAN" not in by, "countries that host nothing are not in the portfolio"
    upcoming = data(gql(q, {"d": "2023-06-30"}))["portfolio"]["countries"]
    mali = next(c for c in upcoming if c["country"] == "MLI")
    withdrawal = next(t for t in mali["transitions"] if t["transitionId"] == "tr:minusma-withdrawal")
    assert "use_of_force" in withdrawal["uncoveredTasks"] and withdrawal["uncoveredCount"] == len(
        withdrawal["uncoveredTasks"])


def test_coverage_diff_explains_minusmas_departure(gql: GraphQLClient) -> None:
    d = data(gql("""{ coverageDiff(place: "MLI", from: "2023-06-01", to: "2024-06-01") { from to
      changed { task stateFrom stateTo actorsFrom actorsTo removed events { date kind id actor } } } }"""))["coverageDiff"]
    assert (d["from"], d["to"]) == ("2023-06-01", "2024-06-01")
    left = [t for t in d["changed"] if "minusma" in t["removed"]]
    assert left, "MINUSMA covered tasks in Mali in mid-2023 and none a year later"
    for t in left:
        assert "minusma" not in t["actorsTo"]
        assert any(e["actor"] == "minusma" or e["id"] == "tr:minusma-withdrawal" for e in t["events"]), t
        assert all("2023-06-01" < e["date"] <= "2024-06-01" for e in t["events"])
