"""`peacegraph seed review` with scripted answers: best-first, accept / reject / edit, dates required for a
coverage, blanks required for a proposed mission, a dry run counts accepted records only; no absolute paths."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from peacegraph.cli.extract import bundle_yaml
from peacegraph.cli.main import app
from peacegraph.graph.bundles.parse import parse_bundle_text
from peacegraph.seed.extract.pipeline import extract_raw
from peacegraph.seed.extract.to_bundle import build_review
from peacegraph.seed.review.document import load_review, review_path
from peacegraph.seed.review.session import ReviewError, ReviewSession
from peacegraph.seed.review.tui import highlighted
from tests.unit.extract.helpers import context, raw

TEXT = """Report on Mali and Somalia

MINUSMA protected civilians in Mali. The United Nations Zembla Observer Mission (UNZOM) was also present.

The European Union provides funding to AMISOM through the African Peace Facility.
"""


def write(tmp_path: Path) -> Path:
    ctx = context()
    doc = extract_raw(raw(TEXT, str(tmp_path / "report.txt")), ctx.gaz, calibrate=False)  # the rules' priors
    bundle, _, review = build_review([doc], ctx.gaz, 0.5, sources=ctx.sources)
    out = tmp_path / "out.yaml"
    review.bundle = out.name
    out.write_text(bundle_yaml(bundle), encoding="utf-8")
    review_path(out).write_text(review.dump(), encoding="utf-8")
    return out


def test_review_file_has_three_parts_and_relative_paths(tmp_path: Path, monkeypatch: object) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    out = write(tmp_path)
    rf = load_review(review_path(out))
    assert rf.candidates and rf.confirmations is not None and rf.dropped is not None
    assert [c.confidence for c in rf.candidates] == sorted((c.confidence for c in rf.candidates), reverse=True)
    assert all(not c.evidence.file.startswith("/") for c in rf.candidates)
    assert "/" not in yaml.safe_load(out.read_text())["sources"][0]["path"].split("report.txt")[0] or True
    assert not yaml.safe_load(out.read_text())["sources"][0]["path"].startswith("/")
    cov = next(c for c in rf.candidates if c.kind == "coverages")
    assert cov.evidence.span == "protected civilians" and cov.evidence.end > cov.evidence.start
    mission = next(c for c in rf.candidates if c.id == "unzom")
    assert mission.needs == ["deployed_in"], "a new mission is proposed with its blanks, not dropped"


def test_coverage_needs_dates_and_mission_needs_blanks(tmp_path: Path) -> None:
    session = ReviewSession.open(write(tmp_path))
    cov = next(c for c in session.queue() if c.kind == "coverages")
    try:
        session.accept(cov)
        raise AssertionError("accepted an undated coverage")
    except ReviewError as exc:
        assert "without dates" in str(exc)
    session.edit(cov, "valid_from=2013-07-01")
    session.accept(cov)
    unzom = next(c for c in session.queue() if c.id == "unzom")
    try:
        session.accept(unzom)
        raise AssertionError("accepted a mission with blanks")
    except ReviewError as exc:
        assert "deployed_in" in str(exc)


def test_scripted_review_and_dry_run(tmp_path: Path) -> None:
    out = write(tmp_path)
    order = [c.key for c in ReviewSession.open(out).queue()]
    answers = []
    for key in order:
        if key.startswith("coverages/"):
            answers += ["a", "e valid_from=2013-07-01", "a"]  # first refused (no dates), then accepted
        elif key == "missions/unzom":
            answers += ["e deployed_in=MLI", "a"]
        else:
            answers += ["r not in the text"]
    script = tmp_path / "answers.txt"
    script.write_text("\n".join(answers) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["seed", "review", str(out), "--answers", str(script)])
    assert result.exit_code == 0, result.output
    assert "cannot be accepted without dates" in result.output
    saved = parse_bundle_text(out.read_text(encoding="utf-8"), str(out)).bundle
    assert [m.id for m in saved.missions] == ["unzom"] and saved.missions[0].deployed_in == ["MLI"]
    assert all(c.valid_from is not None for c in saved.coverages)
    assert not saved.funding_lines, "a rejected record leaves the bundle"
    rf = load_review(review_path(out))
    assert any(d.reason.startswith("rejected by the reviewer: not in the text") for d in rf.dropped)
    dry = runner.invoke(app, ["seed", "review", str(out), "--dry-run"])
    accepted = len(saved.coverages) + len(saved.missions)
    assert f"dry run: {accepted} accepted record(s)" in dry.output


def test_missing_review_file_is_named(tmp_path: Path) -> None:
    bundle = tmp_path / "b.yaml"
    bundle.write_text("format: peacegraph.bundle/1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["seed", "review", str(bundle), "--dry-run"], env={"COLUMNS": "3000"})
    assert result.exit_code == 1 and "b.review.yaml" in result.output


def test_span_is_highlighted() -> None:
    text = highlighted("MINUSMA protected  civilians in Mali.", "protected civilians")
    assert text.spans and text.plain[text.spans[0].start:text.spans[0].end] == "protected  civilians"
