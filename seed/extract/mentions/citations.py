"""Mandate and document references, normalised to one symbol form.

Forms: `resolution 2100 (2013)`, `resolutions 2036 and 2093`, `Resolution 2098 (March 28, 2013)`, `S/RES/2100
(2013)`, `UNSC Res. 1353 (2001)`, `S/PRST/2014/23`, `S/2017/2/Rev.1`, joint `A/65/747–S/2011/85` (split in two),
AU PSC communiqués `PSC/PR/COMM.(CCCLVI)` / `PSC/MIN/COMM/1(CDLXXXIV)`. Resolutions become `S/RES/2100 (2013)`,
or `S/RES/2036` when no year is given.
"""

from __future__ import annotations

import re

from peacegraph.seed.extract.mentions.base import Mention

_YEAR = r"(?:19[4-9]\d|20\d\d)"
_RES_WORD = re.compile(
    r"\b(?:(?:Security\s+Council|UNSC|SC)\s+)?(?P<w>[Rr]esolutions?|Res\.)\s+(?P<list>\d{3,4}(?:\s*\((?:[^()]{0,25}?)?"
    + _YEAR + r"\))?(?:\s*(?:,|and|&|,\s*and)\s*\d{3,4}(?:\s*\((?:[^()]{0,25}?)?" + _YEAR + r"\))?)*)"
)
_ONE = re.compile(r"(?P<n>\d{3,4})(?:\s*\((?:[^()]{0,25}?)?(?P<y>" + _YEAR + r")\))?")
_SRES = re.compile(r"\bS/RES/\s?(?P<n>\d{1,4})\s*(?:\((?P<y>" + _YEAR + r")\))?")
_SYMBOL = re.compile(
    r"\b(?P<sym>(?:S/PRST/\s?" + _YEAR + r"/\s?\d{1,3}|[AS]/(?:[A-Z]{2,5}/)?\s?\d{1,4}/\s?\d{1,5}(?:/(?:Rev|Add|Corr)\.\d{1,2})*))"
    r"(?P<joint>\s?[-–—]\s?(?P<sym2>[AS]/(?:[A-Z]{2,5}/)?\s?\d{1,4}/\s?\d{1,5}(?:/(?:Rev|Add|Corr)\.\d{1,2})*))?"
)
_PSC = re.compile(r"\bPSC/(?:PR|MIN|AHG|HSG)/(?:COMM|BR|Comm)[./]?\s?\d*\s?\(?[CDLXVI]+\)?(?:-\d+)?")


_DATE_AFTER = re.compile(r"\s*\([^()]{0,30}?(" + _YEAR + r")\)|,\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+|[A-Z][a-z]{2,8}"
                         r"\.?\s+\d{1,2},?\s+)?(" + _YEAR + r")\b")


def resolution_symbol(number: str, year: str | None) -> str:
    n = str(int(number))
    return f"S/RES/{n} ({year})" if year else f"S/RES/{n}"


def _clean(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol)


def find_citations(text: str) -> list[Mention]:
    """Symbol mentions: `id` is the normalised symbol; data['kind'] is resolution, prst, document or psc."""
    out: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()

    def add(a: int, b: int, sym: str, kind: str, conf: float, method: str) -> None:
        if (a, b, sym) in seen:
            return
        seen.add((a, b, sym))
        out.append(Mention("symbol", a, b, text[a:b], sym, method, conf, data={"kind": kind}))

    for m in _SRES.finditer(text):
        year = m.group("y")
        if year is None:
            tail = _DATE_AFTER.match(text, m.end())
            year = (tail.group(1) or tail.group(2)) if tail else None
        add(m.start(), m.end(), resolution_symbol(m.group("n"), year), "resolution", 0.95, "pattern:s-res")
    for m in _RES_WORD.finditer(text):
        base = m.start("list")
        for one in _ONE.finditer(m.group("list")):
            a, b = base + one.start(), base + one.end()
            if any(x.start <= a < x.end for x in out):
                continue
            year = one.group("y")
            if year is None:  # "Resolution 1894 (November 11, 2009)", "Resolution 2036, 22 Feb 2012"
                tail = _DATE_AFTER.match(text, b)
                year = (tail.group(1) or tail.group(2)) if tail else None
            number = one.group("n")
            if len(number) < 3 or int(number) > 3000:
                continue
            add(a if one.start() else m.start(), b, resolution_symbol(number, year), "resolution", 0.9,
                "pattern:resolution")
    for m in _SYMBOL.finditer(text):
        sym = _clean(m.group("sym"))
        kind = "prst" if sym.startswith("S/PRST/") else "document"
        if sym.startswith("S/RES/"):
            continue
        add(m.start("sym"), m.end("sym"), sym.rstrip("."), kind, 0.9, "pattern:symbol")
        if m.group("sym2"):
            sym2 = _clean(m.group("sym2"))
            add(m.start("sym2"), m.end("sym2"), sym2.rstrip("."), "document", 0.9, "pattern:joint-symbol")
    for m in _PSC.finditer(text):
        add(m.start(), m.end(), _clean(m.group(0)), "psc", 0.85, "pattern:psc-communique")
    # a year-less S/RES/N takes the year given for the same number elsewhere in the text
    years = {m.id.split(" ")[0]: m.id for m in out if m.id and m.id.startswith("S/RES/") and "(" in m.id}
    for found in out:
        if found.id and found.id.startswith("S/RES/") and "(" not in found.id and found.id in years:
            found.id = years[found.id]
    return sorted(out, key=lambda x: x.start)
