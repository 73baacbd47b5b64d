"""`peacegraph seed extract` and `peacegraph seed evaluate` (registered on `peacegraph seed` by the CLI's main)."""

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
from peacegraph.seed.extract.evaluate import KINDS, gold_path_for, load_gold, predictions, score_report
from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.pipeline import DocResult, extract_raw
from peacegraph.seed.extract.reading import RawReport, ReportError, read_report
from peacegraph.seed.extract.to_bundle import BundleSummary, build_bundle

DEFAULT_GOLD = Path("tests") / "seed" / "extract" / "gold"


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


def print_summary(summary: BundleSummary, output: Path, docs: list[DocResult]) -> None:

    table = Table(title=f"candidate facts written to {output} (review: pending)")
    table.add_column("kind")
    table.add_column("records", justify="right")
    for kind, n in sorted(summary.counts.items()):
        table.add_row(kind, str(n))
    out.print(table)
    mentions = sum(len(d.mentions) for d in docs)
    out.print(f"{len(docs)} report(s), {mentions} mentions, {summary.facts} candidate relations at or above the "
              "threshold")
    if summary.new_entities:
        out.print(f"new entities proposed ({len(summary.new_entities)}):")
        for item in summary.new_entities[:40]:
            out.print(f"  + {item}", highlight=False, markup=False)
        if len(summary.new_entities) > 40:
            out.print(f"  … and {len(summary.new_entities) - 40} more")
    for why, n in summary.skipped.items():
        out.print(f"not written: {n} {why}", highlight=False)


def extract(
    reports: list[Path] = typer.Argument(..., help="report files: .txt, .md or .pdf"),
    output: Path = typer.Option(..., "-o", "--output", help="the bundle to write (YAML)"),
    min_confidence: float = typer.Option(0.5, "--min-confidence", min=0.0, max=1.0,
                                         help="leave out candidates below this confidence"),
) -> None:
    """Extract candidate facts from reports into a bundle to review, then load with `peacegraph seed load`."""

    try:
        raws = read_reports(reports)
    except ExceptionGroup as group:
        for exc in group.exceptions:
            console.print(f"[bold red]error:[/] {exc}", highlight=False)
        console.print(f"nothing was written ({output} not created)", highlight=False)
        raise typer.Exit(1) from None

    async def work(graph: Database) -> Gazetteer:
        return await Gazetteer.from_graph(graph)

    gaz = with_graph(work)
    docs = [extract_raw(raw, gaz) for raw in raws]
    bundle, summary = build_bundle(docs, gaz, min_confidence)
    text = bundle_yaml(bundle)
    try:
        parse_bundle_text(text, str(output))
    except BundleInvalid as exc:  # a bug in the extractor: say so, write nothing
        fail(f"the extracted bundle does not validate (nothing written): {exc}")
    write_atomic(output, text)
    print_summary(summary, output, docs)

def evaluate(
    pairs: list[Path] = typer.Argument(None, help="REPORT GOLD pairs (default: the three shared reports "
                                                   "against tests/seed/extract/gold/<stem>.yaml)"),
    min_confidence: float = typer.Option(0.5, "--min-confidence", min=0.0, max=1.0),
) -> None:
    """Precision / recall / F1 per kind against gold files (see seed/extract/evaluate.py for the rule)."""

    if pairs:
        if len(pairs) % 2:
            fail("give REPORT GOLD pairs (an even number of paths)")
        todo = list(zip(pairs[::2], pairs[1::2], strict=True))
    else:
        todo = [(r, gold_path_for(r, DEFAULT_GOLD)) for r in sorted(get_settings().reports_dir.glob("*.txt"))]
        todo = [(r, g) for r, g in todo if g.exists()]
        if not todo:
            fail(f"no reports with gold files found ({get_settings().reports_dir}, {DEFAULT_GOLD})")

    async def work(graph: Database) -> Gazetteer:
        return await Gazetteer.from_graph(graph)

    gaz = with_graph(work)
    for report, gold_file in todo:
        try:
            doc = extract_raw(read_report(report), gaz)
        except ReportError as exc:
            fail(str(exc))
            return
        scores = score_report(predictions(doc, gaz, min_confidence), load_gold(gold_file))
        table = Table(title=f"{report.name} vs {gold_file.name}")
        for col in ("kind", "gold", "predicted", "precision", "recall", "F1"):
            table.add_column(col, justify="left" if col == "kind" else "right")
        for kind in KINDS:
            s = scores[kind]
            table.add_row(kind, str(s.gold), str(s.predicted), f"{s.precision:.2f}", f"{s.recall:.2f}",
                          f"{s.f1:.2f}")
        out.print(table)
