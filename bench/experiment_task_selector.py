"""Experiment, not the extractor: would a learned choice among the lexicon's task hits beat the Council rules?

    .venv/bin/python -m bench.experiment_task_selector [--threshold 0.5] [--with-rules]

Needs a running Neo4j with the dataset (the gazetteer) and the corpus ($PEACEGRAPH_REPORTS_DIR). Every task key the
lexicon finds on a Council page is a candidate, described by a dozen generic evidence features (whether a sentence
holding it names the operation, mandate words, a demand or a view before it, the preamble, how it was matched, how
often and how early it occurs); the label is whether the page's gold lists it. A logistic model (the confidence
model's own fit) is scored leave-one-set-out over the development sets, then fitted on all of them and scored on
the held-out set once. `--with-rules` adds the rules' own choice as a feature (stacking). It prints, per set, the
model's tasks F1 beside the rules' (the rules are in-sample on every development set). Its figures are in
seed/extract/README.md; the extractor does not use this model.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import re
from dataclasses import dataclass

from bench.bench_extract import context
from peacegraph.graph.settings import get_settings
from peacegraph.seed.extract.campaign import PRESS_SETS
from peacegraph.seed.extract.confidence import fit
from peacegraph.seed.extract.context import ExtractContext
from peacegraph.seed.extract.council.reader import read_council_text
from peacegraph.seed.extract.evaluate import load_press_gold
from peacegraph.seed.extract.lexicon import Lexicon, load_lexicon
from peacegraph.seed.extract.nlp import parse
from peacegraph.seed.extract.taskmatch import matcher_for

_DEMAND = re.compile(r"\b(?:call(?:s|ed)? (?:on|upon)|urg(?:e|es|ed)|demand(?:s|ed)?|encourag(?:e|es|ed)|"
                     r"request(?:s|ed)? the (?:Government|Secretary-General|parties))\b", re.I)
_MANDATE = re.compile(r"\b(?:mandat\w*|task\w*|authori[sz]\w*|decid\w*|extend\w*|establish\w*|renew\w*|priorit\w*|"
                      r"shall|will)\b", re.I)
_PREAMBLE = re.compile(r"^\W*(?:Recalling|Welcoming|Noting|Expressing|Reaffirming|Stressing|Underlining|Commending|"
                       r"Condemning|Emphasizing|Recognizing|Taking note)\b")
_VIEW = re.compile(r"\b(?:stress\w*|underscor\w*|emphasi\w*|welcom\w*|condemn\w*|express\w*|concern\w*|he said|"
                   r"she said|according to|report\w*)\b", re.I)
_OPERATION = re.compile(r"\b(?:the (?:Mission|Force|Office|Operation|mission|force|operation)|its mandate)\b")


@dataclass(frozen=True)
class Candidate:
    """One task key the lexicon finds on one page, with its features, its gold label and the rules' choice."""

    set_name: str
    page: str
    key: str
    features: dict[str, float]
    gold: bool
    rules: bool


def candidates(ctx: ExtractContext, lexicon: Lexicon) -> tuple[list[Candidate], dict[str, int]]:
    """Every page's candidates, and each set's number of gold tasks (reachable or not)."""
    corpus = get_settings().reports_dir
    matcher = matcher_for(lexicon)
    out: list[Candidate] = []
    gold_tasks: dict[str, int] = {}
    for pset in PRESS_SETS:
        if not pset.present(corpus):
            continue
        gold = load_press_gold(pset.gold)
        gold_tasks[pset.name] = sum(len(set(records[0].get("tasks") or [])) for records in gold.values())
        for name, records in gold.items():
            path = pset.texts(corpus) / name
            page = read_council_text(path, path.read_text(encoding="utf-8"), ctx.gaz, ctx.dates, lexicon)
            d = page.decision
            names = [w for w in ((d.mission.acronym, d.mission.name) if d and d.mission else ()) if w]
            feats: dict[str, dict[str, float]] = {}
            for i, sent in enumerate(parse(page.page.text).sents):
                text = sent.text
                names_it = any(n in text for n in names) or bool(_OPERATION.search(text))
                for hit in matcher.find(sent):
                    before = text[:max(0, hit.start - sent.start_char)]
                    on = {"first3" if i < 3 else "later", "via_" + hit.via,
                          "demand_before" if _DEMAND.search(before) else "no_demand_before",
                          "preamble" if _PREAMBLE.match(text) else "not_preamble"}
                    on |= {"with_operation"} if names_it else set()
                    on |= {"operation_mandate"} if names_it and _MANDATE.search(text) else set()
                    on |= {"mandate_before"} if _MANDATE.search(before) else set()
                    on |= {"view_before"} if _VIEW.search(before[-80:]) else set()
                    on |= {"learned"} if hit.origin else set()
                    for key in lexicon.keys_for(hit.key):
                        f = feats.setdefault(key, {"bias": 1.0, "hits": 0.0})
                        f["hits"] += 1
                        f.update(dict.fromkeys(on, 1.0))
            gt = set(records[0].get("tasks") or [])
            chosen = set(d.tasks) if d else set()
            for key, f in feats.items():
                f = {**f, "hits": math.log1p(f["hits"]), "decision": 1.0 if d else 0.0}
                out.append(Candidate(pset.name, name, key, f, key in gt, key in chosen))
    return out, gold_tasks


def f1(tp: int, fp: int, gold: int) -> float:
    """F1 of `tp` right and `fp` wrong predictions against `gold` gold tasks."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--with-rules", action="store_true", help="the rules' choice as a feature too (stacking)")
    args = ap.parse_args()
    rows, gold_tasks = candidates(asyncio.run(context()), load_lexicon())

    def feats(c: Candidate) -> dict[str, float]:
        return {**c.features, "rules": float(c.rules)} if args.with_rules else c.features

    held = next(s.name for s in PRESS_SETS if s.heldout)
    devs = sorted(s for s in gold_tasks if s != held)
    totals = {"model": [0, 0, 0], "rules": [0, 0, 0]}
    for test in [*devs, held] if held in gold_tasks else devs:
        # leave-one-set-out on a development set; the held-out set is scored by the model fitted on every dev set
        model = fit([(feats(c), c.gold) for c in rows if c.set_name not in (test, held)], ["development sets"])
        te = [c for c in rows if c.set_name == test]
        picked = [c for c in te if model.score(feats(c)) >= args.threshold]
        tp, fp = sum(c.gold for c in picked), sum(not c.gold for c in picked)
        rtp, rfp = sum(c.gold and c.rules for c in te), sum(c.rules and not c.gold for c in te)
        g = gold_tasks[test]
        reach = sum(c.gold for c in te)
        print(f"{test:10} {g:3} gold tasks ({reach} in reach)  model F1 {f1(tp, fp, g):.2f} ({tp} right, {fp} wrong)"
              f"  rules F1 {f1(rtp, rfp, g):.2f} ({rtp} right, {rfp} wrong)")
        if test != held:
            for k, (a, b) in (("model", (tp, fp)), ("rules", (rtp, rfp))):
                totals[k] = [totals[k][0] + a, totals[k][1] + b, totals[k][2] + g]
    m, r = totals["model"], totals["rules"]
    print(f"development sets: model leave-one-set-out F1 {f1(m[0], m[1], m[2]):.2f}; "
          f"rules (in-sample) {f1(r[0], r[1], r[2]):.2f}")


if __name__ == "__main__":
    main()
