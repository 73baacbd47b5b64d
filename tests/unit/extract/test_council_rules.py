"""Council-text rules on pages written for these tests: which tasks a decision gives its operation, end dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peacegraph.seed.extract.council.decision import Decision, end_date, period_end
from peacegraph.seed.extract.council.reader import read_council_text
from tests.unit.extract.helpers import context

HEAD = "url: https://press.un.org/en/2014/sc99998.doc.htm\nretrieved-as: excerpt from a stored copy\n\n"

ESTABLISH = HEAD + """ date 2004-03-01 Security Council Establishes Peacekeeping Mission in Côte d'Ivoire
The Security Council today decided to establish the United Nations Operation in Côte d'Ivoire (UNOCI) for an initial period of 12 months, to support the political process and help the Government restore State authority throughout the country.
Unanimously adopting resolution 1528 (2004), the Council, acting under Chapter VII of the Charter, authorized UNOCI to use all necessary means to carry out its mandate, which includes protecting civilians under imminent threat of physical violence, facilitating humanitarian access, monitoring the ceasefire, and supporting security sector reform and the electoral process.
The Mission will also promote and protect human rights and support the disarmament, demobilization and reintegration of former combatants.
The Council requested the Secretary-General to report on progress in justice reform, called on the parties to cooperate with corrections officers and urged the Government to fight corruption.
The Council also decided that the mandate of UNOCI would include the following tasks:
(a) to assist the national authorities in mine action;
(b) to support the safe return of refugees and internally displaced persons;
Speaking after the vote, the representative of France said the mission would help stabilize the economy and support media freedom."""

BACKGROUND = HEAD + """ date 2014-06-25 Security Council Extends African Union Mission in Somalia
The Security Council today extended its authorization of the African Union Mission in Somalia (AMISOM) until 31 December, by adopting resolution 2998 (2014).
The mission was created by the Council under Chapter VII in 2007, and is tasked with supporting dialogue and reconciliation.
Deployed since 2007, AMISOM has been helping the parties to implement the peace agreement.
In his latest report, the Secretary-General recommended that AMISOM strengthen its support to the electoral process.
The principles include, among others: the safe return of refugees and effective participation in the mission; demining."""

RESOLUTION = """Resolution 2999 (2014)
Adopted by the Security Council at its 7000th meeting, on 10 April 2014
The Security Council,
Recalling its previous resolutions on the situation in Mali, and the importance of the protection of civilians,
Acting under Chapter VII of the Charter of the United Nations,
1. Decides to extend the mandate of MINUSMA until 30 June 2015;
2. Decides that MINUSMA shall have the following mandate:
(a) To support the implementation of the peace agreement;
(b) To monitor and investigate violations of human rights;
3. Calls upon the Government to protect civilians and hold elections;
4. Decides to remain seized of the matter."""


def decision(text: str) -> Decision:
    ctx = context()
    d = read_council_text(Path("page.txt"), text, ctx.gaz, ctx.dates).decision
    assert d is not None
    return d


def test_establishment_tasks_in_prose_lists_and_items() -> None:
    d = decision(ESTABLISH)
    assert d.action == "establish" and d.mission is not None and d.mission.id == "unoci"
    assert d.end_date == dt.date(2005, 3, 1), "an initial period of 12 months from the adoption day"
    assert set(d.tasks) == {"peace_process_support", "state_authority", "use_of_force", "civilian_protection",
                            "humanitarian_relief", "ceasefire_monitoring", "military_reform",
                            "electoral_assistance", "human_rights", "disarmament_demobilisation", "reintegration",
                            "mine_action", "refugees_idps"}


def test_no_tasks_from_demands_requests_to_others_or_the_debate() -> None:
    tasks = set(decision(ESTABLISH).tasks)
    assert not tasks & {"justice_reform", "corrections", "economic_development", "media"}


def test_background_reports_and_passing_mentions_give_no_task() -> None:
    d = decision(BACKGROUND)
    assert d.mission is not None and d.mission.id == "amisom" and d.action == "renew"
    assert d.end_date == dt.date(2014, 12, 31)
    assert "national_reconciliation" in d.tasks, "'is tasked with supporting … reconciliation': a generic word after a task verb"
    assert "use_of_force" not in d.tasks, "Chapter VII of the creation in 2007, not of this decision"
    assert "peace_process_support" not in d.tasks, "what the operation has been doing is not a task given"
    assert "electoral_assistance" not in d.tasks, "a recommendation of the Secretary-General"
    assert not {"refugees_idps", "mine_action"} & set(d.tasks), "the mission named in passing in a list"


def test_resolution_text_numbered_paragraphs_and_chapter_vii() -> None:
    d = decision(RESOLUTION)
    assert d.symbol == "S/RES/2999 (2014)" and d.adopted == dt.date(2014, 4, 10) and d.action == "renew"
    assert d.end_date == dt.date(2015, 6, 30)
    assert set(d.tasks) == {"use_of_force", "peace_process_support", "human_rights"}, \
        "not the preamble's protection of civilians, not the call upon the Government"


def test_termination_date_after_the_verb() -> None:
    d = decision(HEAD.replace("2014", "2023") + "Security Council Ends Mission in Mali\nThe Security Council, "
                 "meeting on 30 June, decided to terminate the mandate of MINUSMA on 31 December, requesting the "
                 "Secretary-General to withdraw all personnel.")
    assert d.action == "terminate" and d.end_date == dt.date(2023, 12, 31)


def test_a_further_period_runs_from_the_adoption_day() -> None:
    d = decision(HEAD + " date 2014-06-25 The Security Council today extended the mandate of MINUSMA for a further "
                 "12 months.\nUnanimously adopting resolution 2164 (2014), the Council expressed its concern.")
    assert d.end_date == dt.date(2015, 6, 25), "GUIDE.md: the adoption day plus the period, same day number"
    undated = decision(HEAD + "The Security Council today extended the mandate of MINUSMA for a further 12 months.\n"
                       "Unanimously adopting resolution 2164 (2014), the Council expressed its concern.")
    assert undated.end_date is None, "the address gives the year only: no anchored start"


@pytest.mark.parametrize(("sentence", "year", "ref", "want"), [
    ("extended the mandate until the end of December 2024", None, None, dt.date(2024, 12, 31)),
    ("extended its authorization until the end of the year", None, dt.date(2024, 8, 15), dt.date(2024, 12, 31)),
    ("for a new period terminating on 15 February 2009", None, None, dt.date(2009, 2, 15)),
    ("extended the mandate until 31st July", 1997, dt.date(1997, 1, 30), dt.date(1997, 7, 31)),
])
def test_more_end_dates(sentence: str, year: int | None, ref: dt.date | None, want: dt.date) -> None:
    assert end_date(sentence, year, ref)[0] == want


def test_period_forms() -> None:
    assert period_end("for another year", dt.date(2020, 3, 1)) == dt.date(2021, 3, 1)
    assert period_end("by six months", dt.date(2019, 7, 1)) == dt.date(2020, 1, 1)


def test_establishing_a_part_of_a_running_operation_is_not_an_establishment() -> None:
    d = decision(HEAD + "The Security Council today renewed the mandate of MINUSMA until 30 June 2015.\n"
                 "Adopting resolution 2164 (2014), the Council decided that MINUSMA should include a protection "
                 "force, established for an initial period until 15 December 2014, tasked with protecting civilians.")
    assert d.action == "renew" and d.end_date == dt.date(2015, 6, 30)


def test_a_new_un_operation_authorised_is_established_and_the_adopted_symbol_follows_the_number() -> None:
    d = decision(HEAD.replace("2014", "2013") + "Security Council Authorizes Mission in Mali\nThe Security Council "
                 "today authorized the deployment of the United Nations Multidimensional Integrated Stabilization "
                 "Mission in Mali (MINUSMA).\nBy the provisions of resolution 2100 (2013), adopted unanimously, the "
                 "Council authorized MINUSMA to take the necessary action to protect its personnel and civilians.")
    assert d.symbol == "S/RES/2100 (2013)" and d.action == "establish"
    assert {"use_of_force", "civilian_protection"} <= set(d.tasks)


def test_established_priorities_is_not_an_establishment() -> None:
    d = decision(HEAD + "The Security Council today extended the mandate of MINUSMA until 30 June 2015, deciding it "
                 "would continue to lead international efforts on achieving established priorities.\n"
                 "Adopting resolution 2164 (2014), the Council welcomed progress.")
    assert d.action == "renew"


def test_a_listing_page_is_read_up_to_its_second_release() -> None:
    page = HEAD + ("SC/6521\n27 May 1998\nPress Release\nSC/6521\nSECURITY COUNCIL RENEWS MANDATE OF MINUSMA UNTIL 30 "
                   "NOVEMBER\n19980527\nThe Security Council this morning renewed the mandate of MINUSMA for a further "
                   "six months, until 30 November.\n\nSC/6515\n14 May 1998\nPress Release\nSC/6515\nSECURITY COUNCIL "
                   "EXTENDS MISSION IN SOMALIA\nBy Resolution 1167 (1998), Adopted Unanimously, Council extends "
                   "AMISOM until 15 November.")
    d = decision(page)
    assert d.mission is not None and d.mission.id == "minusma" and d.end_date == dt.date(1998, 11, 30)
    assert d.symbol is None, "resolution 1167 is the next release's"


def test_a_description_reads_its_lead_from_the_words_before_it() -> None:
    d = decision(HEAD + "The Security Council on Tuesday adopted a resolution to approve a technical rollover for the "
                 "mandate of the African Union (AU) peacekeeping mission in Somalia to give time for an assessment.\n"
                 "Resolution 2415 (2014), which was unanimously adopted, extends it until 31 July 2014.")
    assert d.mission is not None and d.mission.id == "amisom" and d.symbol == "S/RES/2415 (2014)"
