"""Council-text rules of extraction v5, on short pages invented for these tests (operations of a small invented
graph around the shared test gazetteer): operations named by their words or by a new acronym, a new mission
described, actions read from "took note … expired", "authorized the deployment of … as part of", a recalled
establishment, periods that start on a stated day, and tasks from the object of the action verb."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from peacegraph.seed.extract.context import ExtractContext, context_from_rows
from peacegraph.seed.extract.council.decision import Decision, period_from_start
from peacegraph.seed.extract.council.missions import CouncilMissions, _with_countries
from peacegraph.seed.extract.council.reader import read_council_text
from peacegraph.seed.extract.gazetteer import Gazetteer
from tests.unit.extract.helpers import MANDATES, MISSIONS, ROWS


def _mission(id_: str, name: str, acronym: str, led: str, places: list[str]) -> dict[str, Any]:
    return {"kind": "mission", "id": id_, "name": name, "acronym": acronym, "aliases": [], "adjectives": [],
            "subkind": "un_political" if led == "un" else "coalition", "parents": [], "led_by": [led],
            "deployed_in": places}


def _place(iso: str, name: str, kind: str = "country") -> dict[str, Any]:
    return {"kind": "place", "id": iso, "name": name, "acronym": None, "aliases": [], "adjectives": [],
            "subkind": kind, "parents": [], "led_by": [], "deployed_in": []}


EXTRA_ROWS = [
    _mission("unmsg", "United Nations Civilian Monitoring Support Group", "UNMSG", "un", ["MLI"]),
    _mission("uniom", "United Nations Integrated Office in Mali", "UNIOM", "un", ["MLI"]),
    _mission("unmmn", "United Nations Mission in Mali and Niger", "UNMMN", "un", ["MLI", "NER"]),
    _mission("ssf", "Sahel Stabilization Force", "SSF", "au", ["MLI"]),
    _place("NER", "Niger"),
    _place("MLI-gao", "Gao", "region"),
]
EXTRA_MISSIONS = [{"id": "unmsg", "valid_from": "2015-01-16", "valid_to": "2015-10-16"},
                  {"id": "uniom", "valid_from": "2015-01-01", "valid_to": "2017-01-01"},
                  {"id": "unmmn", "valid_from": "2014-11-01", "valid_to": "2016-01-01"},
                  {"id": "ssf", "valid_from": "2014-10-03", "valid_to": None}]


def context() -> ExtractContext:
    rows = [*ROWS, *EXTRA_ROWS]
    ctx = context_from_rows(rows, [*MISSIONS, *EXTRA_MISSIONS], MANDATES, [])
    ctx.gaz = Gazetteer.from_rows(rows, with_countries=False)
    return ctx


def head(url: str) -> str:
    return f"url: {url}\nretrieved-as: excerpt from a stored copy\n\n"


def decision(text: str) -> Decision:
    ctx = context()
    d = read_council_text(Path("page.txt"), text, ctx.gaz, ctx.dates).decision
    assert d is not None
    return d


def test_an_operation_described_by_every_word_of_its_name_and_a_period_from_a_stated_day() -> None:
    d = decision(head("https://press.un.org/en/2014/sc99990.doc.htm") + " date 2014-12-19 "
                 "SECURITY COUNCIL ESTABLISHES GROUP OF CIVILIAN MONITORS IN MALI FOR NINE MONTHS\n"
                 "The Security Council this afternoon decided to establish a support group of 120 civilian "
                 "monitoring officers to continue monitoring the performance of the Malian police, for a single "
                 "nine-month period beginning on 16 January 2015.\n"
                 "Through its unanimous adoption of resolution 2990 (2014), the Council decided that the support "
                 "group would take over the assets of MINUSMA, whose mandate expires on 15 January 2015.")
    assert d.mission is not None and d.mission.id == "unmsg" and d.mission.how == "name words"
    assert d.action == "establish"
    assert d.end_date == dt.date(2015, 10, 16), "nine months from the day it begins, not from the adoption day"
    assert "police_reform" in d.tasks, "monitoring the police (lexicon: monitor ~5 police)"


def test_an_integrated_office_set_up_with_its_period_commencing_on_a_day_and_no_adoption_day() -> None:
    d = decision(head("https://news.un.org/en/story/2014/10/999001-council-office-mali") +
                 "Security Council sets up integrated UN office in Mali to follow current mission\n\n"
                 "Stressing the need for continued support to Mali, the Security Council today voted to set up an "
                 "integrated office in the country to follow on from the current mission that ends on 31 December.\n\n"
                 "Adopting the resolution unanimously, the 15-member Council also welcomed the elections.\n\n"
                 "“The Security Council… requests the Secretary-General to establish a United Nations Integrated "
                 "Office in Mali (UNIOM)… for an initial period of 12 months, commencing on 1 January 2015,” the "
                 "resolution states.\n\n"
                 "The resolution states that the Integrated Office will support the Government in areas such as "
                 "human rights.")
    assert d.action == "establish", "'voted to set up an integrated office'"
    assert d.mission is not None and d.mission.id == "uniom"
    assert d.adopted is None and d.end_date == dt.date(2016, 1, 1), "the stated start plus 12 months"
    assert "human_rights" in d.tasks, "'the Integrated Office will support': the operation, capitalised"


def test_a_new_mission_described_is_the_one_that_starts_with_the_page() -> None:
    d = decision(head("https://press.un.org/en/2014/sc99991.doc.htm") + "4 June 2014\n\n"
                 "Security Council Establishes Office in Mali, Adopting Resolution 2995 (2014)\n\n"
                 "The Security Council, in a 4 June meeting, decided to establish a new political office in Mali to "
                 "support the peace process.")
    assert d.action == "establish" and d.mission is not None and d.mission.id == "uniom", \
        "not MINUSMA, which ran long before the page"


def test_a_description_is_the_operation_deployed_in_every_place_named_beside_it() -> None:
    d = decision(head("https://news.un.org/en/story/2014/11/999002") +
                 "Security Council approves UN presence in Mali, Niger\n\n"
                 "The Security Council today established a United Nations-mandated, multidimensional presence in the "
                 "border areas to help protect civilians and facilitate humanitarian aid.\n\n"
                 "The 15-member body set up the UN presence “intended to help the return of refugees.”")
    assert d.mission is not None and d.mission.id == "unmmn", "deployed in Mali and Niger, not MINUSMA (Mali)"
    assert d.action == "establish"
    assert {"civilian_protection", "humanitarian_relief"} <= set(d.tasks), "the object of 'established'"
    assert "refugees_idps" in d.tasks, "the UN presence “intended to …”: the operation, after a quotation mark"


def test_a_new_acronym_one_letter_off_a_later_operation_is_its_own_and_an_expiry_noted_ends_it() -> None:
    d = decision(head("https://press.un.org/en/2012/20120226.sc9999.html") +
                 "SECURITY COUNCIL TAKES NOTE OF EXPIRATION TODAY OF MANDATE OF UN OBSERVER MISSION IN MALI\n"
                 "20120226The Security Council this morning took note that the mandate of the United Nations Observer "
                 "Mission in Mali (MINUSMO) expired today and affirmed that the status of forces agreement would "
                 "remain in force until the departure of its final elements.\n"
                 "The Council took that action by unanimously adopting resolution 2040 (2012).")
    assert d.mission is not None and d.mission.id == "minusmo" and not d.mission.in_graph, \
        "not MINUSMA, which began a year later"
    assert d.action == "terminate" and d.end_date == dt.date(2012, 2, 26), "expired today: the adoption day"


def test_authorising_more_of_a_running_un_operation_modifies_it() -> None:
    d = decision(head("https://press.un.org/en/2014/20140730.sc9998.html") +
                 "SECURITY COUNCIL AUTHORIZES 40 MORE OBSERVERS WITH MINUSMA\n"
                 "20140730 The Security Council this morning authorized the deployment of 40 additional military "
                 "observers as part of MINUSMA for a further six months, until 15 January 2015. It took that action "
                 "by its unanimous adoption of resolution 2170 (2014).\n"
                 "According to the Secretary-General, their presence will enhance the ability of MINUSMA to protect "
                 "civilians; he says MINUSMA will monitor the ceasefire.")
    assert d.action == "modify" and d.end_date is None, "a strength decision sets no new mandate period"
    assert not d.tasks, "what the Secretary-General says is not a task given"


def test_a_recalled_establishment_and_approved_recommendations_on_size() -> None:
    d = decision(head("https://news.un.org/en/story/2013/09/999003") +
                 "Security Council approves size of Mali mission\n\n"
                 "The Security Council today approved the Secretary-General's recommendations regarding the size "
                 "and mandate of MINUSMA.\n\n"
                 "The Council established MINUSMA through the adoption of a resolution on 25 April, as a successor "
                 "to an African-led mission.")
    assert d.mission is not None and d.mission.id == "minusma"
    assert d.action == "modify"


def test_the_end_date_of_another_operation_named_in_the_lead_is_not_this_one() -> None:
    d = decision(head("https://press.un.org/en/2014/20140305.sc9997.html") + " date 2014-03-05 "
                 "Security Council Sets Up Force in Mali\n"
                 "Acting under Chapter VII, the Security Council this evening authorized Member States of the "
                 "African Union to establish for 12 months the Sahel Stabilization Force (SSF).\n"
                 "As it unanimously adopted resolution 2980 (2014), the Council also extended the mandate of "
                 "MINUSMA until 30 June 2015.")
    assert d.mission is not None and d.mission.id == "ssf" and d.action == "authorise_support"
    assert d.end_date == dt.date(2015, 3, 5), "12 months from the adoption day; 30 June 2015 is MINUSMA's"


def test_a_force_a_mission_is_transitioned_to_and_what_gangs_do_is_not_a_task() -> None:
    d = decision(head("https://press.un.org/en/2014/sc99996.doc.htm") +
                 "Security Council Authorizes Transition of African Union Mission in Somalia to ‘Sahel "
                 "Stabilization Force’\n"
                 "The Security Council decided today to transition the mission to the Force.\n"
                 "Among other terms, the Council authorized the Member States participating in the Force to conduct "
                 "targeted counter-gang operations to “neutralize, isolate and deter” gangs that abuse human "
                 "rights.")
    assert d.mission is not None and d.mission.id == "ssf", "the force it is transitioned to"
    assert d.action == "authorise_support"
    assert "offensive_operations" in d.tasks and "human_rights" not in d.tasks


def test_a_purpose_of_the_original_establishment_is_background() -> None:
    d = decision(head("http://www.un.org/News/Press/docs/2014/20140905.sc9995.doc.html") + "5 September 2014\n\n"
                 "The Security Council this morning extended the mandate of MINUSMA until 20 September by "
                 "unanimously adopting resolution 2175 (2014).\n\n"
                 "The Security Council originally established MINUSMA on 25 April 2013 to cooperate with the "
                 "Government and to assist in the disarmament, demobilization and reintegration of combatants.")
    assert d.action == "renew" and d.end_date == dt.date(2014, 9, 20)
    assert "disarmament_demobilisation" not in d.tasks


def test_period_from_a_stated_day_and_regions_stand_for_their_country() -> None:
    assert period_from_start("for an initial period of six months, starting on 1 March", 2020) == dt.date(2020, 9, 1)
    assert period_from_start("for six months from 15 July 2019", None) == dt.date(2020, 1, 15)
    assert period_from_start("for a further six months", 2020) is None, "no stated day: the adoption day's rule"
    assert _with_countries({"MLI-gao", "NER"}) == {"MLI-gao", "MLI", "NER"}
    ctx = context()
    finder = CouncilMissions(ctx.gaz, ctx.dates, (dt.date(2015, 3, 1), dt.date(2015, 3, 2)))
    assert finder._core_and_place("United Nations Monitoring Group for Gao") == ("United Nations Monitoring Group",
                                                                               {"MLI-gao", "MLI"})
