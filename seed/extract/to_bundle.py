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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacegraph.graph.domain.model import Bundle
from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.pipeline import DocResult
from peacegraph.seed.extract.relations import Fact

QUOTE_MAX = 600
_ORG_TO_MISSION_KIND = {"un": "un_peacekeeping", "au": "au_peace_support", "eu": "eu_military", "nato": "nato"}
_SAFE = re.compile(r"[^A-Za-z0-9_.:/()\- ]+")


def source_id(path: Path) -> str:
    return "report:" + re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")


def _rel_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


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
    def __init__(self, gaz: Gazetteer, min_confidence: float = 0.5) -> None:
        self.gaz = gaz
        self.min_conf = min_confidence
        self.data: dict[str, list[dict[str, Any]]] = {k: [] for k in (
            "sources", "organizations", "places", "missions", "mandates", "coverages", "funding_lines",
            "transitions", "agreements")}
        self.ids: dict[str, set[str]] = {k: set() for k in self.data}
        self.summary = BundleSummary()
        self.unsc = gaz.find_org("UNSC", "Security Council", "United Nations Security Council")

    # helpers -------------------------------------------------------------------------------------------------
    def _cite(self, doc: DocResult, start: int, end: int) -> dict[str, Any]:
        quote = " ".join(doc.norm.text[start:end].split())
        if len(quote) > QUOTE_MAX:
            quote = quote[: QUOTE_MAX - 1] + "…"
        return {"source": source_id(doc.path), "locator": doc.norm.locator(start), "quote": quote}

    def _extraction(self, method: str, conf: float) -> dict[str, Any]:
        return {"method": method, "confidence": round(min(1.0, max(0.0, conf)), 2), "review": "pending"}

    def _put(self, kind: str, record: dict[str, Any]) -> bool:
        if record["id"] in self.ids[kind]:
            return False
        self.ids[kind].add(record["id"])
        self.data[kind].append(record)
        self.summary.counts[kind] += 1
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
        sid = source_id(doc.path)
        self._put("sources", {"id": sid, "title": _title(doc), "kind": "report", "path": _rel_path(doc.path)})
        facts = [f for f in doc.facts if f.confidence >= self.min_conf]
        self.summary.facts += len(facts)
        self._new_organizations(doc)
        self._new_missions(doc, facts)
        self._mandates(doc, facts)
        self._coverages(doc, facts)
        self._funding(doc, facts)
        self._transitions(doc, facts)
        self._agreements(doc, facts)

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
            record["cites"] = [self._cite(doc, a, b)]
            record["extraction"] = self._extraction(method, conf)
            if self._put("organizations", record):
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
            if not led or not places:
                self.summary.skipped["missions (no leader or host place in the text)"] += 1
                continue
            a, b = self._sentence(doc, start)
            record: dict[str, Any] = {"id": id_, "name": entry.name[:2000], "kind": _ORG_TO_MISSION_KIND.get(
                led[0], "other"), "led_by": led, "deployed_in": places}
            if entry.acronym:
                record["acronym"] = entry.acronym
            record["cites"] = [self._cite(doc, a, b)]
            record["extraction"] = self._extraction(method, conf)
            if self._put("missions", record):
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
                self.summary.skipped["mandates already in the graph"] += 1
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
                record["status"] = "actual"
            record["cites"] = [self._cite(doc, first.start, first.end)]
            record["extraction"] = self._extraction(first.method, max(f.confidence for f in fs))
            self._put("mandates", record)

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
                self.summary.skipped["coverages (no place for the task)"] += 1
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
                record["cites"] = [self._cite(doc, f.start, f.end)]
                record["extraction"] = self._extraction(f.method, f.confidence)
                self._put("coverages", record)

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
            self._put("funding_lines", record)

    def _transitions(self, doc: DocResult, facts: list[Fact]) -> None:
        for f in facts:
            if f.relation != "succeeded_by" or not (self._actor_known(f.subject) and self._actor_known(f.object)):
                continue
            dates = [m for m in doc.mentions if m.kind == "date" and f.start <= m.start < f.end]
            places = [p for p in self._mission_places(doc, f.subject, facts) if self._place(doc, p, f.start)]
            if not dates or not places:
                self.summary.skipped["transitions (no date or place in the text)"] += 1
                continue
            line = doc.line(f.start)
            record: dict[str, Any] = {"id": f"cand:tr:{f.subject}:{f.object}:{line}", "kind": "succession",
                                      "from_actor": f.subject, "to_actors": [f.object], "places": places,
                                      "end": dates[-1].data["date"],
                                      "stage": "planned" if f.status != "actual" else "done",
                                      "status": f.status, "cites": [self._cite(doc, f.start, f.end)],
                                      "extraction": self._extraction(f.method, f.confidence)}
            self._put("transitions", record)

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
            self._put("agreements", record)

    def bundle(self, name: str) -> Bundle:
        """The validated bundle (raises pydantic's ValidationError if a record is malformed: a bug)."""
        payload: dict[str, Any] = {"format": "peacegraph.bundle/1", "id": name,
                                   "description": "Candidate facts extracted from reports; every record is "
                                                  "`review: pending` until a person accepts or rejects it."}
        payload.update({k: v for k, v in self.data.items() if v})
        return Bundle.model_validate(payload)


def build_bundle(docs: list[DocResult], gaz: Gazetteer, min_confidence: float = 0.5,
                 name: str | None = None) -> tuple[Bundle, BundleSummary]:
    builder = BundleBuilder(gaz, min_confidence)
    for doc in docs:
        builder.add(doc)
    bundle_name = name or ("extract:" + "+".join(source_id(d.path).removeprefix("report:") for d in docs))[:200]
    return builder.bundle(bundle_name), builder.summary
