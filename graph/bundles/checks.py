"""Semantic checks on a set of bundles (the whole dataset at once): what a field type cannot say.

Pure: takes parsed bundles, returns located findings (file, line, id, message) with a severity. Errors make
`peacegraph data check` fail; warnings are printed and counted.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from peacegraph.graph.bundles.parse import ParsedBundle, loc_path
from peacegraph.graph.domain.model import KINDS

WEB_KINDS = {"press_release", "statement", "news", "web_page"}
FORBIDDEN = {"Cc", "Cf"}  # control characters; format characters (zero-width, bidi controls)


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" | "warning"
    file: str
    line: int | None
    id: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.id}: {self.path}: {self.message}"


@dataclass(frozen=True)
class Rec:
    """One record with where it is."""

    kind: str
    index: int
    item: Any
    pb: ParsedBundle

    def find(self, severity: str, message: str, *sub: str | int) -> Finding:
        loc = (self.kind, self.index, *sub)
        return Finding(severity, self.pb.name, self.pb.line_of(loc), getattr(self.item, "id", "?"), loc_path(loc),
                       message)


def _records(parsed: Sequence[ParsedBundle]) -> dict[str, list[Rec]]:
    out: dict[str, list[Rec]] = {k: [] for k in KINDS}
    for pb in parsed:
        for kind in KINDS:
            for i, item in enumerate(getattr(pb.bundle, kind)):
                out[kind].append(Rec(kind, i, item, pb))
    return out


def _overlap(a_from: dt.date | None, a_to: dt.date | None, b_from: dt.date | None, b_to: dt.date | None) -> bool:
    return (a_from is None or b_to is None or a_from < b_to) and (b_from is None or a_to is None or b_from < a_to)


def _bad_chars(text: str) -> list[str]:
    return sorted({f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) in FORBIDDEN and ch not in "\n\t"})


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def check_bundles(parsed: Sequence[ParsedBundle]) -> list[Finding]:
    """Every semantic finding over the bundles taken together."""
    recs = _records(parsed)
    first = {kind: {} for kind in KINDS}  # type: dict[str, dict[str, Rec]]
    for kind in KINDS:
        for r in recs[kind]:
            first[kind].setdefault(r.item.id, r)
    findings: list[Finding] = []
    for check in (_text_hygiene, _cross_file_ids, _sources, _precision, _cycles, _missions, _mandates, _chains,
                  _coverage, _funding, _transitions):
        findings.extend(check(recs, first))
    return sorted(findings, key=lambda f: (f.file, f.line or 0, f.message))


def _text_hygiene(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    seen: dict[str, tuple[str, Rec]] = {}
    for kind in KINDS:
        for r in recs[kind]:
            for name in ("id", "name", "title", "acronym", "label"):
                value = getattr(r.item, name, None)
                if isinstance(value, str) and (bad := _bad_chars(value)):
                    yield r.find("error", f"{name} holds control, bidi or zero-width characters: {', '.join(bad)}",
                                 name)
            key = _norm(r.item.id)
            other = seen.get(key)
            if other and other[0] != r.item.id:
                yield r.find("error", f"id {r.item.id!r} differs from {other[0]!r} ({other[1].pb.name}) only by "
                                      "Unicode normalisation or case: a look-alike", "id")
            seen.setdefault(key, (r.item.id, r))


def _cross_file_ids(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    for kind in KINDS:
        for r in recs[kind]:
            f = first[kind][r.item.id]
            if f is r or f.pb is r.pb:
                continue
            if f.item.model_dump(exclude={"cites"}) != r.item.model_dump(exclude={"cites"}):
                a, b = f.item.model_dump(), r.item.model_dump()
                fields = sorted(k for k in b if k != "cites" and a.get(k) != b.get(k))
                yield r.find("error", f"also defined in {f.pb.name} with other values for {', '.join(fields)}", "id")
    actors = set(first["organizations"]) & set(first["missions"])
    for a in sorted(actors):
        yield first["missions"][a].find("error", "id is both an organization and a mission", "id")


def _sources(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    for r in recs["sources"]:
        s = r.item
        if s.kind in WEB_KINDS:
            for name in ("url", "publisher", "date"):
                if getattr(s, name) is None:
                    yield r.find("error", f"a {s.kind} source needs {name}", name)
        if s.kind == "report" and not (s.path or s.url):
            yield r.find("error", "a report needs a path (within the corpus) or a url", "id")
    for kind in KINDS:
        if kind == "sources":
            continue
        for r in recs[kind]:
            for j, c in enumerate(getattr(r.item, "cites", [])):
                src = first["sources"].get(c.source)
                if src is not None and src.item.kind in WEB_KINDS and not c.quote:
                    yield r.find("error", f"a citation of {src.item.kind} {c.source!r} needs a short quote",
                                 "cites", j, "quote")


def _dated_fields(item: Any) -> Iterable[tuple[str, dt.date | None, str]]:
    yield "valid_from", getattr(item, "valid_from", None), getattr(item, "valid_from_precision", "day")
    yield "valid_to", getattr(item, "valid_to", None), getattr(item, "valid_to_precision", "day")
    if hasattr(item, "end_precision"):
        yield "end", item.end, item.end_precision


def _precision(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    for kind in KINDS:
        for r in recs[kind]:
            for name, value, precision in _dated_fields(r.item):
                if value is None:
                    if precision != "day":
                        yield r.find("warning", f"{name}_precision set but {name} is empty", f"{name}_precision")
                    continue
                if precision == "month" and value.day != 1:
                    yield r.find("error", f"{name} is month-precise: write the first day of the month", name)
                if precision == "year" and (value.month, value.day) != (1, 1):
                    yield r.find("error", f"{name} is year-precise: write 1 January of the year", name)


def _cycle(start: str, parent: dict[str, str | None]) -> bool:
    seen, cur = {start}, parent.get(start)
    while cur:
        if cur in seen:
            return True
        seen.add(cur)
        cur = parent.get(cur)
    return False


def _cycles(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    for kind, field_name in (("places", "parent"), ("organizations", "part_of"), ("mandates", "renews")):
        parent = {i: getattr(r.item, field_name) for i, r in first[kind].items()}
        for i, r in first[kind].items():
            if parent.get(i) == i:
                yield r.find("error", f"{field_name} names itself", field_name)
            elif _cycle(i, parent):
                yield r.find("error", f"{field_name} chain loops back to {i!r}", field_name)


def _missions(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    mandates_of: dict[str, list[Any]] = defaultdict(list)
    for r in first["mandates"].values():
        for m in r.item.authorizes:
            mandates_of[m].append(r.item)
    for mid, r in first["missions"].items():
        m = r.item
        if m.valid_from is None:
            yield r.find("warning", "no start date (valid_from)", "id")
        if m.valid_to is None and m.verified_on is None:
            yield r.find("error", "open-ended mission without verified_on (when did a source last confirm it?)",
                         "verified_on")
        if m.valid_to is None and mandates_of.get(mid):
            ends = [x.valid_to for x in mandates_of[mid]]
            if all(e is not None for e in ends):
                last = max(e for e in ends if e is not None)
                if m.verified_on is None or m.verified_on >= last:
                    yield r.find("warning", f"every mandate has lapsed (latest ends {last}) but the mission is "
                                            "open-ended: record its renewal, termination or end", "valid_to")


def _mandates(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    for r in first["mandates"].values():
        m = r.item
        if m.action is None:
            yield r.find("error", "action is missing (establish, renew, modify, authorise_support or terminate)",
                         "action")
        if m.action == "authorise_support" and not m.supports:
            yield r.find("error", "authorise_support needs `supports` (the force the missions may support)",
                         "supports")
        if m.action in ("renew", "modify", "terminate") and not m.renews:
            yield r.find("warning", f"a {m.action} decision should name the mandate it acts on (renews)", "renews")
        if m.renews and (prev := first["mandates"].get(m.renews)):
            p = prev.item
            a, b = m.adopted or m.valid_from, p.adopted or p.valid_from
            if a and b and a < b:
                yield r.find("error", f"adopted {a}, before the mandate it acts on ({m.renews}, {b})", "renews")
        if m.kind == "unsc_resolution" and m.valid_to is None and m.action in ("establish", "renew") \
                and not m.open_ended:
            yield r.find("warning", "a Council mandate without an end date (valid_to): give the date its text sets, "
                         "or open_ended: true when it sets none",
                         "valid_to")
        for mission in m.authorizes:
            mr = first["missions"].get(mission)
            if mr and not _overlap(m.valid_from, m.valid_to, mr.item.valid_from, mr.item.valid_to):
                yield r.find("warning", f"in force outside the life of {mission}", "authorizes")


def _chains(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    """A mission's own mandates (not support authorisations), in the order they start: a record that starts after the
    one before it has ended leaves days on which the mission rests on no recorded decision (a missing renewal)."""
    chain: dict[str, list[Rec]] = defaultdict(list)
    for r in first["mandates"].values():
        if r.item.action != "authorise_support":
            for mission in r.item.authorizes:
                chain[mission].append(r)
    for mission, rs in chain.items():
        ordered = sorted((r for r in rs if (r.item.valid_from or r.item.adopted)),
                         key=lambda r: (r.item.valid_from or r.item.adopted, r.item.id))
        reach: dt.date | None = dt.date.min  # the end of the chain so far (None: open-ended)
        for before, r in itertools.pairwise(ordered):
            end = before.item.valid_to
            if end is None and before.item.action in ("modify", "terminate"):  # no end of its own: keeps the reach
                continue
            reach = None if reach is None or end is None else max(reach, end)
            start = r.item.valid_from or r.item.adopted
            if reach is not None and start > reach and r.item.action != "terminate":  # a closure may come after
                yield r.find("warning", f"{mission} rests on no recorded mandate from {reach} to {start} (after "
                             f"{before.item.id}): record the renewals in between", "valid_from")


def _place_chain(first: dict[str, dict[str, Rec]], place: str) -> list[str]:
    chain, seen, cur = [place], {place}, place
    while (r := first["places"].get(cur)) and r.item.parent and r.item.parent not in seen:
        cur = r.item.parent
        chain.append(cur)
        seen.add(cur)
    return chain


def _coverage(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    by_key: dict[tuple[str, str, str], list[Rec]] = defaultdict(list)
    for r in recs["coverages"]:
        c = r.item
        by_key[(c.actor, c.task, c.place)].append(r)
        chain = _place_chain(first, c.place)
        mission = first["missions"].get(c.actor)
        if mission:
            m = mission.item
            if m.valid_from and c.valid_from and c.valid_from < m.valid_from:
                yield r.find("error", f"starts {c.valid_from}, before {c.actor} starts ({m.valid_from})", "valid_from")
            if m.valid_from and c.valid_from is None:
                yield r.find("error", f"open start, but {c.actor} starts {m.valid_from}", "valid_from")
            if m.valid_to and (c.valid_to is None or c.valid_to > m.valid_to):
                yield r.find("error", f"runs to {c.valid_to or 'open end'}, past the end of {c.actor} ({m.valid_to})",
                             "valid_to")
            hosts = set(m.deployed_in)
            if not hosts & set(chain) and not any(c.place in _place_chain(first, h) for h in hosts):
                yield r.find("warning", f"{c.place} is not within the places {c.actor} is deployed in "
                                        f"({', '.join(sorted(hosts))})", "place")
            if m.status == "proposed" and c.status == "actual":
                yield r.find("error", f"actual coverage by a proposed mission {c.actor}", "status")
        elif c.actor in first["organizations"] and c.valid_to is None and c.verified_on is None:
            yield r.find("warning", "open-ended coverage by an organisation without verified_on", "verified_on")
        if c.mandate and (md := first["mandates"].get(c.mandate)):
            m = md.item
            if mission and c.actor not in m.authorizes:
                yield r.find("error", f"mandate {c.mandate} does not authorise {c.actor}", "mandate")
            if c.task not in m.tasks:
                yield r.find("error", f"mandate {c.mandate} does not assign {c.task}", "mandate")
            if m.places and not set(m.places) & set(chain):
                yield r.find("error", f"mandate {c.mandate} assigns its tasks for {', '.join(m.places)}, "
                                      f"not for {c.place} or a place containing it", "mandate")
            start = m.valid_from or m.adopted
            if start and c.valid_from and c.valid_from < start:
                yield r.find("error", f"starts {c.valid_from}, before mandate {c.mandate} is in force ({start})",
                             "valid_from")
            if m.valid_to and c.valid_from and c.valid_from >= m.valid_to:
                yield r.find("error", f"starts {c.valid_from}, after mandate {c.mandate} lapsed ({m.valid_to})",
                             "valid_from")
            if m.status == "proposed" and c.status == "actual":
                yield r.find("error", f"actual coverage under a proposed mandate {c.mandate}", "status")
        if mission:
            backing = [md.item for md in first["mandates"].values()
                       if c.actor in md.item.authorizes and c.task in md.item.tasks
                       and (not md.item.places or set(md.item.places) & set(chain))]
            if not backing:
                yield r.find("warning", f"no recorded mandate assigns {c.task} to {c.actor} here", "task")
            elif all(b.valid_to is not None for b in backing):
                last = max(b.valid_to for b in backing if b.valid_to is not None)
                if c.valid_to is None or c.valid_to > last:
                    yield r.find("warning", f"runs to {c.valid_to or 'open end'}, past the last recorded mandate "
                                            f"assigning {c.task} to {c.actor} (ends {last})", "valid_to")
    for (actor, task, place), rs in by_key.items():
        rs = sorted(rs, key=lambda r: (r.item.valid_from or dt.date.min))
        for a, b in itertools.pairwise(rs):
            if a.item.status == b.item.status and _overlap(a.item.valid_from, a.item.valid_to, b.item.valid_from,
                                                           b.item.valid_to):
                yield b.find("error", f"overlaps {a.item.id} ({actor}, {task}, {place}): one fact per period", "id")


def _funding(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    for r in recs["funding_lines"]:
        f = r.item
        if f.amount is not None and (isinstance(f.amount, bool) or not math.isfinite(f.amount)):
            yield r.find("error", f"amount {f.amount!r} is not a finite number", "amount")
        if f.valid_from is None and f.valid_to is None:
            yield r.find("warning", "no dates: the line would fund forever", "valid_from")
        for j, cov in enumerate(f.pays_for):
            c = first["coverages"].get(cov)
            if c and c.item.status == "proposed" and f.status == "actual":
                yield r.find("error", f"actual funding pays for proposed coverage {cov}", "pays_for", j)


def _transitions(recs: dict[str, list[Rec]], first: dict[str, dict[str, Rec]]) -> Iterator[Finding]:
    for r in recs["transitions"]:
        t = r.item
        m = first["missions"].get(t.from_actor)
        if m and m.item.valid_from and t.end < m.item.valid_from:
            yield r.find("error", f"ends {t.end}, before {t.from_actor} starts", "end")
        for j, h in enumerate(t.handovers):
            if h.place and t.places and not any(p in _place_chain(first, h.place) for p in t.places):
                yield r.find("warning", f"handover place {h.place} is outside the transition's places", "handovers",
                             j, "place")
