"""Council pages written for these tests in the manner of UN News stories, one per rule of extraction v10: "sets
up a new mission" and "approved the establishment of a new operation" establish; "The resolution, adopted 14-0"
makes a page a Council text; "will remain in the country until"; a popular consultation is electoral work;
"dialogue between national actors" is national reconciliation."""

from __future__ import annotations

import datetime as dt

import pytest

from peacegraph.seed.extract.context import ExtractContext
from peacegraph.seed.extract.council.decision import is_council_text
from tests.unit.extract.council_pages import op, read


def test_a_story_whose_resolution_was_adopted_14_0_and_that_sets_up_a_mission_is_a_council_text() -> None:
    text = ("Security Council sets up new UN mission\nThe United Nations Security Council today set up a new "
            "mission to coordinate UN activities in the country.\nThe resolution, adopted 14-0 with one abstention, "
            "was the body's first formal action on the matter.")
    assert is_council_text(text)
    assert not is_council_text("The Council of Ministers met today in the capital and set up a committee.")


@pytest.mark.parametrize("lede", [
    "The United Nations Security Council today set up a new mission, the United Nations Assistance Mission for "
    "Iraq (UNAMI), to coordinate the work of UN agencies in the country.",
    "The United Nations Security Council today set up a \u201csignificantly scaled-down\u201d United Nations "
    "operation, the United Nations Assistance Mission for Iraq (UNAMI), to help the country recover.",
    "The United Nations Security Council today unanimously approved the establishment of a new operation, the "
    "United Nations Assistance Mission for Iraq (UNAMI), where the UN will help restore peace.",
])
def test_setting_up_or_approving_the_establishment_of_an_operation_establishes_it(ctx: ExtractContext,
                                                                                  lede: str) -> None:
    d = read(ctx, f"Security Council sets up UN mission in Iraq\n{lede}", "https://news.un.org/en/story/2003/08/1")
    assert (d.action, op(d)) == ("establish", "unami"), d.notes


def test_an_operation_that_will_remain_in_the_country_until_a_day_ends_its_mandate_then(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends UN mission in Côte d’Ivoire for another year\n"
                  "The Security Council today extended the mandate of the United Nations peacekeeping mission in Côte "
                  "d’Ivoire for another year to help the country after the crisis.\n"
                  "In unanimously adopting resolution 2000, the Council decided that the United Nations Operation in "
                  "Côte d’Ivoire (UNOCI) will remain in the country until 31 July 2012 at its current strength.",
             "https://news.un.org/en/story/2011/07/1")
    assert (d.action, op(d), d.end_date) == ("renew", "unoci", dt.date(2012, 7, 31)), d.notes


def test_a_popular_consultation_and_a_dialogue_between_national_actors_are_tasks(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends mandate of UN mission in Iraq\n"
                  "The Security Council today extended the mandate of the United Nations Assistance Mission for Iraq "
                  "(UNAMI) until 31 July 2005.\nThe Council decided that UNAMI shall help organize and conduct a "
                  "popular consultation and support dialogue between national actors.",
             "https://news.un.org/en/story/2004/08/1")
    assert (d.action, op(d)) == ("renew", "unami")
    assert set(d.tasks) == {"electoral_assistance", "national_reconciliation"}, d.tasks
