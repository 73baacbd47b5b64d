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

import itertools
import re
from collections.abc import Mapping, Set
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
        if f.confidence >= min_confidence and f.relation in GOLD_RELATIONS:
            out["relations"].add(f.key())
    return out


class GoldFileError(ValueError):
    """A gold file that cannot be read: not YAML, or not the shape described above (says which file)."""


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise GoldFileError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise GoldFileError(f"{path}: expected a mapping at the top, found {type(data).__name__}")
    return data


def load_gold(path: Path) -> dict[str, Any]:
    data = _read_yaml(path)
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


# --- relations the gold scheme covers, reliability, reach -----------------------------------------------------
GOLD_RELATIONS = frozenset({"led_by", "deployed_in", "mandated_by", "performs_task", "succeeded_by", "funded_by",
                            "partner_of"})


def relation_outcomes(doc: DocResult, gaz: Gazetteer, gold: dict[str, Any]) -> list[tuple[float, bool, Any]]:
    """Every candidate fact of a kind the gold scheme covers, at any confidence: (confidence, correct, fact)."""
    pred = predictions(doc, gaz, 0.0)
    scores_map: dict[str, set[str]] = {}
    for kind in ("missions", "organizations", "countries"):
        for pid, gids in _entity_matches(pred[kind], gold[kind]).items():
            scores_map.setdefault(pid, set()).update(gids)
    gr = _distinct_gold_relations(gold["relations"])
    out = []
    for f in doc.facts:
        if f.relation not in GOLD_RELATIONS:
            continue
        key = f.key()
        ok = any(_rel_match(key, g, scores_map) for g in gr)
        out.append((f.confidence, ok, f))
    return out


def _rel_match(p: tuple[str, str, str], g: dict[str, Any], mapping: dict[str, set[str]]) -> bool:
    def same(pid: str, gid: str) -> bool:
        return norm(pid) == norm(gid) or gid in mapping.get(pid, set()) or (
            "/" in gid and norm_symbol(pid) == norm_symbol(gid))

    if p[1] != g["relation"]:
        return False
    if same(p[0], str(g["subject"])) and same(p[2], str(g["object"])):
        return True
    return p[1] in SYMMETRIC and same(p[2], str(g["subject"])) and same(p[0], str(g["object"]))


@dataclass
class Bin:
    low: float
    high: float
    n: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.n if self.n else None


def reliability(outcomes: list[tuple[float, bool, Any]], edges: tuple[float, ...] = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7,
                                                                                        0.8, 1.01)) -> list[Bin]:
    """Confidence bins -> observed precision of the facts in each bin."""
    bins = [Bin(a, b) for a, b in itertools.pairwise(edges)]
    for conf, ok, _ in outcomes:
        for b in bins:
            if b.low <= conf < b.high:
                b.n += 1
                b.correct += int(ok)
                break
    return bins


# --- Council texts ----------------------------------------------------------------------------------------------
@dataclass
class PressScore:
    """Council-text scores over a set of pages."""

    pages: int = 0
    symbol: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    action: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    mission: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    tasks: Score = field(default_factory=lambda: Score(0, 0, 0, 0))
    end_dates: int = 0
    end_dates_correct: int = 0
    end_dates_spurious: int = 0
    tasks_in_reach: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def tasks_reach(self) -> float:
        """Share of gold tasks the lexicon finds anywhere on their page: the ceiling of tasks recall for any rule
        or model that picks among the lexicon's hits."""
        return self.tasks_in_reach / self.tasks.gold if self.tasks.gold else 1.0

    @property
    def end_date_accuracy(self) -> float:
        return self.end_dates_correct / self.end_dates if self.end_dates else 1.0


def _sym_equal(a: str | None, b: str | None) -> bool:
    return bool(a and b) and norm_symbol(str(a)) == norm_symbol(str(b))


def score_press(predicted: dict[str, Any], gold: dict[str, list[dict[str, Any]]],
                on_page: Mapping[str, Set[str]] | None = None) -> PressScore:
    """Score decisions (file -> Decision or None) against gold records (file -> [record]); the first gold record of
    a page is its decision. Symbol and action: precision over predicted values, recall over gold values; tasks:
    micro-averaged over (page, task). `on_page` (file -> task keys the lexicon finds on the page) gives the
    tasks' reach."""
    out = PressScore()
    for name, records in gold.items():
        g = records[0]
        d = predicted.get(name)
        out.pages += 1
        psym = getattr(d, "symbol", None) if d else None
        sym_ok = _sym_equal(psym, g.get("symbol"))
        out.symbol = _add(out.symbol, g.get("symbol") is not None, psym is not None, sym_ok)
        pact = getattr(d, "action", None) if d else None
        out.action = _add(out.action, True, pact is not None, pact == g.get("action"))
        pm = d.mission.id if d and d.mission else None
        out.mission = _add(out.mission, True, pm is not None, pm == g.get("mission"))
        gt, pt = set(g.get("tasks") or []), set(getattr(d, "tasks", []) or [])
        out.tasks = Score(out.tasks.gold + len(gt), out.tasks.predicted + len(pt),
                          out.tasks.matched_pred + len(gt & pt), out.tasks.matched_gold + len(gt & pt))
        out.tasks_in_reach += len(gt & set((on_page or {}).get(name, ())))
        ge = g.get("end_date")
        pe = getattr(d, "end_date", None) if d else None
        if ge is not None:
            out.end_dates += 1
            out.end_dates_correct += int(pe == ge)
        elif pe is not None:
            out.end_dates_spurious += 1
        wrong = [k for k, ok in (("symbol", sym_ok or (psym is None and g.get("symbol") is None)),
                                 ("action", pact == g.get("action")), ("mission", pm == g.get("mission")),
                                 ("end date", pe == ge), ("tasks", gt == pt)) if not ok]
        if wrong:
            out.errors.append(f"{name}: {', '.join(wrong)}")
    return out


def _add(s: Score, has_gold: bool, has_pred: bool, ok: bool) -> Score:
    return Score(s.gold + int(has_gold), s.predicted + int(has_pred), s.matched_pred + int(has_pred and ok),
                 s.matched_gold + int(has_gold and ok))


def load_press_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    """file name -> gold records, from `dev.yaml` (records listed under the file) or `heldout.yaml` (`records`)."""
    data = _read_yaml(path)
    out: dict[str, list[dict[str, Any]]] = {}
    try:
        for name, value in (data.get("texts") or {}).items():
            out[str(name)] = list(value["records"] if isinstance(value, dict) else value)
    except (AttributeError, KeyError, TypeError) as exc:
        raise GoldFileError(f"{path}: `texts` must map each page to its records ({exc})") from exc
    return out
