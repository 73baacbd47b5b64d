"""Citation, money and date forms the extractor must recognise and normalise."""

from __future__ import annotations

import pytest

from peacegraph.seed.extract.mentions.citations import find_citations
from peacegraph.seed.extract.mentions.dates import find_dates
from peacegraph.seed.extract.mentions.money import find_money


def symbols(text: str) -> list[str]:
    return [m.id or "" for m in find_citations(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("under resolution 2100 (2013), the Council", ["S/RES/2100 (2013)"]),
    ("resolutions 2036 and 2093", ["S/RES/2036", "S/RES/2093"]),
    ("Security Council resolutions 2129 (2013), 2185 (2014) and 2242 (2015)",
     ["S/RES/2129 (2013)", "S/RES/2185 (2014)", "S/RES/2242 (2015)"]),
    ("(S/RES/2033, 12 January 2012)", ["S/RES/2033 (2012)"]),
    ("Resolution 2036, 22 Feb 2012 and S/RES/1908", ["S/RES/2036 (2012)", "S/RES/1908"]),
    ("see S/RES/2100 (2013).", ["S/RES/2100 (2013)"]),
    ("Resolution 2098 (March 28, 2013), UN Doc. S/RES/2098", ["S/RES/2098 (2013)", "S/RES/2098 (2013)"]),
    ("UNSC Res. 1353 (2001) of 13 June 2001", ["S/RES/1353 (2001)"]),
    ("(see S/2017/2/Rev.1)", ["S/2017/2/Rev.1"]),
    ("A/65/747–S/2011/85", ["A/65/747", "S/2011/85"]),
    ("A/70/95-S/2015/446", ["A/70/95", "S/2015/446"]),
    ("A/66/311– S/2011/527, 19 August 2011", ["A/66/311", "S/2011/527"]),
    ("A/55/305, S/2000/ 809, 21 August 2000", ["A/55/305", "S/2000/809"]),
    ("S/PRST/2014/23 and S/PRST/2001/3", ["S/PRST/2014/23", "S/PRST/2001/3"]),
    ("communiqué PSC/PR/COMM.(CCCLVI) of the PSC", ["PSC/PR/COMM.(CCCLVI)"]),
])
def test_citation_forms_are_normalised(text: str, expected: list[str]) -> None:
    assert symbols(text) == expected


def test_slash_compounds_are_not_symbols() -> None:
    assert symbols("DPKO/OCHA/UNHCHR guidance and DPKO/DFS policy") == []


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("raised more than €2 billion", 2_000_000_000, "EUR"),
    ("US$ 600 million", 600_000_000, "USD"),
    ("more than 300 million euros", 300_000_000, "EUR"),
    ("a $1.5bn budget", 1_500_000_000, "USD"),
    ("$120–240 million a year", 120_000_000, "USD"),
    ("1 billion Swedish kronor", 1_000_000_000, "SEK"),
    ("about $4 billion", 4_000_000, "USD"),
    ("€750 million", 750_000_000, "EUR"),
    ("US$17,500,000", 17_500_000, "USD"),
])
def test_money_forms_are_normalised(text: str, amount: float, currency: str) -> None:
    found = find_money(text)
    assert len(found) == 1
    if text == "about $4 billion":
        amount = 4_000_000_000
    assert found[0].data["amount"] == pytest.approx(amount)
    assert found[0].data["currency"] == currency


def test_money_range_keeps_the_upper_bound_and_qualifier() -> None:
    (m,) = find_money("more than $120–240 million")
    assert m.data["max_amount"] == 240_000_000
    assert m.data["qualifier"] == "more than"


def test_numbers_without_currency_are_not_money() -> None:
    assert find_money("in 2011 300 soldiers and 17 000 troops") == []


def test_date_forms() -> None:
    found = {m.text: m.data for m in find_dates(
        "On 12 January 2012, March 28, 2013, November 2011, in 2008, 2009–2010 and between 2003 and 2006.")}
    assert found["12 January 2012"]["date"] == "2012-01-12"
    assert found["March 28, 2013"]["date"] == "2013-03-28"
    assert found["November 2011"] == {"date": "2011-11-01", "end": "2011-12-01", "precision": "month"}
    assert found["in 2008"]["end"] == "2009-01-01"
    assert found["2009–2010"]["end"] == "2011-01-01"
    assert found["between 2003 and 2006"]["date"] == "2003-01-01"
