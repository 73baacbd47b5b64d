"""What a stored Council page says about itself: its address, its date, and its kind of source.

Pages come as the development excerpts do: optional header lines (`url: ...`, `retrieved-as: ...`) and a blank
line, then the text. The page date is taken, in order, from a ` date YYYY-MM-DD` tag, a resolution's "Adopted …
on 5 October 2017", an eight-digit stamp (`19970130`, in the text or the address), a date line near the top
(`10 June 1999`, `15/06/2001`, `22-Oct-99`, a dateline `18 August 2006 – …`), or the address (`/2006/11/` gives
a month, `/en/2013/` a year).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peacegraph.seed.extract.mentions.dates import MONTHS

_HEADER = re.compile(r"^(url|retrieved-as):\s*(.*)$")
_TAG = re.compile(r"(?:^|\s)date\s+(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_NAME = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_STAMP = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_DATE_LINE = re.compile(r"^\s*(?:\d{3,5}(?:st|nd|rd|th) Meeting(?: \((?:AM|PM|Night)\))?,?\s+)?(\d{1,2})\s+" + _MONTH_NAME +
                        r"\s+(\d{4})\s*$", re.M)  # "28 March 2002", "4501st Meeting (AM) 28 March 2002"
# a resolution's own text: "Adopted by the Security Council at its 8063rd meeting, on 5 October 2017"
ADOPTED_ON = re.compile(r"Adopted by the Security Council at its \d+\w* meeting,? on (\d{1,2}) " + _MONTH_NAME +
                        r",? (\d{4})")
_URL_STAMP = re.compile(r"/(19[4-9]\d|20[0-4]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[./]")
_NUMERIC_LINE = re.compile(r"^\s*(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])/((?:19|20)\d\d)\s*$", re.M)  # 15/06/2001
# a reprint's date line in the American order: "Jan 28, 2014", "January 28, 2014"
_US_LINE = re.compile(r"^\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|January|February|March|April|June|July|"
                      r"August|September|October|November|December)\.?\s+(\d{1,2}),\s+((?:19|20)\d\d)\s*$", re.M)
# an agency's dateline ("NEW YORK–(ENEWSPF)–4 June 2010 – The Security Council …") and the UN News stamp of the
# 2000s ("New York, Sep 15 2010 6:10PM")
_AGENCY_LINE = re.compile(r"^[A-Z][A-Za-z .]{1,30}[–—-]\s*\(?[A-Z]{2,}\)?\s*[–—-]\s*(\d{1,2})\s+" + _MONTH_NAME +
                          r",?\s+(\d{4})\b", re.M)
_NEWS_STAMP = re.compile(r"^[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?, (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.? "
                         r"(\d{1,2}),? (\d{4}) \d{1,2}:\d\d ?[AP]M\b", re.M)
_SHORT_LINE = re.compile(r"^\s*(\d{1,2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{2})\s*$", re.M)
_DATELINE = re.compile(r"^[^\w\n]{0,3}(\d{1,2})\s+" + _MONTH_NAME + r",?\s+(\d{4})\s*[–—-]\s", re.M)
_URL_YM = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")
_URL_Y = re.compile(r"/((?:19|20)\d\d)/")


@dataclass(frozen=True)
class PageDate:
    """A date with how much of it is known (day, month or year); `value` is the first day of what is known."""

    value: dt.date
    precision: str
    how: str


@dataclass(frozen=True)
class Page:
    """A Council page: its body text (offset `body_start` in the file), address, date and source kind."""

    text: str
    body_start: int
    url: str | None
    date: PageDate | None
    kind: str  # press_release | news | resolution | web_page


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def page_date(body: str, url: str | None) -> PageDate | None:
    """The page's own date (see the module docstring for the order)."""
    head = body[:1500]
    m = _TAG.search(head)
    if m and (d := _safe_date(int(m[1]), int(m[2]), int(m[3]))):
        return PageDate(d, "day", "date tag")
    m = ADOPTED_ON.search(body[:3000])
    if m and (d := _safe_date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))):
        return PageDate(d, "day", "adoption line")
    m = _STAMP.search(head)
    if m and (d := _safe_date(int(m[1]), int(m[2]), int(m[3]))):
        return PageDate(d, "day", "date stamp")
    m = _URL_STAMP.search(url or "")
    if m and (d := _safe_date(int(m[1]), int(m[2]), int(m[3]))):
        return PageDate(d, "day", "date stamp in the address")
    m = _DATE_LINE.search(head) or _DATELINE.search(head)
    if m and (d := _safe_date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))):
        return PageDate(d, "day", "date line")
    m = _NUMERIC_LINE.search(head)
    if m and (d := _safe_date(int(m[3]), int(m[2]), int(m[1]))):
        return PageDate(d, "day", "date line")
    m = _AGENCY_LINE.search(head)
    if m and (d := _safe_date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))):
        return PageDate(d, "day", "date line")
    m = _US_LINE.search(head) or _NEWS_STAMP.search(head)
    if m and (d := _safe_date(int(m[3]), MONTHS[m[1].lower().rstrip(".")], int(m[2]))):
        return PageDate(d, "day", "date line")
    m = _SHORT_LINE.search(head)
    if m:
        yy = int(m[3])
        if d := _safe_date(yy + (1900 if yy >= 45 else 2000), MONTHS[m[2].lower()], int(m[1])):
            return PageDate(d, "day", "date line")
    if url:
        m = _URL_YM.search(url)
        if m:
            return PageDate(dt.date(int(m[1]), int(m[2]), 1), "month", "address")
        m = _URL_Y.search(url)
        if m:
            return PageDate(dt.date(int(m[1]), 1, 1), "year", "address")
    return None


def source_kind(url: str | None, body: str) -> str:
    """press_release (press.un.org, un.org/press), news (news.un.org), resolution (a resolution's own text)."""
    u = (url or "").lower()
    if "press.un.org" in u or "un.org/press" in u or re.search(r"\bPress Release\b|\bSC/\d{4,5}\b|"
                                                              r"Security Council, \d+\w* Meeting", body[:600], re.I):
        return "press_release"
    if "news.un.org" in u:
        return "news"
    if re.search(r"Adopted by the Security Council at its \d+", body[:3000]):
        return "resolution"
    return "web_page"


def read_page(text: str) -> Page:
    """Split off the header lines and find the page's address, date and kind."""
    url = None
    pos = 0
    lines = text.split("\n")
    k = 0
    while k < len(lines) and (h := _HEADER.match(lines[k])):
        if h.group(1) == "url":
            url = h.group(2).strip() or None
        pos += len(lines[k]) + 1
        k += 1
    if k and k < len(lines) and not lines[k].strip():
        pos += len(lines[k]) + 1
    from peacegraph.seed.extract.normalise import QUOTES

    body = text[pos:].translate(QUOTES)  # one character for one: offsets still point into the file
    return Page(body, pos, url, page_date(body, url), source_kind(url, body))


def period(date: PageDate | None) -> tuple[dt.date, dt.date] | None:
    """The days a page date covers, [start, end): one day, a month or a year."""
    if date is None:
        return None
    v = date.value
    if date.precision == "day":
        return v, v + dt.timedelta(days=1)
    if date.precision == "month":
        return v, dt.date(v.year + (v.month == 12), v.month % 12 + 1, 1)
    return v, dt.date(v.year + 1, 1, 1)
