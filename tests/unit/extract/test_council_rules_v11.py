"""Council pages written for these tests in the manner of UN News stories and meetings-coverage releases, one per
rule of extraction v11: a demand that opens a sentence does not hide the end it sets; "keep … in place through the
end of July"; a story's dateline gives the adoption day; a second decision's period is not this one's; a meeting
line dates a release; "endorsed the establishment, for …, of"; "Resolution N, submitted by …, received 13 votes";
a descriptive name resolves to the operation the page names; troops lent from one operation to another; the
Council's views are not tasks."""

from __future__ import annotations

import datetime as dt

from peacegraph.seed.extract.context import ExtractContext
from tests.unit.extract.council_pages import op, read


def test_a_demand_that_opens_the_sentence_does_not_hide_the_end_it_sets(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council approves one year extension of UN mission in Western Sahara\n"
                  "A peacekeeper on patrol near the berm during a visit by the Secretary-General, who met with staff "
                  "of the mission and local officials on a tour of the region last month.\n"
                  "Security Council approves one year extension of UN mission in Western Sahara\n\n"
                  "The Security Council today adopted a resolution extending for one year the United Nations Mission "
                  "for the Referendum in Western Sahara (MINURSO).\n\n"
                  "Calling upon all parties to cooperate fully with the mission, the Council, by a vote of 10 in "
                  "favour to two against, extended the mission's mandate until 30 April 2017.",
             "https://news.un.org/en/story/2016/04/1")
    assert (d.action, op(d), d.end_date) == ("renew", "minurso", dt.date(2017, 4, 30)), d.notes


def test_keeping_an_operation_in_place_through_the_end_of_a_month_ends_its_mandate_then(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends mission in Darfur by another year\n"
                  "The Security Council agreed today to extend the work of the joint peacekeeping operation in Darfur "
                  "by another year and called for a plan to measure the mission's progress.\n"
                  "The Council also decided to keep the force at its current strength.\n"
                  "Council members voted unanimously to keep the mission, known as UNAMID, in place through the end "
                  "of July 2010.", "https://news.un.org/en/story/2009/07/1")
    assert (d.action, op(d), d.end_date) == ("renew", "unamid", dt.date(2010, 7, 31)), d.notes


def test_a_storys_dateline_dates_the_decision_and_a_mission_said_to_exist_is_renewed(ctx: ExtractContext) -> None:
    d = read(ctx, "Saturday, September 16, 2000\n"
                  "Security Council authorizes 4,200 troops for Ethiopia-Eritrea peacekeeping force\n"
                  "15 September -- The Security Council today authorized the deployment of 4,200 troops for the "
                  "United Nations Mission in Ethiopia and Eritrea (UNMEE), with an initial six-month mandate to carry "
                  "out a range of verification tasks.\n"
                  "Unanimously adopting resolution 1320 (2000), the Council expanded not only the size but also the "
                  "mandate of UNMEE, which was originally established at the end of July with 100 military observers.",
             "https://www.un.org/News/dh/2000/1")
    assert d.adopted == dt.date(2000, 9, 15), "the story's day, not the day it was posted"
    assert (d.action, op(d), d.end_date) == ("renew", "unmee", dt.date(2001, 3, 15)), d.notes


def test_the_period_of_a_second_decision_reported_in_another_action_is_not_this_ones(ctx: ExtractContext) -> None:
    d = read(ctx, "SECURITY COUNCIL ESTABLISHES UNITED NATIONS MISSION IN ETHIOPIA AND ERITREA\n\n31 July 2000\n\n"
                  "The Security Council decided this afternoon to establish a peacekeeping operation to help with the "
                  "demarcation of the border between Ethiopia and Eritrea. In another action, it authorized United "
                  "Nations military observers to continue monitoring the demilitarization of the border for three "
                  "months.\n\nActing under Chapter VII of the Charter, the Council decided, by unanimously adopting "
                  "resolution 1312 (2000), to establish for an initial 12-month period the United Nations Mission in "
                  "Ethiopia and Eritrea (UNMEE).")
    assert (d.action, op(d), d.end_date) == ("establish", "unmee", dt.date(2001, 7, 31)), d.notes


def test_a_meeting_line_dates_a_release_that_endorses_an_establishment(ctx: ExtractContext) -> None:
    d = read(ctx, "SECURITY COUNCIL ENDORSES ESTABLISHMENT OF UN ASSISTANCE MISSION IN AFGHANISTAN\n"
                  "Security Council SC/7345\n4501st Meeting (AM) 28 March 2002\n"
                  "The Security Council this morning endorsed the establishment, for an initial period of 12 months, "
                  "effective today, of a United Nations Assistance Mission in Afghanistan (UNAMA), with the mandate "
                  "laid out in the report of the Secretary-General.", "https://press.un.org/en/2002/sc7345.doc.htm")
    assert d.adopted == dt.date(2002, 3, 28)
    assert (d.action, op(d), d.end_date) == ("establish", "unama", dt.date(2003, 3, 28)), d.notes


def test_a_resolution_that_received_votes_is_the_one_adopted_and_a_described_mission_is_the_named_one(
        ctx: ExtractContext) -> None:
    d = read(ctx, "Yemen: Security Council votes on final extension of Hudaydah Mission\n"
                  "The Security Council adopted a resolution on Tuesday that renews the mandate of the UN Mission in "
                  "the Yemeni port city of Hudaydah for a final two-month period through 31 March of this year.\n"
                  "Some preamble about the city and its port, which handles much of the country's food imports, "
                  "and about the agreement that the parties signed in Stockholm in 2018.\n"
                  "Resolution 2813 (2026), submitted by the United Kingdom, received 13 votes in favour and none "
                  "against. It calls for the drawdown of the UN Mission to Support the Hudaydah Agreement (UNMHA).",
             "https://news.un.org/en/story/2026/01/1")
    assert d.symbol == "S/RES/2813 (2026)"
    assert (d.action, op(d), d.end_date) == ("terminate", "unmha", dt.date(2026, 3, 31)), d.notes


def test_troops_lent_from_one_operation_to_another_modify_the_one_that_receives_them(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council authorizes extra UN troops for Ivorian run-off poll\n"
                  "The Security Council today authorized the sending of extra United Nations peacekeepers to Côte "
                  "d'Ivoire ahead of the presidential run-off election.\n"
                  "In a unanimously adopted resolution, the Council decided to authorize the Secretary-General to "
                  "temporarily redeploy three infantry companies from the UN Mission in Liberia (UNMIL) to the UN "
                  "peacekeeping force in Côte d'Ivoire (UNOCI) for a period of no more than four weeks, to reinforce "
                  "UNOCI and assist with security during the election period.",
             "https://news.un.org/en/story/2010/11/1")
    assert (d.action, op(d)) == ("modify", "unoci"), d.notes
    assert d.tasks == ["electoral_security"], d.tasks


def test_the_councils_views_of_an_operations_work_are_not_tasks(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends UN mission in Darfur\n"
                  "The Security Council today extended the mandate of the African Union-United Nations Hybrid "
                  "Operation in Darfur (UNAMID) until 31 July 2010 and stressed the importance of protecting "
                  "Darfur's civilian population.\n"
                  "It stressed that the Mission's provision of recovery and reconstruction assistance could greatly "
                  "help the country.\nThe Council decided that UNAMID shall support the delivery of humanitarian "
                  "assistance.", "https://news.un.org/en/story/2009/07/2")
    assert (d.action, op(d), d.end_date) == ("renew", "unamid", dt.date(2010, 7, 31)), d.notes
    assert d.tasks == ["humanitarian_relief"], d.tasks


def test_the_operation_named_as_the_helper_of_those_the_council_calls_on_is_not_given_their_task(
        ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends mission in Ethiopia and Eritrea\n"
                  "The Security Council today extended the mandate of the United Nations Mission in Ethiopia and "
                  "Eritrea (UNMEE) until 15 March 2001.\n"
                  "By other terms of the text, the Council called on the Government of Ethiopia to complete, with the "
                  "advice and technical support of UNMEE, the programme for the demobilization of retired military "
                  "personnel.\nThe Council decided that UNMEE shall provide technical assistance to mine action in the "
                  "temporary security zone.", "https://press.un.org/en/2000/sc9999.doc.htm")
    assert (d.action, op(d)) == ("renew", "unmee"), d.notes
    assert d.tasks == ["mine_action"], d.tasks
