"""Snapshots built in memory from a bundle (no Neo4j): what the unit tier computes on.

It mirrors the snapshot_* statements (tests/integration/analysis/test_snapshot.py checks that a bundle loaded into
Neo4j and read back gives the same snapshot).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peacegraph.graph.analysis.snapshot import (
    Actor,
    Agreement,
    Fact,
    FundingLine,
    Handover,
    Mandate,
    Partners,
    Place,
    Presence,
    Snapshot,
    SourceRef,
    Task,
    Transition,
)
from peacegraph.graph.domain.model import Bundle


def _root(places: dict[str, Any], pid: str) -> str:
    seen = {pid}
    while places[pid].parent and places[pid].parent in places and places[pid].parent not in seen:
        pid = places[pid].parent
        seen.add(pid)
    return pid


def _top(orgs: dict[str, Any], oid: str) -> str:
    seen = {oid}
    while oid in orgs and orgs[oid].part_of and orgs[oid].part_of not in seen:
        oid = orgs[oid].part_of
        seen.add(oid)
    return oid


def snapshot_of(bundle: Bundle, country: str) -> Snapshot:
    """The snapshot of `country` from the records of `bundle` (as snapshot_*.cypher would read them)."""
    all_places = {p.id: p for p in bundle.places}
    tree = {pid for pid in all_places if _root(all_places, pid) == country}
    places = {pid: Place(pid, all_places[pid].name, all_places[pid].kind, all_places[pid].parent) for pid in tree}
    orgs = {o.id: o for o in bundle.organizations}
    missions = {m.id: m for m in bundle.missions}
    tasks = {t.id: Task(t.id, t.label, t.group, t.primary_responsibility) for t in bundle.tasks}
    coverages = [c for c in bundle.coverages if c.place in tree]
    governments = sorted(o.id for o in bundle.organizations if o.country == country)
    actor_ids = ({c.actor for c in coverages} | {m.id for m in bundle.missions if set(m.deployed_in) & tree}
                 | set(governments))
    actors: dict[str, Actor] = {}
    for aid in actor_ids:
        if aid in missions:
            m = missions[aid]
            actors[aid] = Actor(aid, m.name, m.acronym, "mission", tuple(sorted({_top(orgs, o) for o in m.led_by})),
                                tuple(m.led_by), None, m.valid_from, m.valid_to, m.status, m.verified_on,
                                tuple(m.deployed_in), None)
        else:
            o = orgs[aid]
            actors[aid] = Actor(aid, o.name, o.acronym, "organization", (_top(orgs, aid),), (), o.kind,
                                governs=o.country)
    sources = {s.id: s for s in bundle.sources}
    facts = tuple(Fact(c.id, c.actor, c.task, c.place, c.valid_from, c.valid_to, c.status, c.role, c.modality,
                       c.mandate, c.verified_on, c.valid_from_precision, c.valid_to_precision,
                       tuple(sorted((SourceRef(x.source, sources[x.source].title, sources[x.source].kind, x.locator,
                                               x.quote) for x in c.cites), key=lambda x: (x.source, x.locator))))
                  for c in coverages)
    deployed_here = {m.id for m in bundle.missions if set(m.deployed_in) & tree}
    under = {c.mandate for c in coverages if c.mandate}
    mandates = {
        m.id: Mandate(m.id, m.title, m.kind, m.issued_by, m.adopted, m.valid_from, m.valid_to, m.status, m.action,
                      m.renews, tuple(sorted(m.authorizes)), tuple(sorted(m.supports)), frozenset(m.tasks),
                      tuple(sorted(m.places)), m.verified_on)
        for m in bundle.mandates if set(m.places) & tree or set(m.authorizes) & deployed_here or m.id in under}
    fact_ids = {c.id for c in coverages}
    funded = {c.actor for c in coverages} | deployed_here
    funding = tuple(
        FundingLine(f.id, f.name, tuple(sorted(f.funders)), f.recipient, f.instrument, f.amount, f.currency,
                    f.valid_from, f.valid_to, f.status, tuple(sorted(f.pays_for)))
        for f in bundle.funding_lines if set(f.pays_for) & fact_ids or f.recipient in funded)
    transitions = tuple(sorted((
        Transition(t.id, t.kind, t.from_actor, tuple(sorted(t.to_actors)), tuple(sorted(t.places)), t.announced,
                   t.start, t.end, t.stage, t.status, tuple(Handover(h.task, h.to, h.place) for h in t.handovers))
        for t in bundle.transitions if set(t.places) & tree), key=lambda t: (t.end, t.id)))
    snap = Snapshot(country, places, tasks, actors, facts, mandates, funding, transitions, tuple(governments))
    snap.warm()
    return snap


def partners_of(bundle: Bundle) -> Partners:
    """Agreements and where their parties are active (as snapshot_partners.cypher reads them)."""
    all_places = {p.id: p for p in bundle.places}
    orgs = {o.id: o for o in bundle.organizations}
    missions = {m.id: m for m in bundle.missions}
    agreements = tuple(sorted((Agreement(a.id, a.name, tuple(sorted(a.parties)), a.valid_from, a.valid_to, a.status)
                               for a in bundle.agreements), key=lambda a: a.id))
    parties = {p for a in bundle.agreements for p in a.parties}
    names: dict[str, tuple[str, str | None, str | None]] = {}
    presence: dict[str, tuple[Presence, ...]] = {}
    top_of: dict[str, str] = {}
    for party in parties:
        selves = {party} | {o for o in orgs if _top(orgs, o) == party or _chain_has(orgs, o, party)}
        found: set[tuple[str, dt.date | None, dt.date | None, str]] = set()
        for m in bundle.missions:
            if set(m.led_by) & selves or m.id in selves:
                found |= {(_root(all_places, p), m.valid_from, m.valid_to, m.status) for p in m.deployed_in}
        for c in bundle.coverages:
            if c.actor in selves:
                found.add((_root(all_places, c.place), c.valid_from, c.valid_to, c.status))
        presence[party] = tuple(Presence(party, *x) for x in sorted(found, key=str))
        if party in missions:
            names[party] = (missions[party].name, missions[party].acronym, "mission")
            top_of[party] = party
        else:
            names[party] = (orgs[party].name, orgs[party].acronym, orgs[party].kind)
            top_of[party] = _top(orgs, party)
    return Partners(agreements, names, presence, top_of)


def _chain_has(orgs: dict[str, Any], oid: str, ancestor: str) -> bool:
    seen = set()
    while oid in orgs and orgs[oid].part_of and oid not in seen:
        seen.add(oid)
        oid = orgs[oid].part_of
        if oid == ancestor:
            return True
    return False
