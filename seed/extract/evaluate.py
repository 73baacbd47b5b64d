"""Precision, recall and F1 of the extractor against hand-made gold files, per kind.

Gold format (entity level, distinct entities per report): `missions`, `organizations`, `countries`:
`[{id, lines, aliases}]`; `symbols`: `[{id, lines, text}]`; `money`: `[{amount, currency, text, line}]`;
`relations`: `[{subject, relation, object, line, quote}]`.

Matching rule. A predicted entity matches a gold entity when their normalised ids are equal, or when a predicted
surface form or the predicted id equals one of the gold aliases or the gold id, compared case- and
punctuation-insensitively (lower case, only letters and digits kept). Symbols match by normalised symbol; a gold
symbol without a year (`S/RES/2036`) matches the same resolution with a year (`S/RES/2036 (2012)`) and vice versa.
Money matches by (amount within 1%, currency). Relations match by (subject matches, same relation, object
matches), where subject and object match as entities do (through the entity matches above, or equal ids; task
keys, country ids and symbols by equality after normalisation); `partner_of` is symmetric.
Precision = matched predictions / predictions; recall = matched gold items / gold items; F1 their harmonic mean.
Predictions are the mentions and facts at or above the confidence threshold (the extractor's default, 0.5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.pipeline import DocResult
from peacegraph.seed.extract.relations import SYMMETRIC

KINDS = ("missions", "organizations", "countries", "symbols", "money", "tasks", "relations")


def norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", str(text).lower())


def norm_symbol(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper()


def _res_base(symbol: str) -> str:
    return re.sub(r"\(\d{4}\)$", "", norm_symbol(symbol))


@dataclass
class Pred:
    id: str
    surfaces: set[str] = field(default_factory=set)


@dataclass
class Score:
    gold: int
    predicted: int
    matched_pred: int
    matched_gold: int

    @property
    def precision(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def predictions(doc: DocResult, gaz: Gazetteer, min_confidence: float = 0.5) -> dict[str, Any]:
    """What the extractor claims about a report, in the gold file's shape."""
    out: dict[str, Any] = {"missions": {}, "organizations": {}, "countries": {}, "symbols": set(), "money": [],
                           "tasks": set(), "relations": set()}
    for m in doc.mentions:
        if m.confidence < min_confidence or m.id is None:
            continue
        if m.kind in {"mission", "organization"}:
            pred = out[m.kind + "s"].setdefault(m.id, Pred(m.id))
            pred.surfaces.add(m.text)
            entry = doc.new_entities.get((m.kind, m.id)) or gaz.get(m.kind, m.id)
            if entry is not None and not entry.in_graph:
                pred.surfaces.update(entry.surfaces())
        elif m.kind == "place":
            entry = gaz.get("place", m.id)
            if entry is not None and (entry.subkind == "country"):
                out["countries"].setdefault(m.id, Pred(m.id)).surfaces.add(m.text)
        elif m.kind == "symbol":
            out["symbols"].add(norm_symbol(m.id))
        elif m.kind == "task":
            out["tasks"].add(m.id)
        elif m.kind == "money":
            item = (float(m.data["amount"]), str(m.data["currency"]))
            if item not in out["money"]:
                out["money"].append(item)
    for f in doc.facts:
        if f.confidence >= min_confidence:
            out["relations"].add(f.key())
    return out


def load_gold(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {k: data.get(k) or [] for k in KINDS} | {"report": data.get("report")}


def _entity_matches(preds: dict[str, Pred], gold: list[dict[str, Any]]) -> dict[str, set[str]]:
    """predicted id -> gold ids it matches."""
    keys = [(g["id"], {norm(g["id"])} | {norm(a) for a in g.get("aliases") or []}) for g in gold]
    out: dict[str, set[str]] = {}
    for pid, pred in preds.items():
        forms = {norm(pid)} | {norm(s) for s in pred.surfaces}
        out[pid] = {gid for gid, gkeys in keys if forms & gkeys}
    return out


def score_report(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    mapping: dict[str, set[str]] = {}
    for kind in ("missions", "organizations", "countries"):
        m = _entity_matches(pred[kind], gold[kind])
        for pid, gids in m.items():
            mapping.setdefault(pid, set()).update(gids)
        matched_gold = set().union(*m.values()) if m else set()
        scores[kind] = Score(len(gold[kind]), len(pred[kind]), sum(1 for v in m.values() if v),
                             len(matched_gold & {g["id"] for g in gold[kind]}))
    gold_syms = {norm_symbol(str(g["id"])) for g in gold["symbols"]}

    def sym_match(a: str, b: str) -> bool:
        return a == b or ((("(" not in a) or ("(" not in b)) and _res_base(a) == _res_base(b))

    ps = pred["symbols"]
    scores["symbols"] = Score(len(gold_syms), len(ps), sum(1 for p in ps if any(sym_match(p, g) for g in gold_syms)),
                              sum(1 for g in gold_syms if any(sym_match(p, g) for p in ps)))
    gold_money = [(float(g["amount"]), str(g["currency"])) for g in gold["money"]]

    def money_match(a: tuple[float, str], b: tuple[float, str]) -> bool:
        return a[1] == b[1] and abs(a[0] - b[0]) <= 0.01 * max(abs(b[0]), 1.0)

    gold_tasks = {str(g["id"]) for g in gold["tasks"]}
    pt = pred["tasks"]
    scores["tasks"] = Score(len(gold_tasks), len(pt), len(pt & gold_tasks), len(pt & gold_tasks))
    pm = pred["money"]
    scores["money"] = Score(len(gold_money), len(pm), sum(1 for p in pm if any(money_match(p, g) for g in gold_money)),
                            sum(1 for g in gold_money if any(money_match(p, g) for p in pm)))

    def same(pid: str, gid: str) -> bool:
        return norm(pid) == norm(gid) or gid in mapping.get(pid, set()) or (
            "/" in gid and sym_match(norm_symbol(pid), norm_symbol(gid)))

    def rel_match(p: tuple[str, str, str], g: dict[str, Any]) -> bool:
        if p[1] != g["relation"]:
            return False
        if same(p[0], str(g["subject"])) and same(p[2], str(g["object"])):
            return True
        return p[1] in SYMMETRIC and same(p[2], str(g["subject"])) and same(p[0], str(g["object"]))

    pr = pred["relations"]
    gr = _distinct_gold_relations(gold["relations"])
    scores["relations"] = Score(len(gr), len(pr), sum(1 for p in pr if any(rel_match(p, g) for g in gr)),
                                sum(1 for g in gr if any(rel_match(p, g) for p in pr)))
    return scores


def _distinct_gold_relations(rels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in rels:
        key = (str(r["subject"]), r["relation"], str(r["object"]))
        if r["relation"] in SYMMETRIC:
            a, b = sorted((key[0], key[2]))
            key = (a, key[1], b)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def gold_path_for(report: Path, gold_dir: Path) -> Path:
    return gold_dir / f"{report.stem}.yaml"
