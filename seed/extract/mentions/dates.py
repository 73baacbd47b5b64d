"""Dates and periods: `12 January 2012`, `March 28, 2013`, `November 2011`, `in 2008`, `2009–2010`,
`between 2003 and 2006`. data: {date: ISO date (first day of the period), end: ISO date (exclusive) or None}."""

from __future__ import annotations

import datetime as dt
import re

from peacegraph.seed.extract.mentions.base import Mention

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
_M = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_Y = r"(?P<y>(?:19[4-9]\d|20\d\d))"
_DMY = re.compile(r"\b(?P<d>\d{1,2})\s+" + _M + r",?\s+" + _Y + r"\b")
_MDY = re.compile(r"\b" + _M + r"\s+(?P<d>\d{1,2}),?\s+" + _Y + r"\b")
_MY = re.compile(r"\b" + _M + r",?\s+" + _Y + r"\b")
_RANGE = re.compile(r"\b(?:between\s+|from\s+)?" + _Y + r"\s?(?:[–-]|\s+(?:to|and|until)\s+)(?P<y2>(?:19|20)?\d\d)\b")
_YEAR = re.compile(r"\b(?P<pre>in|since|until|by|from|during|after|before|of|early|late|mid|end of)\s+" + _Y + r"\b",
                   re.I)


def _date(y: int, m: int = 1, d: int = 1) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[Mention]:
    out: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return not any(x.start < b and a < x.end for x in out)

    def add(m: re.Match[str], start: dt.date | None, end: dt.date | None, precision: str) -> None:
        if start and free(m.start(), m.end()):
            out.append(Mention("date", m.start(), m.end(), m.group(0), start.isoformat(), "pattern:date", 0.9,
                               data={"date": start.isoformat(), "end": end.isoformat() if end else None,
                                     "precision": precision}))

    for rx in (_DMY, _MDY):
        for m in rx.finditer(text):
            d = _date(int(m.group("y")), MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d")))
            add(m, d, d + dt.timedelta(days=1) if d else None, "day")
    for m in _MY.finditer(text):
        y, mon = int(m.group("y")), MONTHS[m.group("mon").lower().rstrip(".")]
        add(m, _date(y, mon), _date(y + (mon == 12), mon % 12 + 1), "month")
    for m in _RANGE.finditer(text):
        y = int(m.group("y"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        if y2 > y:
            add(m, _date(y), _date(y2 + 1), "year")
    for m in _YEAR.finditer(text):
        y = int(m.group("y"))
        add(m, _date(y), _date(y + 1), "year")
    return sorted(out, key=lambda x: x.start)
