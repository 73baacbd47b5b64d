"""A Council decision -> a Mandate record (and the Source of its page, and the operation when it is new).

The Mandate: `id` the symbol (`S/RES/2098 (2013)`), `issued_by` the Security Council, `adopted`, `action`,
`authorizes` the operation(s), `tasks`, `places` (the operation's hosts), `valid_from` the adoption day,
`valid_to` the day after the end date the text sets (valid_to is exclusive), `renews` the graph's latest mandate
for the same operation adopted before this one (for a renewal, modification or termination). A mandate the graph
already has becomes a confirmation listing the fields where the text differs; a decision without a symbol, or
whose operation is a proposal with blanks, waits in the review file's candidates with what it needs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacegraph.seed.extract.council.decision import Decision, MissionRef, Span
from peacegraph.seed.extract.council.page import Page
from peacegraph.seed.extract.sources import relative_path
from peacegraph.seed.review.document import Evidence

_HOW_CONF = {"gazetteer": 0.0, "gazetteer+pattern:mission-name": 0.0, "acronym+place": -0.05,
             "description+place": -0.1, "proposed": -0.1}


@dataclass(frozen=True)
class GraphMandate:
    """A mandate the graph holds (from `cypher/extract_mandates.cypher`)."""

    id: str
    adopted: dt.date | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    action: str | None
    authorizes: tuple[str, ...] = ()


@dataclass
class CouncilPage:
    """One Council page read: the file, its page, the decision (None when it reports none)."""

    path: Path
    raw: str
    page: Page
    decision: Decision | None
    notes: list[str] = field(default_factory=list)

    def line_of(self, body_offset: int) -> int:
        return self.raw.count("\n", 0, self.page.body_start + body_offset) + 1

    def evidence(self, span: Span | None, reports_dir: Path | None = None) -> Evidence:
        rel = relative_path(self.path, reports_dir)
        if span is None:
            return Evidence(rel, 1, 0, 0, "", "")
        a, b = self.page.body_start + span.start, self.page.body_start + span.end
        return Evidence(rel, self.line_of(span.start), a, b, self.raw[a:b], span.sentence[:600])


_FURNITURE = re.compile(r"^(?:Global perspective Human stories|Department of Public Information|Press Release|"
                        r"SC/\d+|Skip to main content|media:)", re.I)


def page_title(text: str, fallback: str) -> str:
    """The headline: the first line that is not site furniture (a line naming the Council preferred)."""
    lines = [re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", ln).strip(" #*|\t") for ln in text.splitlines()[:12]]
    lines = [ln for ln in lines if len(ln) >= 8 and not _FURNITURE.match(ln) and not re.fullmatch(r"[\d\s]+", ln)]
    council = [ln for ln in lines if re.search(r"\bCouncil\b", ln, re.I) and len(ln) <= 250]
    pick = council[0] if council else (lines[0] if lines else fallback)
    return pick[:300]


def source_record(cp: CouncilPage, source_id: str, reports_dir: Path | None = None) -> dict[str, Any]:
    """The Source of a Council page: kind press_release / news / resolution / web_page, address, date."""
    rec: dict[str, Any] = {"id": source_id, "title": page_title(cp.page.text, cp.path.stem),
                           "kind": cp.page.kind, "publisher": "United Nations",
                           "path": relative_path(cp.path, reports_dir)}
    if cp.page.url:
        rec["url"] = cp.page.url
    if cp.page.date and cp.page.date.precision == "day":
        rec["date"] = cp.page.date.value.isoformat()
    if cp.page.kind == "resolution" and cp.decision and cp.decision.symbol:
        rec["symbol"] = cp.decision.symbol
    return rec


def council_source_id(cp: CouncilPage) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", cp.path.stem.lower()).strip("-")
    return f"{cp.page.kind.replace('_', '-')}:{stem}"


def confidence(d: Decision) -> float:
    """From the evidence: a symbol, an action verb in the lead, how the operation was found, an end date."""
    conf = 0.5
    conf += 0.15 if d.symbol and "(" in d.symbol else (0.05 if d.symbol else -0.1)
    conf += 0.15 if d.action else -0.2
    conf += 0.1 if d.end_date else 0.0
    conf += _HOW_CONF.get(d.mission.how if d.mission else "proposed", -0.1)
    return round(max(0.05, min(0.95, conf)), 2)


def previous_mandate(mandates: Sequence[GraphMandate], mission: str, before: dt.date | None,
                     exclude: str | None) -> GraphMandate | None:
    """The graph's latest mandate authorising `mission` adopted (or starting) before `before`."""
    cands = [m for m in mandates if mission in m.authorizes and m.id != exclude]
    if before is not None:
        cands = [m for m in cands if (m.adopted or m.valid_from) and (m.adopted or m.valid_from) < before]  # type: ignore[operator]
    if not cands:
        return None
    prev = max(cands, key=lambda m: (m.adopted or m.valid_from or dt.date.min))
    if before is not None and prev.valid_to is not None and not (
            before - dt.timedelta(days=62) <= prev.valid_to <= before + dt.timedelta(days=400)):
        return None  # the graph lacks the mandates in between: the one renewed is not known
    return prev


def mandate_record(d: Decision, issued_by: str, source_id: str, ev: Evidence, places: list[str],
                   mandates: Sequence[GraphMandate], task_keys: set[str]) -> dict[str, Any]:
    """The Mandate record of a decision (its id is a candidate id when the text gives no symbol)."""
    mission = d.mission
    assert mission is not None
    when = d.adopted or (dt.date(d.year, 1, 1) if d.year else None)
    rid = d.symbol if d.symbol and "(" in d.symbol else (
        f"cand:mandate:{mission.id}:{when.isoformat() if when else 'undated'}")
    rec: dict[str, Any] = {"id": rid, "kind": "unsc_resolution", "issued_by": issued_by}
    if d.number:
        rec["title"] = f"Security Council resolution {d.number}" + (f" ({d.year})" if d.year else "")
    if d.adopted:
        rec["adopted"] = d.adopted.isoformat()
        rec["valid_from"] = d.adopted.isoformat()
    elif d.year:
        rec["valid_from"] = f"{d.year}-01-01"
        rec["valid_from_precision"] = "year"
    if d.action:
        rec["action"] = d.action
    if d.valid_to:
        rec["valid_to"] = d.valid_to.isoformat()
        if "valid_from" in rec and rec["valid_from"] >= rec["valid_to"]:
            rec.pop("valid_from")
            rec.pop("valid_from_precision", None)
    if d.action in {"renew", "modify", "terminate", "authorise_support"}:
        prev = previous_mandate(mandates, mission.id, when or None, d.symbol)
        if prev is not None and (when is None or d.adopted or (prev.adopted or prev.valid_from or when) < when):
            rec["renews"] = prev.id
    rec["authorizes"] = list(dict.fromkeys([mission.id, *(m.id for m in d.also)]))
    rec["tasks"] = [t for t in d.tasks if t in task_keys]
    if places:
        rec["places"] = places
    rec["status"] = "actual"
    rec["cites"] = [{"source": source_id, "locator": f"line {ev.line}, chars {ev.start}-{ev.end}",
                     "quote": ev.sentence[:600] or None}]
    rec["extraction"] = {"method": "council:decision", "confidence": confidence(d), "review": "pending"}
    return rec


def differences(rec: Mapping[str, Any], held: GraphMandate) -> dict[str, Any]:
    """Fields where the text says something else than the graph's mandate."""
    out: dict[str, Any] = {}
    pairs = [("action", held.action), ("valid_to", held.valid_to.isoformat() if held.valid_to else None),
             ("adopted", held.adopted.isoformat() if held.adopted else None)]
    for key, graph_value in pairs:
        text_value = rec.get(key)
        if text_value is not None and graph_value is not None and text_value != graph_value:
            out[key] = {"graph": graph_value, "text": text_value}
    missing = [m for m in rec.get("authorizes", []) if m not in held.authorizes]
    if missing:
        out["authorizes"] = {"graph": list(held.authorizes), "text": rec.get("authorizes")}
    return out


def mission_record(ref: MissionRef, source_id: str, ev: Evidence, confidence_: float) -> dict[str, Any]:
    """A proposed operation from a Council page (lead from its name; hosts from the text), blanks left open."""
    leads = list(ref.leads)
    if not leads and ref.name and re.search(r"\bUnited Nations\b|\bUN\b", ref.name):
        leads = ["un"]
    kind = "un_peacekeeping" if leads == ["un"] else {"au": "au_peace_support", "eu": "eu_military",
                                                       "nato": "nato"}.get(leads[0] if leads else "", "other")
    rec: dict[str, Any] = {"id": ref.id, "name": ref.name or ref.id, "kind": kind, "led_by": leads,
                           "deployed_in": list(ref.places)}
    if ref.acronym:
        rec["acronym"] = ref.acronym
    rec["cites"] = [{"source": source_id, "locator": f"line {ev.line}, chars {ev.start}-{ev.end}",
                     "quote": ev.sentence[:600] or None}]
    rec["extraction"] = {"method": f"council:mission:{ref.how}", "confidence": confidence_, "review": "pending"}
    return rec
