"""Every analysis argument over HTTP: an unknown id is NOT_FOUND naming the id and the argument (with suggestions),
one unknown among known ones fails the whole request, a date out of range is BAD_USER_INPUT naming its argument."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fixtures.api import GraphQLClient

pytestmark = pytest.mark.usefixtures("dataset_graph")


def error(reply: dict[str, Any]) -> dict[str, Any]:
    assert reply.get("errors"), reply
    assert reply.get("data") is None or all(v is None for v in reply["data"].values())
    err: dict[str, Any] = reply["errors"][0]
    return err


def what_if(departures: str = '{actor: "minusma", date: "2024-01-01"}', handovers: str = "[]",
            place: str = "MLI") -> str:
    return (f'{{ drawdownWhatIf(input: {{place: "{place}", departures: [{departures}], handovers: {handovers}}}) '
            f'{{ lost {{ task }} }} }}')


UNKNOWN = [
    ('{ whoCovers(task: "civilian_protektion", place: "MLI") { actorId } }', "task", "civilian_protektion"),
    ('{ whoCovers(task: "civilian_protection", place: "ATLANTIS") { actorId } }', "place", "ATLANTIS"),
    ('{ whoCovers(taskGroup: "protektion", place: "MLI") { actorId } }', "taskGroup", "protektion"),
    ('{ coverageMatrix(place: "MLI-moptii") { placeName } }', "place", "MLI-moptii"),
    ('{ coverageTimeline(place: "ATLANTIS", from: "2020-01-01", to: "2020-12-31") { month } }', "place", "ATLANTIS"),
    ('{ coverageDiff(place: "ATLANTIS", from: "2020-01-01", to: "2021-01-01") { placeId } }', "place", "ATLANTIS"),
    ('{ drawdown(transition: "tr:minusma-withdrawl") { before } }', "transition", "tr:minusma-withdrawl"),
    (what_if(place="ATLANTIS"), "input.place", "ATLANTIS"),
    (what_if('{actor: "minusmaa", date: "2024-01-01"}'), "input.departures[0].actor", "minusmaa"),
    (what_if('{actor: "minusma", date: "2024-01-01", places: ["MLI-gaoo"]}'), "input.departures[0].places",
     "MLI-gaoo"),
    (what_if(handovers='[{task: "use_of_forse", to: "gov-mli"}]'), "input.handovers[0].task", "use_of_forse"),
    (what_if(handovers='[{task: "use_of_force", to: "gov-mlii"}]'), "input.handovers[0].to", "gov-mlii"),
    (what_if(handovers='[{task: "use_of_force", to: "gov-mli", place: "MLI-gaoo"}]'), "input.handovers[0].place",
     "MLI-gaoo"),
    ('{ missionHistory(mission: "minusmaa") { missionId } }', "mission", "minusmaa"),
    ('{ trace(coverage: "cov:minusma:nope") { coverageId } }', "coverage", "cov:minusma:nope"),
]


@pytest.mark.parametrize(("query", "argument", "value"), UNKNOWN, ids=[u[1] + ":" + u[2] for u in UNKNOWN])
def test_an_unknown_id_names_itself_and_its_argument(gql: GraphQLClient, query: str, argument: str,
                                                     value: str) -> None:
    err = error(gql(query))
    assert err["extensions"]["code"] == "NOT_FOUND"
    assert err["extensions"]["argument"] == argument
    assert repr(value) in err["message"] and f"`{argument}`" in err["message"]


def test_suggestions_come_from_the_graph(gql: GraphQLClient) -> None:
    err = error(gql('{ whoCovers(task: "civilian_protektion", place: "MLI") { actorId } }'))
    assert err["extensions"]["unknown"][0]["suggestions"][0] == "civilian_protection"
    assert "did you mean 'civilian_protection'" in err["message"]
    err = error(gql('{ coverageMatrix(place: "MLI-moptii") { placeName } }'))
    assert "MLI-mopti" in err["extensions"]["unknown"][0]["suggestions"]
    err = error(gql('{ drawdown(transition: "tr:minusma-withdrawl") { before } }'))
    assert err["extensions"]["unknown"][0]["suggestions"][0] == "tr:minusma-withdrawal"


def test_tasks_answer_to_their_acronyms_in_suggestions(gql: GraphQLClient) -> None:
    err = error(gql('{ whoCovers(task: "PoC", place: "MLI") { actorId } }'))
    assert "civilian_protection" in err["extensions"]["unknown"][0]["suggestions"]
    err = error(gql('{ whoCovers(task: "SSR", place: "MLI") { actorId } }'))
    assert err["extensions"]["unknown"][0]["suggestions"], "security sector reform tasks answer to SSR"


def test_a_task_group_is_asked_for_explicitly(gql: GraphQLClient) -> None:
    err = error(gql('{ whoCovers(task: "ddr", place: "MLI") { actorId } }'))
    assert err["extensions"]["code"] == "NOT_FOUND" and "taskGroup" in err["message"]
    answers = gql('{ whoCovers(taskGroup: "ddr", place: "MLI", asOf: "2020-06-01") { task actorId } }')
    assert not answers.get("errors") and answers["data"]["whoCovers"]
    tasks = gql('{ tasks(where: {group: {eq: ddr}}, first: 100) { edges { node { id } } } }')
    assert {a["task"] for a in answers["data"]["whoCovers"]} <= {e["node"]["id"] for e in tasks["data"]["tasks"][
        "edges"]}
    err = error(gql('{ whoCovers(place: "MLI") { actorId } }'))
    assert err["extensions"]["code"] == "BAD_USER_INPUT"


def test_one_unknown_id_among_known_ones_fails_the_whole_request(gql: GraphQLClient) -> None:
    err = error(gql(what_if('{actor: "minusma", date: "2024-01-01"}, {actor: "atlantis-force", date: "2024-01-01"}',
                            '[{task: "use_of_force", to: "gov-mli"}, {task: "nope", to: "gov-mli"}]')))
    unknown = {(u["argument"], u["id"]) for u in err["extensions"]["unknown"]}
    assert unknown == {("input.departures[1].actor", "atlantis-force"), ("input.handovers[1].task", "nope")}


def test_a_known_actor_that_is_not_present_is_no_error(gql: GraphQLClient) -> None:
    reply = gql(what_if('{actor: "amisom", date: "2024-01-01"}'))
    assert not reply.get("errors"), reply
    assert reply["data"]["drawdownWhatIf"]["lost"] == []


def test_a_what_if_without_departures_gives_the_baseline(gql: GraphQLClient) -> None:
    reply = gql('{ drawdownWhatIf(input: {place: "MLI", departures: [], date: "2020-06-01"}) { before after '
                'lost { task } cells { outcome } fundingEnding { id } } }')
    d = reply["data"]["drawdownWhatIf"]
    assert (d["before"], d["after"]) == ("2020-06-01", "2020-06-01")
    assert d["lost"] == [] and d["fundingEnding"] == [] and d["cells"]
    assert {c["outcome"] for c in d["cells"]} == {"unchanged"}
    err = error(gql('{ drawdownWhatIf(input: {place: "MLI", departures: []}) { before } }'))
    assert err["extensions"]["code"] == "BAD_USER_INPUT"


OUT_OF_RANGE = [
    ('{ coverageMatrix(place: "MLI", asOf: "9999-12-31") { placeName } }', "asOf"),
    ('{ whoCovers(task: "use_of_force", place: "MLI", asOf: "0001-01-01") { actorId } }', "asOf"),
    ('{ coverageTimeline(place: "MLI", from: "0001-01-01", to: "2020-01-01") { month } }', "from"),
    ('{ coverageTimeline(place: "MLI", from: "2020-01-01", to: "9999-12-31") { month } }', "to"),
    ('{ coverageDiff(place: "MLI", from: "2020-01-01", to: "9999-12-31") { placeId } }', "to"),
    ('{ portfolio(asOf: "9999-12-31") { asOf } }', "asOf"),
    ('{ portfolio(horizonMonths: -1) { asOf } }', "horizonMonths"),
    (what_if('{actor: "minusma", date: "9999-12-31"}'), "input.departures[0].date"),
    ('{ drawdownWhatIf(input: {place: "MLI", departures: [], date: "0001-01-01"}) { before } }', "input.date"),
]


@pytest.mark.parametrize(("query", "argument"), OUT_OF_RANGE, ids=[a for _, a in OUT_OF_RANGE])
def test_dates_out_of_range_name_their_argument(gql: GraphQLClient, query: str, argument: str) -> None:
    err = error(gql(query))
    assert err["extensions"]["code"] == "BAD_USER_INPUT" and err["extensions"]["argument"] == argument


def test_an_empty_or_punctuation_id_is_not_found_without_suggestions(gql: GraphQLClient) -> None:
    for bad in ("", "!!", "   "):
        err = error(gql('query($m: ID!) { missionHistory(mission: $m) { missionId } }', {"m": bad}))
        assert err["extensions"]["code"] == "NOT_FOUND", (bad, err)
        assert err["extensions"]["unknown"][0]["suggestions"] == []
