"""Runs of the evaluation: reports in-sample and leave-one-report-out, Council pages, and the issue's targets.

Leave-one-report-out: to score report R, every lexicon item learned from R (`from: <stem of R>`) is dropped, so
the task lexicon is the one tuned on the other reports only, and the confidence model is fitted on the other
reports only. The entity and relation rules were written before this evaluation existed and were tuned on all
three reports; they are not left out (see the README).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from peacegraph.seed.extract.confidence import DEFAULT_THRESHOLD, ConfidenceModel, features, fit
from peacegraph.seed.extract.confidence import apply as apply_confidence
from peacegraph.seed.extract.context import ExtractContext
from peacegraph.seed.extract.council.reader import read_council_text
from peacegraph.seed.extract.evaluate import (
    PressScore,
    Score,
    load_gold,
    load_press_gold,
    predictions,
    relation_outcomes,
    score_press,
    score_report,
)
from peacegraph.seed.extract.lexicon import Lexicon, load_lexicon
from peacegraph.seed.extract.nlp import parse
from peacegraph.seed.extract.pipeline import DocResult, extract_file
from peacegraph.seed.extract.taskmatch import matcher_for
from peacegraph.seed.extract.to_bundle import build_review

GOLD_DIR = Path(__file__).with_name("gold")
TARGETS = {"tasks_f1": 0.7, "organizations_p": 0.9, "organizations_r": 0.9, "relations_f1": 0.6, "reach": 0.6,
           "council_symbol": 0.9, "council_action": 0.9, "council_end_date": 0.9, "council_tasks_f1": 0.7}


@dataclass
class ReportRun:
    """One report scored: per kind, the confidence/correctness of every fact, and what reached the bundle."""

    stem: str
    scores: dict[str, Score]
    outcomes: list[tuple[float, bool, Any]]
    correct_found: int
    correct_reached: int

    @property
    def reach(self) -> float:
        return self.correct_reached / self.correct_found if self.correct_found else 1.0


def _reached(doc: DocResult, ctx: ExtractContext, min_conf: float) -> set[tuple[str, str, str]]:
    """Facts that became a bundle record or a confirmation (not dropped, not below the threshold)."""
    _, _, review = build_review([doc], ctx.gaz, min_conf, sources=ctx.sources)
    dropped = {d.what for d in review.dropped}
    out = set()
    for f in doc.facts:
        if f.confidence < min_conf:
            continue
        labels = {f"{f.subject} {f.relation} {f.object}", f"{f.subject} performs {f.object}",
                  f"{f.subject} succeeded by {f.object}"}
        if not labels & dropped:
            out.add(f.key())
    return out


def score_doc(doc: DocResult, gold_file: Path, ctx: ExtractContext, min_conf: float) -> ReportRun:
    """Score one extracted report against its gold file."""
    gold = load_gold(gold_file)
    scores = score_report(predictions(doc, ctx.gaz, min_conf), gold)
    outcomes = relation_outcomes(doc, ctx.gaz, gold)
    correct = {f.key() for _c, ok, f in outcomes if ok}
    reached = _reached(doc, ctx, min_conf) & correct
    return ReportRun(doc.path.stem, scores, outcomes, len(correct), len(reached))


def samples(doc: DocResult, gold_file: Path, ctx: ExtractContext) -> list[tuple[dict[str, float], bool]]:
    """(features, correct) of every calibrated candidate fact of an uncalibrated extraction."""
    out = []
    for _conf, ok, f in relation_outcomes(doc, ctx.gaz, load_gold(gold_file)):
        prior = float(f.data.get("prior", f.confidence))
        out.append((features(f.relation, f.method, prior, f.data), ok))
    return out


def _calibrated(doc: DocResult, model: ConfidenceModel | None) -> DocResult:
    facts = [replace(f, data=dict(f.data)) for f in doc.facts]
    for f in facts:
        f.confidence = float(f.data.get("prior", f.confidence))
    apply_confidence(facts, model)
    return replace(doc, facts=facts)


@dataclass
class Campaign:
    """In-sample and leave-one-report-out runs over the same reports, and the model fitted on all of them."""

    in_sample: list[ReportRun] = field(default_factory=list)
    held_out: list[ReportRun] = field(default_factory=list)
    model: ConfidenceModel | None = None


def run_reports(pairs: Sequence[tuple[Path, Path]], ctx: ExtractContext, min_conf: float = DEFAULT_THRESHOLD,
                loo: bool = True) -> Campaign:
    """In-sample: the whole lexicon, confidence fitted on every report. Leave-one-report-out, for report R: the
    lexicon less the items learned from R, confidence fitted on the other reports only."""
    lex = load_lexicon()
    out = Campaign()
    docs = [extract_file(report, ctx.gaz, lex, calibrate=False) for report, _ in pairs]
    data = [samples(doc, g, ctx) for doc, (_, g) in zip(docs, pairs, strict=True)]
    out.model = fit([s for d in data for s in d], [r.stem for r, _ in pairs])
    for doc, (_report, gold_file) in zip(docs, pairs, strict=True):
        out.in_sample.append(score_doc(_calibrated(doc, out.model), gold_file, ctx, min_conf))
    if loo:
        for k, (report, gold_file) in enumerate(pairs):
            others = [s for j, d in enumerate(data) if j != k for s in d]
            model = fit(others, [r.stem for j, (r, _) in enumerate(pairs) if j != k]) if others else None
            doc = extract_file(report, ctx.gaz, lex.without({report.stem}), calibrate=False)
            out.held_out.append(score_doc(_calibrated(doc, model), gold_file, ctx, min_conf))
    return out


def micro(runs: Sequence[ReportRun], kind: str) -> Score:
    """Scores of one kind added up over reports (micro average)."""
    s = Score(0, 0, 0, 0)
    for r in runs:
        x = r.scores[kind]
        s = Score(s.gold + x.gold, s.predicted + x.predicted, s.matched_pred + x.matched_pred,
                  s.matched_gold + x.matched_gold)
    return s


def run_press(texts: Path, gold_file: Path, ctx: ExtractContext, lexicon: Lexicon | None = None) -> PressScore:
    """Read every gold page in `texts` as a Council text and score the decisions."""
    gold = load_press_gold(gold_file)
    missing = [n for n in gold if not (texts / n).is_file()]
    if missing:
        raise FileNotFoundError(f"{texts}: {len(missing)} page(s) of {gold_file.name} missing, e.g. {missing[0]}")
    lex = lexicon or load_lexicon()
    predicted, on_page = {}, {}
    for name in gold:
        path = texts / name
        page = read_council_text(path, path.read_text(encoding="utf-8"), ctx.gaz, ctx.dates, lex)
        predicted[name] = page.decision
        on_page[name] = tasks_on_page(page.page.text, lex)
    return score_press(predicted, gold, on_page)


def tasks_on_page(text: str, lexicon: Lexicon) -> set[str]:
    """Every task key the lexicon finds anywhere in a page's text, whatever the decision rules make of it."""
    return {key for hit in matcher_for(lexicon).find(parse(text)) for key in lexicon.keys_for(hit.key)}


@dataclass(frozen=True)
class PressSet:
    """A set of Council pages with its gold: `dev` (the corpus's press/ excerpts), `dev2` to `dev11` (pages the rules
    were studied on), `heldout10` (annotated by a helper who had not seen the rules; never tuned on; judged when its
    gold file is here, else the development sets are, and the targets table says so)."""

    name: str
    title: str
    gold: Path
    heldout: bool = False

    def texts(self, corpus: Path) -> Path:
        """Where the pages are: the corpus's press/ for `dev`, else `gold/press/<name>/` (or its `texts/`)."""
        if self.name == "dev":
            return corpus / "press"
        folder = self.gold.with_suffix("")
        return folder / "texts" if (folder / "texts").is_dir() else folder

    def present(self, corpus: Path) -> bool:
        """Whether the set is here: its gold file and its pages; a gold file without its pages is an error."""
        if not self.gold.is_file():
            return False
        texts = self.texts(corpus)
        if not texts.is_dir() or not any(p.suffix == ".txt" for p in texts.iterdir()):
            raise FileNotFoundError(f"{self.gold.name} is here but its pages are not ({texts})")
        return True


PRESS_SETS = (
    PressSet("heldout10", "held-out: heldout10 (annotated without seeing the rules; never tuned on)",
             GOLD_DIR / "press" / "heldout10.yaml", heldout=True),
    PressSet("dev", "development: dev, the corpus's press excerpts (rules written on them)", GOLD_DIR / "press" / "dev.yaml"),
    PressSet("dev2", "development: dev2 (rules tuned on them)", GOLD_DIR / "press" / "dev2.yaml"),
    PressSet("dev3", "development: dev3, the first held-out set (studied for extraction v3)",
             GOLD_DIR / "press" / "dev3.yaml"),
    PressSet("dev4", "development: dev4, the second held-out set (heldout2; studied for extraction v4)",
             GOLD_DIR / "press" / "dev4.yaml"),
    PressSet("dev5", "development: dev5, the third held-out set (heldout3; studied for extraction v5)",
             GOLD_DIR / "press" / "dev5.yaml"),
    PressSet("dev6", "development: dev6, the fourth held-out set (heldout4; studied for extraction v6)",
             GOLD_DIR / "press" / "dev6.yaml"),
    PressSet("dev7", "development: dev7, the fifth held-out set (heldout5; studied for extraction v7)",
             GOLD_DIR / "press" / "dev7.yaml"),
    PressSet("dev8", "development: dev8, the sixth held-out set (heldout6; studied for extraction v8)",
             GOLD_DIR / "press" / "dev8.yaml"),
    PressSet("dev9", "development: dev9, the seventh held-out set (heldout7; studied for extraction v9)",
             GOLD_DIR / "press" / "dev9.yaml"),
    PressSet("dev10", "development: dev10, the eighth held-out set (heldout8; studied for extraction v10)",
             GOLD_DIR / "press" / "dev10.yaml"),
    PressSet("dev11", "development: dev11, the ninth held-out set (heldout9; studied for extraction v11)",
             GOLD_DIR / "press" / "dev11.yaml"),
)
HELDOUT_SET = next(s for s in PRESS_SETS if s.heldout)


def combined(scores: Sequence[PressScore]) -> PressScore:
    """Several sets' scores added up (micro average over pages)."""
    out = PressScore()
    for sc in scores:
        out.pages += sc.pages
        for name in ("symbol", "action", "mission", "tasks"):
            a, b = getattr(out, name), getattr(sc, name)
            setattr(out, name, Score(a.gold + b.gold, a.predicted + b.predicted, a.matched_pred + b.matched_pred,
                                     a.matched_gold + b.matched_gold))
        out.end_dates += sc.end_dates
        out.end_dates_correct += sc.end_dates_correct
        out.end_dates_spurious += sc.end_dates_spurious
        out.tasks_in_reach += sc.tasks_in_reach
        out.errors += sc.errors
    return out


@dataclass(frozen=True)
class TargetRow:
    """One target against one figure: where it was measured, the value, the threshold, whether it is met, and
    whether it is judged (held-out figures are; in-sample ones are shown for comparison)."""

    scope: str
    figure: str
    value: float
    threshold: float
    judged: bool

    @property
    def met(self) -> bool:
        return self.value >= self.threshold

    def describe(self) -> str:
        return f"{self.scope}: {self.figure} {self.value:.3f} < {self.threshold}"


def _council_rows(scope: str, press: PressScore, judged: bool) -> list[TargetRow]:
    return [TargetRow(scope, "symbol precision", press.symbol.precision, TARGETS["council_symbol"], judged),
            TargetRow(scope, "symbol recall", press.symbol.recall, TARGETS["council_symbol"], judged),
            TargetRow(scope, "action precision", press.action.precision, TARGETS["council_action"], judged),
            TargetRow(scope, "action recall", press.action.recall, TARGETS["council_action"], judged),
            TargetRow(scope, f"new end date ({press.end_dates} pages)", press.end_date_accuracy,
                      TARGETS["council_end_date"], judged),
            TargetRow(scope, "tasks F1", press.tasks.f1, TARGETS["council_tasks_f1"], judged)]


def _report_rows(scope: str, runs: Sequence[ReportRun], judged: bool) -> list[TargetRow]:
    out = []
    for r in runs:
        s = r.scores
        where = f"{r.stem[:32]} ({scope})"
        out += [TargetRow(where, "tasks F1", s["tasks"].f1, TARGETS["tasks_f1"], judged),
                TargetRow(where, "organisations precision", s["organizations"].precision, TARGETS["organizations_p"],
                          judged),
                TargetRow(where, "organisations recall", s["organizations"].recall, TARGETS["organizations_r"],
                          judged),
                TargetRow(where, "relations F1", s["relations"].f1, TARGETS["relations_f1"], judged),
                TargetRow(where, "correct facts reaching the bundle", r.reach, TARGETS["reach"], judged)]
    return out


def target_rows(campaign: Campaign, press: PressScore | None, press_scope: str = "Council texts",
                development: PressScore | None = None) -> list[TargetRow]:
    """Every target against its figures, held-out first: the Council pages given (`press`, judged), the reports
    left out one at a time (judged; in-sample when there is no leave-one-out run), then for comparison the
    development Council pages and the reports in-sample (not judged)."""
    rows = _council_rows(press_scope, press, True) if press is not None else []
    rows += _report_rows("leave-one-out" if campaign.held_out else "in-sample", campaign.held_out or campaign.in_sample,
                         True)
    if development is not None and development is not press:
        rows += _council_rows("Council development pages (in-sample)", development, False)
    if campaign.held_out:
        rows += _report_rows("in-sample", campaign.in_sample, False)
    return rows


def check_targets(campaign: Campaign, press: PressScore | None) -> list[str]:
    """Targets not met (on the leave-one-report-out runs, and on the Council pages given)."""
    return [r.describe() for r in target_rows(campaign, press) if r.judged and not r.met]
