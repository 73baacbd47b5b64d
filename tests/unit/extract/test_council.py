"""Council texts -> decisions and Mandate records, on short pages written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peacegraph.seed.extract.council.decision import end_date, is_council_text, period_end
from peacegraph.seed.extract.council.page import page_date, read_page, source_kind
from peacegraph.seed.extract.council.reader import read_council_text
from peacegraph.seed.extract.to_bundle import build_review
from tests.unit.extract.helpers import context

RENEWAL = """url: https://press.un.org/en/2014/sc99999.doc.htm
retrieved-as: excerpt from a stored copy

Security Council Extends Mandate of Mission in Mali until 30 June
The Security Council today extended the mandate of the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA) until 30 June 2015, recalling resolution 2100 (2013).
Unanimously adopting resolution 2164 (2014) and acting under Chapter VII of the Charter, the Council called on the parties to respect the ceasefire.
It requested that MINUSMA continue to protect civilians and to facilitate the delivery of humanitarian assistance.
The Council urged the Government to hold elections."""

NEW_OP = """ date 2019-03-02 The Security Council today established the United Nations Zembla Observer Force (UNZOF) for an initial period of six months, tasking it to monitor the ceasefire.
Unanimously adopting resolution 2999 (2019), the Council decided that UNZOF would report monthly."""

NEWS = """Global perspective Human stories

Security Council extends UN mission in Côte d'Ivoire until 31 July

The Security Council today extended the mandate of the UN mission in Côte d'Ivoire until 31 July so it can support the electoral process.
In unanimously adopting resolution 1795, the Council also condemned attacks."""


def test_detects_council_texts_only() -> None:
    assert is_council_text(read_page(RENEWAL).text)
    assert not is_council_text("The mission protected civilians in Mali.")


def test_page_date_and_kind() -> None:
    assert page_date(" date 2019-06-26 The Council", None).value == dt.date(2019, 6, 26)  # type: ignore[union-attr]
    assert page_date("SC/6318\n19970130The Security Council", None).value == dt.date(1997, 1, 30)  # type: ignore[union-attr]
    d = page_date("no date here", "https://news.un.org/en/story/2006/11/2003-x")
    assert d is not None and d.precision == "month" and d.value == dt.date(2006, 11, 1)
    assert source_kind("https://news.un.org/en/story/2003/01/1", "") == "news"
    assert source_kind("https://press.un.org/en/2013/sc1.doc.htm", "") == "press_release"


@pytest.mark.parametrize(("sentence", "year", "ref", "want"), [
    ("extended the mandate until 31 March 2014, and", None, None, dt.date(2014, 3, 31)),
    ("extended the mandate until 31 July", 1997, dt.date(1997, 1, 30), dt.date(1997, 7, 31)),
    ("extended it until 15 March", 2017, dt.date(2017, 12, 14), dt.date(2018, 3, 15)),
    ("extended the mandate until 30 April next year", None, dt.date(2024, 5, 8), dt.date(2025, 4, 30)),
    ("extended the mission till March 15, 2019.", None, None, dt.date(2019, 3, 15)),
])
def test_end_dates(sentence: str, year: int | None, ref: dt.date | None, want: dt.date) -> None:
    assert end_date(sentence, year, ref)[0] == want


def test_period_from_a_known_adoption_day() -> None:
    assert period_end("for six months", dt.date(2019, 6, 26)) == dt.date(2019, 12, 26), "GUIDE: same day number"
    assert period_end("for six months", None) is None, "no anchored start"
    assert period_end("with an initial mandate of six months", dt.date(2019, 1, 16)) == dt.date(2019, 7, 16)
    assert period_end("for a further period of twelve months", dt.date(2013, 8, 31)) == dt.date(2014, 8, 31)
    assert period_end("a six-month mandate", dt.date(2019, 8, 31)) == dt.date(2020, 2, 29), "no 31 February"
    assert period_end("six months later", dt.date(2019, 8, 31)) is None


def test_renewal_decision() -> None:
    ctx = context()
    cp = read_council_text(Path("renewal.txt"), RENEWAL, ctx.gaz, ctx.dates)
    d = cp.decision
    assert d is not None
    assert d.symbol == "S/RES/2164 (2014)", "the adopted resolution, not the one recalled"
    assert d.action == "renew" and d.mission is not None and d.mission.id == "minusma"
    assert d.end_date == dt.date(2015, 6, 30) and d.valid_to == dt.date(2015, 7, 1)
    assert set(d.tasks) == {"use_of_force", "civilian_protection", "humanitarian_relief"}
    assert "electoral_assistance" not in d.tasks, "a demand on the Government is not the mission's task"


def test_renewal_record_links_the_renewed_mandate() -> None:
    ctx = context()
    cp = read_council_text(Path("renewal.txt"), RENEWAL, ctx.gaz, ctx.dates)
    bundle, _, review = build_review([], ctx.gaz, council=[cp], mandates=ctx.mandates, sources=ctx.sources)
    md = bundle.mandates[0]
    assert md.id == "S/RES/2164 (2014)" and md.issued_by == "unsc" and md.action == "renew"
    assert md.authorizes == ["minusma"] and md.renews == "S/RES/2100 (2013)"
    assert md.valid_to == dt.date(2015, 7, 1) and md.places == ["MLI"]
    assert md.extraction is not None and md.extraction.review == "pending"
    assert bundle.sources[0].kind == "press_release" and bundle.sources[0].url
    assert md.cites[0].locator.startswith("line 5, chars ")
    cand = next(c for c in review.candidates if c.kind == "mandates")
    assert cand.evidence.span == "extended"


def test_new_operation_is_proposed_with_blanks() -> None:
    ctx = context()
    cp = read_council_text(Path("new.txt"), NEW_OP, ctx.gaz, ctx.dates)
    d = cp.decision
    assert d is not None and d.action == "establish" and d.symbol == "S/RES/2999 (2019)"
    assert d.mission is not None and d.mission.id == "unzof" and not d.mission.in_graph
    assert d.end_date == dt.date(2019, 9, 2), "six months from the adoption day the page gives"
    assert "ceasefire_monitoring" in d.tasks
    bundle, _, review = build_review([], ctx.gaz, council=[cp], mandates=ctx.mandates)
    mission = next(c for c in review.candidates if c.kind == "missions")
    assert mission.needs == ["deployed_in"] and mission.record["led_by"] == ["un"]
    mandate = next(c for c in review.candidates if c.kind == "mandates")
    assert any("accept unzof first" in n for n in mandate.needs)
    assert not bundle.mandates, "waits in the review file until its operation is accepted"


def test_described_operation_year_from_the_page() -> None:
    ctx = context()
    cp = read_council_text(Path("news.txt"), "url: https://news.un.org/en/story/2008/01/1\n\n" + NEWS, ctx.gaz,
                           ctx.dates)
    d = cp.decision
    assert d is not None and d.mission is not None and d.mission.id == "unoci"
    assert d.symbol == "S/RES/1795 (2008)" and d.end_date == dt.date(2008, 7, 31)
    assert "electoral_assistance" in d.tasks
