"""One Council page from a file: read it, find its decision with the graph's missions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

from peacegraph.seed.extract.council.decision import is_council_text, read_decision
from peacegraph.seed.extract.council.missions import CouncilMissions, MissionDates
from peacegraph.seed.extract.council.page import PageDate, period, read_page
from peacegraph.seed.extract.council.records import CouncilPage
from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.lexicon import Lexicon, load_lexicon
from peacegraph.seed.extract.taskmatch import matcher_for

_SYMBOL_YEAR = re.compile(r"[Rr]esolution (\d{3,4}) \((\d{4})\)")
_TEXT_DATE = re.compile(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December),? ((?:19|20)\d\d)\b")


def looks_like_council_text(text: str) -> bool:
    """Whether `seed extract` should read this file as a Council text (after any header lines)."""
    return is_council_text(read_page(text).text)


def read_council_text(path: Path, text: str, gaz: Gazetteer, dates: Mapping[str, MissionDates],
                      lexicon: Lexicon | None = None) -> CouncilPage:
    """The page and its decision; operations are dated by the page date, else by the year in a symbol."""
    page = read_page(text)
    when = page.date
    if when is None:
        m = _SYMBOL_YEAR.search(page.text)
        if m:
            when = PageDate(dt.date(int(m.group(2)), 1, 1), "year", "symbol")
        elif d := _TEXT_DATE.search(page.text[:2000]):  # an undated reprint: the year of the first date it gives
            when = PageDate(dt.date(int(d.group(1)), 1, 1), "year", "a date in the text")
    finder = CouncilMissions(gaz, dates, period(when))
    decision = read_decision(page, finder.find, matcher_for(lexicon or load_lexicon()))
    return CouncilPage(path, text, page, decision)
