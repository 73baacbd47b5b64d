"""`peacegraph seed extract`, `seed evaluate` and `seed review` (registered on `peacegraph seed` by the CLI's main)."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import typer
from rich.table import Table

from peacegraph.cli.common import console, fail, out, with_graph
from peacegraph.graph.bundles.parse import BundleInvalid, parse_bundle_text
from peacegraph.graph.settings import get_settings
from peacegraph.graph.store.database import Database
from peacegraph.seed.extract.campaign import (
    GOLD_DIR,
    PRESS_SETS,
    Campaign,
    TargetRow,
    combined,
    micro,
    run_press,
    run_reports,
    target_rows,
)
from peacegraph.seed.extract.confidence import DEFAULT_THRESHOLD, WEIGHTS_FILE
from peacegraph.seed.extract.context import ExtractContext, load_context
from peacegraph.seed.extract.council.reader import looks_like_council_text, read_council_text
from peacegraph.seed.extract.council.records import CouncilPage
from peacegraph.seed.extract.evaluate import KINDS, GoldFileError, PressScore, gold_path_for, reliability
from peacegraph.seed.extract.pipeline import DocResult, extract_raw
from peacegraph.seed.extract.reading import RawReport, ReportError, read_report
from peacegraph.seed.extract.to_bundle import BundleSummary, build_review
from peacegraph.seed.review.document import ReviewFile, review_path

DEFAULT_GOLD = GOLD_DIR / "reports"


def read_reports(paths: list[Path]) -> list[RawReport]:
    """Read every report; raise one ReportError-carrying list if any is unusable (nothing is extracted then)."""
    raws, errors = [], []
    for p in paths:
        try:
            raws.append(read_report(p))
        except ReportError as exc:
            errors.append(exc)
    if errors:
        raise ExceptionGroup("unreadable reports", errors)
    return raws


def bundle_yaml(bundle_obj: object) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 120
    buf = io.StringIO()
    data = bundle_obj.model_dump(mode="json", exclude_none=True)  # type: ignore[attr-defined]
    for kind, items in list(data.items()):
        if isinstance(items, list) and not items:
            del data[kind]
    yaml.dump(data, buf)
    return buf.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Write a file whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".extract-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def print_summary(summary: BundleSummary, output: Path, docs: list[DocResult], council: list[CouncilPage],
                  review: ReviewFile) -> None:
    table = Table(title=f"candidate facts written to {output} (review: pending)")
    table.add_column("kind")
    table.add_column("records", justify="right")
    for kind, n in sorted(summary.counts.items()):
        table.add_row(kind, str(n))
    out.print(table)
    mentions = sum(len(d.mentions) for d in docs)
    out.print(f"{len(docs)} report(s), {len(council)} Council text(s), {mentions} mentions, {summary.facts} "
              f"candidate relations at or above the threshold")
    out.print(f"review file {review_path(output)}: {len(review.candidates)} candidates, "
              f"{len(review.confirmations)} confirmations, {len(review.dropped)} dropped (with reasons)",
              highlight=False)
    if summary.new_entities:
        out.print(f"new entities proposed ({len(summary.new_entities)}):")
        for item in summary.new_entities[:40]:
            out.print(f"  + {item}", highlight=False, markup=False)
        if len(summary.new_entities) > 40:
            out.print(f"  … and {len(summary.new_entities) - 40} more")
    for why, n in summary.skipped.items():
        out.print(f"not written: {n} {why}", highlight=False)


def _context() -> ExtractContext:
    async def work(graph: Database) -> ExtractContext:
        return await load_context(graph, get_settings().reports_dir)

    return with_graph(work)


def extract(
    reports: list[Path] = typer.Argument(..., help="report files (.txt, .md, .pdf) or Council texts"),
    output: Path = typer.Option(..., "-o", "--output", help="the bundle to write (YAML); the review file goes beside"),
    min_confidence: float = typer.Option(DEFAULT_THRESHOLD, "--min-confidence", min=0.0, max=1.0,
                                         help="leave out candidates below this confidence"),
) -> None:
    """Extract candidate facts into a bundle to review (`seed review`), then load with `peacegraph seed load`.

    Security Council resolutions and the UN's press releases or news items about them are recognised and become
    Mandate records (symbol, adoption date, action, end date, tasks, the operation and the mandate renewed).
    """
    try:
        raws = read_reports(reports)
    except ExceptionGroup as group:
        for exc in group.exceptions:
            console.print(f"[bold red]error:[/] {exc}", highlight=False)
        console.print(f"nothing was written ({output} not created)", highlight=False)
        raise typer.Exit(1) from None
    ctx = _context()
    docs: list[DocResult] = []
    council: list[CouncilPage] = []
    for raw in raws:
        if raw.kind != "pdf" and looks_like_council_text(raw.text):
            council.append(read_council_text(raw.path, raw.text, ctx.gaz, ctx.dates))
        else:
            docs.append(extract_raw(raw, ctx.gaz))
    bundle, summary, review = build_review(docs, ctx.gaz, min_confidence, sources=ctx.sources, council=council,
                                           mandates=ctx.mandates)
    review.bundle = output.name
    text = bundle_yaml(bundle)
    try:
        parse_bundle_text(text, str(output))
    except BundleInvalid as exc:  # a bug in the extractor: say so, write nothing
        fail(f"the extracted bundle does not validate (nothing written): {exc}")
    write_atomic(output, text)
    write_atomic(review_path(output), review.dump())
    print_summary(summary, output, docs, council, review)


def _score_table(title: str, runs: Campaign) -> Table:
    table = Table(title=title)
    table.add_column("kind")
    for r in runs.in_sample:
        table.add_column(r.stem[:24], justify="right")
    table.add_column("all (micro)", justify="right")
    for kind in KINDS:
        cells = []
        for r_in, r_out in zip(runs.in_sample, runs.held_out or runs.in_sample, strict=True):
            a, b = r_in.scores[kind], r_out.scores[kind]
            cells.append(f"P {a.precision:.2f} R {a.recall:.2f} F {a.f1:.2f}" + (
                f" | LOO F {b.f1:.2f}" if runs.held_out and kind == "tasks" else ""))
        m = micro(runs.in_sample, kind)
        cells.append(f"P {m.precision:.2f} R {m.recall:.2f} F {m.f1:.2f}")
        table.add_row(kind, *cells)
    reach = [f"{r.reach:.0%} ({r.correct_reached}/{r.correct_found})" for r in runs.in_sample]
    table.add_row("correct facts reaching the bundle", *reach, "")
    return table


def _loo_table(runs: Campaign) -> Table:
    table = Table(title="in-sample vs leave-one-report-out (lexicon items learned from the scored report dropped)")
    for col in ("report", "kind", "in-sample F1", "held-out F1", "held-out P", "held-out R"):
        table.add_column(col, justify="left" if col in ("report", "kind") else "right")
    for r_in, r_out in zip(runs.in_sample, runs.held_out, strict=True):
        for kind in ("tasks", "organizations", "relations"):
            a, b = r_in.scores[kind], r_out.scores[kind]
            table.add_row(r_in.stem[:28], kind, f"{a.f1:.3f}", f"{b.f1:.3f}", f"{b.precision:.3f}",
                          f"{b.recall:.3f}")
        table.add_row(r_in.stem[:28], "reach", f"{r_in.reach:.0%}", f"{r_out.reach:.0%}", "", "")
    return table


def _reliability_table(runs: Campaign) -> Table:
    held = bool(runs.held_out)
    outcomes = [o for r in (runs.held_out or runs.in_sample) for o in r.outcomes]
    table = Table(title="reliability of relation confidence, every candidate of every report "
                        + ("(each report scored with the model fitted on the others)" if held else "(in-sample)"))
    for col in ("confidence", "facts", "correct", "observed precision"):
        table.add_column(col, justify="right")
    for b in reliability(outcomes):
        table.add_row(f"[{b.low:.1f}, {min(b.high, 1.0):.1f})", str(b.n), str(b.correct),
                      "-" if b.precision is None else f"{b.precision:.2f}")
    return table


def _press_table(name: str, score: PressScore) -> Table:
    table = Table(title=f"Council texts: {name} ({score.pages} pages)")
    for col in ("field", "gold", "predicted", "precision", "recall", "F1 / accuracy"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for label, s in (("symbol", score.symbol), ("action", score.action), ("operation", score.mission),
                     ("tasks", score.tasks)):
        table.add_row(label, str(s.gold), str(s.predicted), f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}")
    table.add_row("new end date", str(score.end_dates), "", "", "",
                  f"{score.end_date_accuracy:.2f} ({score.end_dates_spurious} spurious)")
    # gold tasks the lexicon finds anywhere on their page: the recall no choice among its hits can pass
    table.add_row("tasks in reach", str(score.tasks.gold), "", "", f"{score.tasks_reach:.2f}", "recall ceiling")
    return table


def _targets_table(rows: list[TargetRow]) -> Table:
    table = Table(title="targets: held-out figures first (judged), then in-sample figures for comparison")
    for col in ("measured on", "figure", "value", "target", "status"):
        table.add_column(col, justify="right" if col in ("value", "target") else "left")
    for r in rows:
        status = ("[green]met[/]" if r.met else "[bold red]NOT MET[/]") if r.judged else \
            ("(met)" if r.met else "(not met)") + " not judged"
        table.add_row(r.scope, r.figure, f"{r.value:.3f}", f"≥ {r.threshold}", status)
    return table


def evaluate(
    pairs: list[Path] = typer.Argument(None, help="REPORT GOLD pairs (default: every report of the corpus "
                                                   "($PEACEGRAPH_REPORTS_DIR) with a gold file in "
                                                   "seed/extract/gold/reports/)"),
    min_confidence: float = typer.Option(DEFAULT_THRESHOLD, "--min-confidence", min=0.0, max=1.0),
    loo: bool = typer.Option(True, "--loo/--no-loo", help="also score each report with the lexicon items learned "
                                                          "from it left out"),
    press: bool = typer.Option(True, "--press/--no-press", help="also score the Council pages: heldout10 "
                                                               "(held-out: the Council targets are judged on it), "
                                                               "dev (the corpus's press/), dev2 to dev11"),
    reports: bool = typer.Option(True, "--reports/--no-reports", help="score the reports (--no-reports: the Council "
                                                                   "pages only)"),
    check: bool = typer.Option(False, "--check", help="print the targets table (met / not met, held-out first); "
                                                      "a missed target fails only with --strict"),
    strict: bool = typer.Option(False, "--strict", envvar="PEACEGRAPH_EVAL_STRICT",
                                help="with --check, exit 1 when a judged target is not met "
                                     "(also PEACEGRAPH_EVAL_STRICT=1)"),
    fit_confidence: bool = typer.Option(False, "--fit-confidence", help="write the confidence model fitted on "
                                                                       "every report to " + str(WEIGHTS_FILE.name)),
) -> None:
    """Precision / recall / F1 per kind (tasks too), in-sample and leave-one-report-out, reliability, Council texts.

    Exit status: 0 when the evaluation ran (whatever the figures, unless --strict); 1 when a judged target is
    missed under --strict; 2 when the evaluation could not run (corpus, gold files or pages missing or broken,
    the graph not loaded, a failure inside the extractor)."""
    settings = get_settings()
    corpus = settings.reports_dir
    if pairs:
        if len(pairs) % 2:
            fail("give REPORT GOLD pairs (an even number of paths)", code=2)
        todo = list(zip(pairs[::2], pairs[1::2], strict=True))
    else:
        if not corpus.is_dir():
            fail(f"the reports corpus {corpus} is missing: set PEACEGRAPH_REPORTS_DIR to the folder of the shared "
                 "reports (it holds the report .txt files and press/)", code=2)
        todo = [(r, gold_path_for(r, DEFAULT_GOLD)) for r in sorted(corpus.glob("*.txt"))]
        todo = [(r, g) for r, g in todo if g.exists()] if reports else []
        if reports and not todo:
            fail(f"no reports with gold files found ({corpus}, {DEFAULT_GOLD})", code=2)
    if press and not pairs and not (corpus / "press").is_dir():
        fail(f"the Council pages {corpus / 'press'} are missing (expected beside the reports)", code=2)
    ctx = _context()
    if not ctx.gaz.of_kind("mission"):
        fail("the graph holds no operations: load the dataset first (`peacegraph seed load data/`)", code=2)
    try:
        runs, gate, gate_name, development = _run_evaluation(todo, ctx, corpus, min_confidence, loo,
                                                             press and not pairs, reports)
    except EvaluationBroken as exc:
        fail(f"the evaluation could not run: {exc}", code=2)
    except Exception as exc:  # a bug: the evaluation must not pass as if it had run
        console.print_exception()
        fail(f"the evaluation broke inside the extractor ({type(exc).__name__}: {exc})", code=2)
    if fit_confidence and runs.model is not None:
        write_atomic(WEIGHTS_FILE, runs.model.dump())
        out.print(f"confidence model fitted on {', '.join(runs.model.fitted_on)} written to {WEIGHTS_FILE}",
                  highlight=False)
    if not check:
        out.print(f"(`--check` prints the targets table, judged on the leave-one-report-out figures and the "
                  f"{gate_name})", highlight=False)
        return
    rows = target_rows(runs, gate, f"Council {gate_name}", development)
    out.print(_targets_table(rows))
    missed = [r for r in rows if r.judged and not r.met]
    if not missed:
        out.print(f"all {sum(r.judged for r in rows)} judged targets met", highlight=False)
        return
    for r in missed:
        console.print(f"[bold red]target not met:[/] {r.describe()}", highlight=False)
    if strict:
        raise typer.Exit(1)
    console.print(f"{len(missed)} of {sum(r.judged for r in rows)} judged targets not met; not failing "
                  "(a quality report: set PEACEGRAPH_EVAL_STRICT=1 or pass --strict to fail on it)", highlight=False)


class EvaluationBroken(Exception):
    """The evaluation cannot run on what it was given (a gold file or its pages missing or unreadable)."""


def _run_evaluation(todo: list[tuple[Path, Path]], ctx: ExtractContext, corpus: Path, min_confidence: float,
                    loo: bool, press: bool, reports: bool
                    ) -> tuple[Campaign, PressScore | None, str, PressScore | None]:
    """Score the reports and the Council sets, printing their tables; the Council score the targets are judged
    on (the held-out set, else the development sets together), its name, and the development sets together."""
    runs = Campaign()
    if reports and todo:
        try:
            runs = run_reports(todo, ctx, min_confidence, loo=loo)
        except (ReportError, OSError, GoldFileError) as exc:
            raise EvaluationBroken(str(exc)) from exc
        out.print(_score_table(f"reports vs gold (min confidence {min_confidence})", runs))
        if runs.held_out:
            out.print(_loo_table(runs))
        out.print(_reliability_table(runs))
    gate: PressScore | None = None
    gate_name = "development Council pages"
    development: PressScore | None = None
    if press:
        devs: list[PressScore] = []
        for pset in PRESS_SETS:
            try:
                if not pset.present(corpus):
                    out.print(f"{pset.title}: not present ({pset.gold.name} and its pages)", highlight=False)
                    continue
                score = run_press(pset.texts(corpus), pset.gold, ctx)
            except (OSError, GoldFileError) as exc:
                raise EvaluationBroken(f"Council set {pset.name}: {exc}") from exc
            out.print(_press_table(pset.title, score))
            for err in score.errors:
                out.print(f"  differs: {err}", highlight=False)
            if pset.heldout:
                gate, gate_name = score, f"held-out pages ({pset.name})"
            else:
                devs.append(score)
        if devs:
            development = combined(devs)
            out.print(_press_table("development sets together", development))
            if gate is None:
                gate, gate_name = development, "development pages (in-sample: no held-out set present)"
    return runs, gate, gate_name, development


def review(
    bundle: Path = typer.Argument(..., help="a bundle written by `seed extract` (its .review.yaml beside it)"),
    answers: Path = typer.Option(None, "--answers", help="scripted answers, one per line (a, r REASON, "
                                                         "e FIELD=VALUE …, s, q): for tests and batch use"),
    dry_run: bool = typer.Option(False, "--dry-run", help="count what would be written; change nothing"),
) -> None:
    """Walk the candidates best-first: evidence highlighted, graph matches, duplicates; accept, reject or edit."""
    from peacegraph.seed.review.tui import run_review

    code = run_review(bundle, answers, dry_run, out)
    if code:
        raise typer.Exit(code)
