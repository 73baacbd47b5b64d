"""Candidate facts -> a valid Bundle that a person reviews, then loads with `peacegraph seed load`.

Rules: every extracted record carries `extraction: {method, confidence, review: pending}` and cites a Source for
the report (id from the file name, `path`, kind report) with a `line N` / `page P, line N` locator and the quote.
Entities already in the graph are never restated (that would replace their links); facts about them become new
records (Coverage, Mandate, FundingLine, Transition, Agreement candidates). New organisations, missions and
places are proposed only when their required fields can be filled.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacegraph.graph.domain.model import Bundle
from peacegraph.seed.extract.council.records import (
    CouncilPage,
    GraphMandate,
    council_source_id,
    differences,
    mandate_record,
    mission_record,
    source_record,
)
from peacegraph.seed.extract.gazetteer import Gazetteer, norm_tokens
from peacegraph.seed.extract.pipeline import DocResult
from peacegraph.seed.extract.relations import Fact
from peacegraph.seed.extract.sources import SourceIndex, sha256
from peacegraph.seed.review.document import Candidate, Confirmation, Dropped, Evidence, ReviewFile

QUOTE_MAX = 600
_ORG_TO_MISSION_KIND = {"un": "un_peacekeeping", "au": "au_peace_support", "eu": "eu_military", "nato": "nato"}
_SAFE = re.compile(r"[^A-Za-z0-9_.:/()\- ]+")


def source_id(path: Path) -> str:
    return "report:" + re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")


def _rel_path(path: Path, reports_dir: Path | None = None) -> str:
    from peacegraph.seed.extract.sources import relative_path

    return relative_path(path, reports_dir)


def _title(doc: DocResult) -> str:
    for line in doc.raw.text.splitlines():
        s = line.strip(" #*\t")
        if len(s) >= 8 and any(c.isalpha() for c in s):
            return s[:200]
    return doc.path.stem


@dataclass
class BundleSummary:
    """What the bundle proposes, for the person who reviews it."""

    counts: Counter[str] = field(default_factory=Counter)
    new_entities: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    facts: int = 0


class BundleBuilder:
    def __init__(self, gaz: Gazetteer, min_confidence: float = 0.5, sources: SourceIndex | None = None) -> None:
        self.gaz = gaz
        self.sources = sources or SourceIndex([])
        self.review = ReviewFile("")
        self._doc_source: dict[Path, str] = {}
        self.min_conf = min_confidence
        self.data: dict[str, list[dict[str, Any]]] = {k: [] for k in (
            "sources", "organizations", "places", "missions", "mandates", "coverages", "funding_lines",
            "transitions", "agreements")}
        self.ids: dict[str, set[str]] = {k: set() for k in self.data}
        self.summary = BundleSummary()
        self.unsc = gaz.find_org("UNSC", "Security Council", "United Nations Security Council")

    # helpers -------------------------------------------------------------------------------------------------
    def _cite(self, doc: DocResult, start: int, end: int, span: tuple[int, int] | None = None) -> dict[str, Any]:
        """A citation of the sentence [start, end); the locator names the line and the evidence's character span
        in the file (the span itself when given, else the sentence)."""
        quote = " ".join(doc.norm.text[start:end].split())
        if len(quote) > QUOTE_MAX:
            quote = quote[: QUOTE_MAX - 1] + "…"
        a, b = span or (start, end)
        fa, fb = doc.norm.orig(a), doc.norm.orig(max(a, b - 1)) + 1
        return {"source": self._doc_source.get(doc.path, source_id(doc.path)),
                "locator": f"{doc.norm.locator(a)}, chars {fa}-{fb}", "quote": quote}

    def _evidence(self, doc: DocResult, start: int, end: int, span: tuple[int, int] | None = None) -> Evidence:
        a, b = span or (start, end)
        fa, fb = doc.norm.orig(a), doc.norm.orig(max(a, b - 1)) + 1
        return Evidence(_rel_path(doc.path, self.sources.reports_dir), doc.line(a), fa, fb, " ".join(doc.raw.text[fa:fb].split()),
                        " ".join(doc.norm.text[start:end].split())[:QUOTE_MAX])

    def _candidate(self, kind: str, record: dict[str, Any], ev: Evidence, features: dict[str, Any] | None = None,
                   needs: list[str] | None = None) -> Candidate:
        conf = float((record.get("extraction") or {}).get("confidence", 1.0))
        cand = Candidate(kind, str(record["id"]), record, conf, ev, dict(features or {}),
                         self._matches(kind, record), [], list(needs or []))
        self.review.candidates.append(cand)
        return cand

    def _matches(self, kind: str, record: dict[str, Any]) -> list[str]:
        """Graph records a proposed entity may be: the same acronym, or most of the same name words."""
        gkind = {"missions": "mission", "organizations": "organization"}.get(kind)
        if gkind is None:
            return []
        mine = set(norm_tokens(str(record.get("name", "")))) - {"of", "the", "in", "for", "and", "on"}
        acr = str(record.get("acronym") or "").upper()
        out = []
        for e in self.gaz.of_kind(gkind):
            if not e.in_graph:
                continue
            theirs = set(norm_tokens(e.name)) - {"of", "the", "in", "for", "and", "on"}
            same_acr = bool(acr) and (e.acronym or "").upper().split(" ")[0] == acr.split(" ")[0]
            if same_acr or (mine and len(mine & theirs) >= max(2, 0.6 * len(mine))):
                out.append(f"{gkind} {e.id}: {e.name}")
        return out[:5]

    def drop(self, kind: str, what: str, reason: str, conf: float, ev: Evidence | None = None) -> None:
        """A candidate not proposed, kept in the review file with the reason."""
        self.review.dropped.append(Dropped(kind, what, reason, round(conf, 2), ev))
        self.summary.skipped[f"{kind} ({reason})"] += 1

    def confirm(self, kind: str, id_: str, fact: str, conf: float, ev: Evidence,
                differences: dict[str, Any] | None = None) -> None:
        """A fact the graph already holds, stated again by this source (once per fact and file; later lines noted)."""
        for c in self.review.confirmations:
            if (c.kind, c.id, c.fact, c.evidence.file) == (kind, id_, fact, ev.file):
                if ev.line != c.evidence.line and ev.line not in c.also_at:
                    c.also_at.append(ev.line)
                return
        self.review.confirmations.append(Confirmation(kind, id_, fact, round(conf, 2), ev, dict(differences or {})))

    def _extraction(self, method: str, conf: float) -> dict[str, Any]:
        return {"method": method, "confidence": round(min(1.0, max(0.0, conf)), 2), "review": "pending"}

    def _put(self, kind: str, record: dict[str, Any], ev: Evidence | None = None,
             features: dict[str, Any] | None = None) -> bool:
        if record["id"] in self.ids[kind]:
            return False
        self.ids[kind].add(record["id"])
        self.data[kind].append(record)
        self.summary.counts[kind] += 1
        if ev is not None and kind != "sources":
            self._candidate(kind, record, ev, features)
        return True

    def _in_graph(self, kind: str, id_: str) -> bool:
        entry = self.gaz.get(kind, id_)
        return bool(entry and entry.in_graph)

    def _known(self, kind: str, id_: str) -> bool:
        """Defined in the graph or already in this bundle."""
        plural = {"organization": "organizations", "mission": "missions", "place": "places",
                  "mandate": "mandates"}[kind]
        return self._in_graph(kind, id_) or id_ in self.ids[plural]

    def _actor_known(self, id_: str) -> bool:
        return self._known("mission", id_) or self._known("organization", id_)

    def _place(self, doc: DocResult, id_: str, at: int) -> bool:
        """Make sure a place can be referenced: in the graph, in the bundle, or proposed from the country list."""
        if self._known("place", id_):
            return True
        entry = self.gaz.get("place", id_)
        if entry is None or entry.subkind != "country":
            return False
        m = next((m for m in doc.mentions if m.kind == "place" and m.id == id_), None)
        start, _end = (m.start, m.end) if m else (at, at)
        a, b = self._sentence(doc, start)
        self._put("places", {"id": id_, "name": entry.name, "kind": "country", "iso3": id_,
                             "aliases": entry.aliases, "adjectives": entry.adjectives,
                             "cites": [self._cite(doc, a, b)],
                             "extraction": self._extraction("gazetteer:country-list", 0.9)})
        self.summary.new_entities.append(f"place {id_} ({entry.name})")
        return True

    def _sentence(self, doc: DocResult, offset: int) -> tuple[int, int]:
        import bisect

        i = max(0, bisect.bisect_right([s for s, _ in doc.sentences], offset) - 1)
        return doc.sentences[i] if doc.sentences else (offset, offset)

    # building ------------------------------------------------------------------------------------------------
    def add(self, doc: DocResult) -> None:
        existing = self.sources.find(doc.raw.text.encode("utf-8"))
        sid = existing or source_id(doc.path)
        self._doc_source[doc.path] = sid
        if existing is None:
            self._put("sources", {"id": sid, "title": _title(doc), "kind": "report",
                                  "path": _rel_path(doc.path, self.sources.reports_dir),
                                  "content_hash": sha256(doc.raw.text.encode("utf-8"))})
        else:
            self.summary.skipped[f"sources (the graph's {existing} is the same file)"] += 1
        facts = [f for f in doc.facts if f.confidence >= self.min_conf]
        for f in doc.facts:
            if f.confidence < self.min_conf:
                self.drop("relations", f"{f.subject} {f.relation} {f.object}",
                          f"confidence below the threshold {self.min_conf:.2f}", f.confidence,
                          self._evidence(doc, f.start, f.end))
        facts = self._confirmations(doc, facts)
        self.summary.facts += len(facts)
        self._new_organizations(doc)
        self._new_missions(doc, facts)
        self._mandates(doc, facts)
        self._coverages(doc, facts)
        self._funding(doc, facts)
        self._transitions(doc, facts)
        self._agreements(doc, facts)
        self._contingents(doc, facts)

    def _confirmations(self, doc: DocResult, facts: list[Fact]) -> list[Fact]:
        """Split off facts the graph already holds (a known mission's lead and host); return the others."""
        rest = []
        for f in facts:
            entry = self.gaz.get("mission", f.subject)
            held = entry is not None and entry.in_graph and (
                (f.relation == "led_by" and f.object in entry.led_by)
                or (f.relation == "deployed_in" and f.object in entry.deployed_in))
            if held:
                self.confirm("missions", f.subject, f"{f.subject} {f.relation} {f.object}", f.confidence,
                             self._evidence(doc, f.start, f.end))
            else:
                rest.append(f)
        return rest

    def _first_mention(self, doc: DocResult, kind: str, id_: str) -> tuple[int, int, float, str]:
        ms = [m for m in doc.mentions if m.kind == kind and m.id == id_]
        best = max(ms, key=lambda m: m.confidence) if ms else None
        first = ms[0] if ms else None
        if first is None or best is None:
            return 0, 0, 0.0, ""
        return first.start, first.end, best.confidence, best.method

    def _new_organizations(self, doc: DocResult) -> None:
        for (kind, id_), entry in doc.new_entities.items():
            if kind != "organization" or self._known("organization", id_):
                continue
            start, _, conf, method = self._first_mention(doc, kind, id_)
            if conf < self.min_conf:
                self.drop("organizations", f"{id_} ({entry.name})", f"confidence below the threshold {self.min_conf:.2f}",
                          conf)
                continue
            a, b = self._sentence(doc, start)
            org_kind = entry.subkind if entry.subkind in {"un_entity", "organ", "intergovernmental", "regional",
                                                          "subregional"} else "other"
            record: dict[str, Any] = {"id": id_, "name": entry.name[:2000], "kind": org_kind}
            if entry.acronym:
                record["acronym"] = entry.acronym
            un = self.gaz.find_org("UN", "United Nations")
            if org_kind == "un_entity" and un:
                record["part_of"] = un
            record["cites"] = [self._cite(doc, a, b, (start, start + len(entry.name)))]
            record["extraction"] = self._extraction(method, conf)
            if self._put("organizations", record, self._evidence(doc, a, b, (start, start + len(entry.name))),
                         {"method": method}):
                self.summary.new_entities.append(f"organization {id_} ({entry.name})")

    def _new_missions(self, doc: DocResult, facts: list[Fact]) -> None:
        for (kind, id_), entry in doc.new_entities.items():
            if kind != "mission" or self._known("mission", id_):
                continue
            start, _, conf, method = self._first_mention(doc, kind, id_)
            if conf < self.min_conf:
                continue
            led = sorted({f.object for f in facts if f.subject == id_ and f.relation == "led_by"} | set(entry.led_by))
            led = [o for o in led if self._known("organization", o)]
            places = sorted({f.object for f in facts if f.subject == id_ and f.relation == "deployed_in"}
                            | set(entry.deployed_in))
            places = [p for p in places if self._place(doc, p, start)]
            a, b = self._sentence(doc, start)
            record: dict[str, Any] = {"id": id_, "name": entry.name[:2000], "kind": _ORG_TO_MISSION_KIND.get(
                led[0], "other") if led else "other", "led_by": led, "deployed_in": places}
            if entry.acronym:
                record["acronym"] = entry.acronym
            span = (start, _first_end(doc, kind, id_, start))
            record["cites"] = [self._cite(doc, a, b, span)]
            record["extraction"] = self._extraction(method, conf)
            ev = self._evidence(doc, a, b, span)
            if not led or not places:
                # proposed with blanks: the reviewer fills them in `seed review` before it enters the bundle
                needs = [f for f, v in (("led_by", led), ("deployed_in", places)) if not v]
                if id_ not in {c.id for c in self.review.candidates if c.kind == "missions"}:
                    self._candidate("missions", record, ev, {"method": method}, needs)
                    self.summary.new_entities.append(f"mission {id_} ({entry.name}) — needs {', '.join(needs)}")
                continue
            if self._put("missions", record, ev, {"method": method}):
                self.summary.new_entities.append(f"mission {id_} ({entry.name})")

    def _mission_places(self, doc: DocResult, actor: str, facts: list[Fact]) -> list[str]:
        entry = self.gaz.get("mission", actor) or doc.new_entities.get(("mission", actor))
        places = list(entry.deployed_in) if entry else []
        places += [f.object for f in facts if f.subject == actor and f.relation == "deployed_in"]
        for rec in self.data["missions"]:
            if rec["id"] == actor:
                places += rec["deployed_in"]
        return list(dict.fromkeys(places))

    def _mandates(self, doc: DocResult, facts: list[Fact]) -> None:
        by_symbol: dict[str, list[Fact]] = {}
        for f in facts:
            if f.relation == "mandated_by":
                by_symbol.setdefault(f.object, []).append(f)
        for symbol, fs in by_symbol.items():
            if self.gaz.get("mandate", symbol) is not None:
                for f in fs:
                    self.confirm("mandates", symbol, f"{f.subject} {f.relation} {symbol}", f.confidence,
                                 self._evidence(doc, f.start, f.end))
                continue
            if not self.unsc:
                self.summary.skipped["mandates (no Security Council in the graph)"] += 1
                continue
            missions = sorted({f.subject for f in fs if self._known("mission", f.subject)})
            year = re.search(r"\((\d{4})\)", symbol)
            first = fs[0]
            record: dict[str, Any] = {"id": symbol, "kind": "unsc_resolution", "issued_by": self.unsc,
                                      "authorizes": missions}
            if year:
                record["valid_from"] = f"{year.group(1)}-01-01"
                record["valid_from_precision"] = "year"
                record["status"] = "actual"
            action = next((f.data["action"] for f in fs if f.data.get("action")), None)
            if action:
                record["action"] = action
            record["cites"] = [self._cite(doc, first.start, first.end)]
            record["extraction"] = self._extraction(first.method, max(f.confidence for f in fs))
            self._put("mandates", record, self._evidence(doc, first.start, first.end), dict(first.data))

    def _coverages(self, doc: DocResult, facts: list[Fact]) -> None:
        for f in facts:
            if f.relation != "performs_task" or not self._actor_known(f.subject):
                continue
            places = [p for p in self._mission_places(doc, f.subject, facts) if self._place(doc, p, f.start)]
            if not places:
                sentence_places = [m.id for m in doc.mentions if m.kind == "place" and m.id
                                   and f.start <= m.start < f.end]
                places = [p for p in sentence_places if self._place(doc, p, f.start)][:1]
            if not places:
                self.drop("coverages", f"{f.subject} performs {f.object}", "no place for the task", f.confidence,
                          self._evidence(doc, f.start, f.end))
                continue
            mandate = next((g.object for g in facts if g.relation == "mandated_by" and g.subject == f.subject
                            and g.start == f.start and (self._known("mandate", g.object))), None)
            line = doc.line(f.data.get("mention_start", f.start))
            for place in places[:3]:
                cov_id = f"cand:cov:{f.subject}:{f.object}:{place}:{line}"
                record: dict[str, Any] = {"id": cov_id, "actor": f.subject, "task": f.object, "place": place,
                                          "status": f.status}
                if mandate:
                    record["mandate"] = mandate
                span = _task_span(doc, f)
                record["cites"] = [self._cite(doc, f.start, f.end, span)]
                record["extraction"] = self._extraction(f.method, f.confidence)
                self._put("coverages", record, self._evidence(doc, f.start, f.end, span), dict(f.data))

    def _funding(self, doc: DocResult, facts: list[Fact]) -> None:
        for f in facts:
            if f.relation != "funded_by" or not self._actor_known(f.subject) or not self._known("organization",
                                                                                                f.object):
                continue
            line = doc.line(f.start)
            record: dict[str, Any] = {"id": f"cand:fund:{f.subject}:{f.object}:{line}",
                                      "name": f"Funding from {f.object} for {f.subject} (report line {line})",
                                      "funders": [f.object], "recipient": f.subject,
                                      "instrument": f.data.get("instrument", "other"), "status": f.status}
            if "amount" in f.data:
                record["amount"] = f.data["amount"]
                record["currency"] = f.data["currency"]
            record["cites"] = [self._cite(doc, f.start, f.end)]
            record["extraction"] = self._extraction(f.method, f.confidence)
            self._put("funding_lines", record, self._evidence(doc, f.start, f.end), dict(f.data))

    def _transitions(self, doc: DocResult, facts: list[Fact]) -> None:
        for f in facts:
            if f.relation != "succeeded_by" or not (self._actor_known(f.subject) and self._actor_known(f.object)):
                continue
            dates = [m for m in doc.mentions if m.kind == "date" and f.start <= m.start < f.end]
            places = [p for p in self._mission_places(doc, f.subject, facts) if self._place(doc, p, f.start)]
            if not dates or not places:
                self.drop("transitions", f"{f.subject} succeeded by {f.object}", "no date or place in the text",
                          f.confidence, self._evidence(doc, f.start, f.end))
                continue
            line = doc.line(f.start)
            record: dict[str, Any] = {"id": f"cand:tr:{f.subject}:{f.object}:{line}", "kind": "succession",
                                      "from_actor": f.subject, "to_actors": [f.object], "places": places,
                                      "end": dates[-1].data["date"],
                                      "stage": "planned" if f.status != "actual" else "done",
                                      "status": f.status, "cites": [self._cite(doc, f.start, f.end)],
                                      "extraction": self._extraction(f.method, f.confidence)}
            self._put("transitions", record, self._evidence(doc, f.start, f.end), dict(f.data))

    def _agreements(self, doc: DocResult, facts: list[Fact]) -> None:
        for f in facts:
            if f.relation != "partner_of" or not (self._actor_known(f.subject) and self._actor_known(f.object)):
                continue
            line = doc.line(f.start)
            a, b = sorted((f.subject, f.object))
            record: dict[str, Any] = {"id": f"cand:agr:{a}:{b}:{line}", "kind": "other",
                                      "name": f"Partnership between {a} and {b} (report line {line})",
                                      "parties": [a, b], "cites": [self._cite(doc, f.start, f.end)],
                                      "extraction": self._extraction(f.method, f.confidence)}
            self._put("agreements", record, self._evidence(doc, f.start, f.end), dict(f.data))

    def _government_of(self, country: str) -> str | None:
        """The graph organisation that governs a country (`gov-eth` for ETH), when the gazetteer has one."""
        gid = f"gov-{country.lower()}"
        entry = self.gaz.get("organization", gid)
        return gid if entry is not None else None

    def _contingents(self, doc: DocResult, facts: list[Fact]) -> None:
        """A country contributes (or withdraws) a contingent: a candidate of `Organization.contributes_to` for its
        government. A government new to the graph is proposed whole; for one the graph has, the bundle cannot add
        a link without restating the record (records are replaced), so the candidate asks the reviewer to add it
        there. A withdrawal is a note for the reviewer: the relationship has no dates to end it with."""
        for f in facts:
            if f.relation not in {"contributes_contingent", "withdraws_contingent"} or not self._known("mission", f.object):
                continue
            ev = self._evidence(doc, f.start, f.end)
            place = self.gaz.get("place", f.subject)
            gov = self._government_of(f.subject)
            if f.relation == "withdraws_contingent":
                self.drop("organizations", f"{gov or f.subject} contributes_to {f.object}",
                          f"a withdrawal ({f.data.get('verb', 'withdraw')}): review whether {gov or f.subject} "
                          f"still contributes to {f.object}; contributes_to has no dates", f.confidence, ev)
                continue
            if f.status != "actual":
                self.drop("organizations", f"{gov or f.subject} contributes_to {f.object}",
                          f"not actual ({f.status})", f.confidence, ev)
                continue
            cite = self._cite(doc, f.start, f.end)
            if gov is None and place is not None and self._known("place", f.subject):
                gid = f"gov-{f.subject.lower()}"
                rec = {"id": gid, "name": f"Government of {place.name}", "kind": "government", "country": f.subject,
                       "contributes_to": [f.object], "cites": [cite],
                       "extraction": self._extraction(f.method, f.confidence)}
                if gid in self.ids["organizations"]:
                    held = next(r for r in self.data["organizations"] if r["id"] == gid)
                    if f.object not in held.setdefault("contributes_to", []):
                        held["contributes_to"].append(f.object)
                elif self._put("organizations", rec, ev, {"relation": "contributes_to"}):
                    self.summary.new_entities.append(f"organization {gid} (Government of {place.name})")
            elif gov is not None:
                rec = {"id": gov, "contributes_to": [f.object], "cites": [cite],
                       "extraction": self._extraction(f.method, f.confidence)}
                if not any(c.kind == "organizations" and c.id == gov and c.record.get("contributes_to") == [f.object]
                           for c in self.review.candidates):
                    self._candidate("organizations", rec, ev, {"relation": "contributes_to"},
                                    [f"contributes_to: add {f.object} to {gov}'s record in its data file (a bundle "
                                     "record replaces the graph's whole record)"])

    def add_council(self, cp: CouncilPage, mandates: Sequence[GraphMandate]) -> None:
        """A Council page: its Source, the Mandate record of its decision, and the operation when it is new."""
        existing = self.sources.find(cp.raw.encode("utf-8"), cp.page.url)
        sid = existing or council_source_id(cp)
        if existing is None:
            self._put("sources", source_record(cp, sid, self.sources.reports_dir) | {
                "content_hash": sha256(cp.raw.encode("utf-8"))})
        d = cp.decision
        if d is None or d.action is None or d.mission is None:
            why = "no decision found" if d is None else ("no action verb" if d.action is None else "no operation")
            self.drop("mandates", str(cp.path.name), why, 0.0, cp.evidence(d.evidence.get("action") if d else None))
            return
        if not self.unsc:
            self.drop("mandates", d.symbol or cp.path.name, "no Security Council in the graph", 0.0)
            return
        ev = cp.evidence(d.evidence.get("action"))
        pending: list[str] = []
        for ref in [d.mission, *d.also]:
            if ref.in_graph or self._known("mission", ref.id):
                continue
            rec = mission_record(ref, sid, cp.evidence(d.evidence.get("mission")), 0.6)
            needs = [f for f in ("led_by", "deployed_in") if not rec[f]]
            if needs:
                if ref.id not in {c.id for c in self.review.candidates if c.kind == "missions"}:
                    self._candidate("missions", rec, cp.evidence(d.evidence.get("mission")), {"how": ref.how}, needs)
                    self.summary.new_entities.append(f"mission {ref.id} ({ref.name}) — needs {', '.join(needs)}")
                pending.append(ref.id)
            elif self._put("missions", rec, cp.evidence(d.evidence.get("mission")), {"how": ref.how}):
                self.summary.new_entities.append(f"mission {ref.id} ({ref.name})")
        entry = self.gaz.get("mission", d.mission.id)
        places = [p for p in (entry.deployed_in if entry else d.mission.places) if self._known("place", p)]
        task_keys = {e.id for e in self.gaz.of_kind("task")}
        rec = mandate_record(d, self.unsc, sid, ev, places, mandates, task_keys)
        feats = {"symbol": d.symbol, "action": d.action, "mission_found_by": d.mission.how,
                 "end_date": d.end_date.isoformat() if d.end_date else None, "notes": d.notes}
        held = next((m for m in mandates if m.id == rec["id"]), None)
        if held is not None:
            self.confirm("mandates", held.id, f"{held.id} ({d.action} {', '.join(rec['authorizes'])})",
                         rec["extraction"]["confidence"], ev, differences(rec, held))
            return
        needs = (["id (the resolution symbol)"] if rec["id"].startswith("cand:") else []) + (
            [f"authorizes: accept {', '.join(pending)} first"] if pending else [])
        if needs:
            self._candidate("mandates", rec, ev, feats, needs)
        else:
            self._put("mandates", rec, ev, feats)

    def bundle(self, name: str) -> Bundle:
        """The validated bundle (raises pydantic's ValidationError if a record is malformed: a bug)."""
        payload: dict[str, Any] = {"format": "peacegraph.bundle/1", "id": name,
                                   "description": "Candidate facts extracted from reports; every record is "
                                                  "`review: pending` until a person accepts or rejects it."}
        payload.update({k: v for k, v in self.data.items() if v})
        return Bundle.model_validate(payload)


def _first_end(doc: DocResult, kind: str, id_: str, start: int) -> int:
    m = next((m for m in doc.mentions if m.kind == kind and m.id == id_ and m.start == start), None)
    return m.end if m else start + 1


def _task_span(doc: DocResult, f: Fact) -> tuple[int, int]:
    at = f.data.get("mention_start", f.start)
    m = next((m for m in doc.mentions if m.kind == "task" and m.start == at and m.id == f.object), None)
    return (m.start, m.end) if m else (f.start, f.end)


def _mark_duplicates(review: ReviewFile) -> None:
    """Candidates for the same fact (same actor, task and place on other lines) point at each other."""
    groups: dict[tuple[str, ...], list[Candidate]] = {}
    for c in review.candidates:
        if c.kind == "coverages":
            r = c.record
            groups.setdefault(("cov", str(r["actor"]), str(r["task"]), str(r["place"])), []).append(c)
        elif c.kind in {"missions", "organizations"}:
            groups.setdefault((c.kind, " ".join(norm_tokens(str(c.record.get("name", ""))))), []).append(c)
    for cs in groups.values():
        for c in cs:
            c.duplicates = [o.key for o in cs if o is not c][:10]


def build_bundle(docs: list[DocResult], gaz: Gazetteer, min_confidence: float = 0.5,
                 name: str | None = None, sources: SourceIndex | None = None
                 ) -> tuple[Bundle, BundleSummary]:
    """The bundle of new records (see `build_review` for the review file that goes with it)."""
    bundle, summary, _ = build_review(docs, gaz, min_confidence, name, sources)
    return bundle, summary


def build_review(docs: list[DocResult], gaz: Gazetteer, min_confidence: float = 0.5, name: str | None = None,
                 sources: SourceIndex | None = None, council: Sequence[CouncilPage] = (),
                 mandates: Sequence[GraphMandate] = ()) -> tuple[Bundle, BundleSummary, ReviewFile]:
    """The bundle of new records, its summary, and the review file (candidates, confirmations, dropped)."""
    builder = BundleBuilder(gaz, min_confidence, sources)
    for doc in docs:
        builder.add(doc)
    for cp in council:
        builder.add_council(cp, mandates)
    stems = [source_id(d.path).removeprefix("report:") for d in docs] + [cp.path.stem for cp in council]
    bundle_name = name or ("extract:" + "+".join(stems))[:200]
    _mark_duplicates(builder.review)
    builder.review.candidates.sort(key=lambda c: (-c.confidence, c.kind, c.id))
    return builder.bundle(bundle_name or "extract"), builder.summary, builder.review
