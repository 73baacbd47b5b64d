"""Council pages written for these tests in the manner of the UN's pages, one per rule of extraction v9: a new
force's last day is a period, not a termination; a final extension that says the operation then ends is one; "the
resolution adopted today 'authorizes …'" acts; "the end of next June"; a date someone asks for is not the Council's;
an operation's earlier mandate gives no task; a force the Council authorises without naming it still has tasks."""

from __future__ import annotations

import datetime as dt

import pytest

from peacegraph.seed.extract.context import ExtractContext
from tests.unit.extract.council_pages import op, read


def test_the_last_day_of_a_force_the_council_authorises_is_its_period_not_a_termination(ctx: ExtractContext) -> None:
    d = read(ctx, "Council Authorizes Temporary Force; Decides Operation Should Terminate On 30 April 1998\n"
                  "12 December 1997\n"
                  "The Security Council this afternoon authorized the establishment of a temporary multinational "
                  "force to facilitate, by using all necessary means, the delivery of humanitarian aid to civilians "
                  "in the region.\nActing under Chapter VII, the Council adopted resolution 1999 (1997), by which it "
                  "also decided that the operation should terminate on 30 April 1998, unless the Secretary-General "
                  "reported earlier that its objectives had been met.",
             "https://www.un.org/News/Press/docs/1997/sc0001.html")
    assert (d.action, d.end_date) == ("authorise_support", dt.date(1998, 4, 30)), d.notes
    assert op(d) is None, "the force has no name in the graph"
    assert {"use_of_force", "humanitarian_relief"} <= set(d.tasks), \
        "the tasks of the force the verb takes as its object, though it is not named"


def test_an_extension_after_which_the_operation_is_terminated_is_a_termination(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends UN mission in Ethiopia and Eritrea\n"
                  "The Security Council today extended the mandate of the United Nations Mission in Ethiopia and "
                  "Eritrea (UNMEE), in a resolution adopted unanimously.\nSince last month, the UNMEE mandate has been the subject of two brief "
                  "technical renewals by the Security Council.\nThe Council extended UNMEE's mandate through 31 July "
                  "2008. At that point, the "
                  "Mission will be terminated, and a liaison office will follow it.",
             "https://news.un.org/en/story/2008/01/1")
    assert (d.action, op(d), d.end_date) == ("terminate", "unmee", dt.date(2008, 7, 31)), d.notes


def test_an_extension_without_such_words_stays_a_renewal(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends UN mission in Ethiopia and Eritrea\n"
                  "The Security Council today extended the mandate of the United Nations Mission in Ethiopia and "
                  "Eritrea (UNMEE) through 31 July 2008. At that point, the Council will review its size.",
             "https://news.un.org/en/story/2008/01/2")
    assert (d.action, op(d), d.end_date) == ("renew", "unmee", dt.date(2008, 7, 31)), d.notes


def test_what_the_resolution_adopted_today_authorizes_in_quotes_is_the_decision(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council sets out roles for peace in Iraq\n"
                  "The United Nations Security Council today unanimously adopted a new resolution on the roles of "
                  "the United Nations and the Iraqi authorities.\n"
                  "The resolution adopted today \u201cauthorizes a multinational force under unified command to take "
                  "all necessary measures to contribute to the maintenance of security and stability\u201d in the "
                  "country.", "https://news.un.org/en/story/2003/10/1")
    assert d.action == "authorise_support", d.notes
    assert "use_of_force" in d.tasks, "all necessary measures, for the force the Council authorises"


@pytest.mark.parametrize("until, end", [("until the end of next June", dt.date(2005, 6, 30)),
                                        ("until the end of June", dt.date(2005, 6, 30))])
def test_the_end_of_next_month_is_that_months_last_day_after_the_page(ctx: ExtractContext, until: str,
                                                                       end: dt.date) -> None:
    d = read(ctx, "Security Council renews mandate of UN force in Cyprus\n15 December 2004\n"
                  "The Security Council today unanimously renewed the mandate of the United Nations Peacekeeping Force "
                  f"in Cyprus (UNFICYP) for another six months, {until}.", "https://news.un.org/en/story/2004/12/1")
    assert (d.action, op(d), d.end_date) == ("renew", "unficyp", end), d.notes


def test_a_date_the_secretary_general_asks_for_is_not_the_new_end_date(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends mandate of UN mission in Côte d'Ivoire for a month\n"
                  "The Security Council today extended for one month the mandate of the United Nations Operation in "
                  "Côte d'Ivoire (UNOCI).\nWhen the Council meets to consider a further extension of the mandate of "
                  "UNOCI, it will have before it a request from the Secretary-General to continue the mission until "
                  "4 April 2006.", "https://news.un.org/en/story/2005/04/1")
    assert (d.action, op(d)) == ("renew", "unoci")
    assert d.end_date != dt.date(2006, 4, 4), "asked for, not decided"


def test_an_earlier_mandate_gives_no_task_and_new_wordings_are_found(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends mandate of UN mission in Iraq\n"
                  "The Security Council today extended the mandate of the United Nations Assistance Mission for Iraq "
                  "(UNAMI) until 31 July 2004.\nThe mission's initial mandate was to support the authorities in "
                  "preparing for elections and promoting reconciliation.\nThe Council decided that UNAMI shall "
                  "in addition assist national efforts to address the proliferation of all arms, provide de-mining "
                  "assistance and ensure the area is demilitarized.", "https://news.un.org/en/story/2003/12/1")
    assert (d.action, op(d)) == ("renew", "unami")
    assert set(d.tasks) == {"small_arms_control", "mine_action", "demilitarisation"}, d.tasks
