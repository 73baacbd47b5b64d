"""The pure rules of graph/domain/rules.py: in force, counted statuses, states, currency, lapse, date range."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peacegraph.graph.domain import rules
from peacegraph.graph.domain.rules import MandateTerm, currency, mandate_lapsed

D = dt.date(2021, 6, 1)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


def test_in_force_is_from_inclusive_to_exclusive() -> None:
    assert rules.in_force(D, None, D)
    assert not rules.in_force(None, D, D)
    assert rules.in_force(None, None, D)
    assert not rules.in_force(D + dt.timedelta(days=1), None, D)


@given(start=dates, end=dates, on=dates)
def test_in_force_matches_the_interval(start: dt.date, end: dt.date, on: dt.date) -> None:
    assert rules.in_force(start, end, on) == (start <= on < end)


def test_statuses_counted() -> None:
    assert rules.counted_statuses() == ["actual"]
    assert rules.counted_statuses(True) == ["actual", "forecast", "planned"]
    assert rules.counts(None) and rules.counts("actual")
    assert not rules.counts("planned") and rules.counts("planned", True) and rules.counts("forecast", True)
    assert not rules.counts("proposed") and not rules.counts("proposed", True)


def test_state_of_each_case_and_principles_never_count() -> None:
    assert rules.state_of(set(), set(), demanded=True) == "gap"
    assert rules.state_of(set(), set(), demanded=False) is None
    assert rules.state_of({"a"}, {"un"}, demanded=False) == "thin"
    assert rules.state_of({"a", "b"}, {"un"}, demanded=True) == "covered"
    assert rules.state_of({"a", "b"}, {"un", "au"}, demanded=True) == "overlap"


def test_years_before_handles_leap_days() -> None:
    assert rules.years_before(dt.date(2024, 2, 29), 3) == dt.date(2021, 2, 28)
    assert rules.years_before(dt.date(2024, 6, 1), 3) == dt.date(2021, 6, 1)


def test_currency_is_counted_back_from_the_date_asked_about() -> None:
    fresh = currency(None, [dt.date(2019, 1, 1), None], dt.date(2021, 6, 1), 3)
    assert fresh == rules.Currency(dt.date(2019, 1, 1), True, False, False)
    old = currency(None, [dt.date(2018, 5, 31)], dt.date(2021, 6, 1), 3)
    assert old.stale and old.end_unknown
    boundary = currency(None, [dt.date(2018, 6, 1)], dt.date(2021, 6, 1), 3)
    assert not boundary.stale, "exactly three years before is not older than three years"
    assert currency(None, [dt.date(2018, 5, 31)], dt.date(2019, 1, 1), 3).stale is False, "asked about 2019"
    assert currency(None, [], D, 3).stale, "an open-ended fact nobody ever confirmed is stale"
    ended = currency(dt.date(2030, 1, 1), [], D, 3)
    assert not ended.end_unknown and not ended.stale, "a fact with a recorded end is never stale"


def test_mandate_lapse() -> None:
    renewed = [MandateTerm(dt.date(2019, 6, 1), dt.date(2019, 7, 1), dt.date(2020, 7, 1), "establish"),
               MandateTerm(dt.date(2020, 6, 1), dt.date(2020, 7, 1), dt.date(2021, 7, 1), "renew")]
    assert not mandate_lapsed(renewed, None, dt.date(2021, 6, 30))
    assert mandate_lapsed(renewed, None, dt.date(2021, 7, 1)), "the last renewal ended, nothing recorded after"
    assert not mandate_lapsed(renewed, dt.date(2021, 7, 1), dt.date(2021, 8, 1)), "the mission's end is recorded"
    terminated = [*renewed, MandateTerm(dt.date(2021, 6, 20), dt.date(2021, 6, 20), dt.date(2021, 7, 1),
                                        "terminate")]
    assert not mandate_lapsed(terminated, None, dt.date(2022, 1, 1)), "a termination is recorded"
    assert not mandate_lapsed([], None, D), "no mandate recorded: nothing to lapse"
    open_ended = [MandateTerm(dt.date(2019, 6, 1), dt.date(2019, 7, 1), None, "establish")]
    assert not mandate_lapsed(open_ended, None, dt.date(2030, 1, 1))


def test_supported_dates() -> None:
    assert rules.in_range(rules.EARLIEST) and rules.in_range(rules.LATEST)
    assert not rules.in_range(dt.date(9999, 12, 31)) and not rules.in_range(dt.date(1, 1, 1))
