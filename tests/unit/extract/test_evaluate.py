"""Scoring of Council pages and the targets check, on decisions written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from peacegraph.seed.extract.campaign import Campaign, ReportRun, check_targets, target_rows
from peacegraph.seed.extract.evaluate import GoldFileError, PressScore, Score, load_press_gold, score_press


def decision(symbol: str | None, action: str, mission: str, end: dt.date | None, tasks: list[str]) -> object:
    return SimpleNamespace(symbol=symbol, action=action, mission=SimpleNamespace(id=mission), end_date=end,
                           tasks=tasks)


def test_press_scores() -> None:
    gold = {"a.txt": [{"symbol": "S/RES/1 (2000)", "action": "renew", "mission": "m", "end_date": dt.date(2000, 6, 30),
                       "tasks": ["x", "y"]}],
            "b.txt": [{"symbol": None, "action": "establish", "mission": "n", "end_date": None, "tasks": []}]}
    pred = {"a.txt": decision("S/RES/1 (2000)", "renew", "m", dt.date(2000, 6, 30), ["x"]),
            "b.txt": decision(None, "renew", "n", dt.date(2001, 1, 1), [])}
    s = score_press(pred, gold)
    assert (s.symbol.precision, s.symbol.recall) == (1.0, 1.0)
    assert (s.action.precision, s.action.recall) == (0.5, 0.5)
    assert s.end_date_accuracy == 1.0 and s.end_dates_spurious == 1
    assert (s.tasks.precision, s.tasks.recall) == (1.0, 0.5)
    assert any(e.startswith("b.txt: action") for e in s.errors)


def test_targets_are_checked_on_the_held_out_runs() -> None:
    good = {k: Score(10, 10, 10, 10) for k in ("tasks", "organizations", "relations")}
    weak = dict(good, tasks=Score(10, 10, 5, 5))
    runs = Campaign([ReportRun("r", good, [], 10, 10)], [ReportRun("r", weak, [], 10, 5)])
    failures = check_targets(runs, None)
    assert any("tasks F1" in f for f in failures) and any("reaching the bundle" in f for f in failures)


def test_the_targets_table_puts_the_held_out_figures_first_and_judges_only_them() -> None:
    good = {k: Score(10, 10, 10, 10) for k in ("tasks", "organizations", "relations")}
    weak = dict(good, relations=Score(10, 10, 5, 5))
    runs = Campaign([ReportRun("r", weak, [], 10, 10)], [ReportRun("r", good, [], 10, 10)])
    held = PressScore(pages=2, symbol=Score(2, 2, 2, 2), action=Score(2, 2, 1, 1), tasks=Score(4, 4, 4, 4),
                      end_dates=2, end_dates_correct=2)
    dev = PressScore(pages=3, symbol=Score(3, 3, 3, 3), action=Score(3, 3, 3, 3), tasks=Score(4, 4, 1, 1))
    rows = target_rows(runs, held, "Council heldout", dev)
    assert [r.scope for r in rows[:6]] == ["Council heldout"] * 6 and all(r.judged for r in rows[:6])
    assert [r.figure for r in rows if not r.met and r.judged] == ["action precision", "action recall"]
    assert {r.scope for r in rows if not r.judged} == {"Council development pages (in-sample)", "r (in-sample)"}
    assert any(r.figure == "relations F1" and not r.met and not r.judged for r in rows), \
        "in-sample figures are shown, not judged"


def test_a_broken_gold_file_says_which(tmp_path: Path) -> None:
    bad = tmp_path / "set.yaml"
    bad.write_text("texts: [a, b]\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"set\.yaml"):
        load_press_gold(bad)
    bad.write_text("texts: {a.txt: [unclosed\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"set\.yaml"):
        load_press_gold(bad)


def test_press_sets_and_their_sum(tmp_path: Path) -> None:
    from peacegraph.seed.extract.campaign import PRESS_SETS, PressSet, combined

    assert [s.name for s in PRESS_SETS if s.heldout] == ["heldout10"], "one held-out Council set: the gate"
    assert [s.name for s in PRESS_SETS if not s.heldout] == ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
                                                                   "dev11"], \
        "heldout2 is dev4 now, heldout3 dev5, heldout4 dev6, heldout5 dev7, heldout6 dev8, heldout7 dev9, heldout8 dev10, " \
        "heldout9 dev11"
    dev = next(s for s in PRESS_SETS if s.name == "dev")
    assert dev.texts(tmp_path) == tmp_path / "press", "dev lives in the corpus"
    gold = tmp_path / "x.yaml"
    pset = PressSet("x", "x", gold)
    assert not pset.present(tmp_path), "no gold file: the set is not here"
    gold.write_text("texts: {}\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="its pages are not"):
        pset.present(tmp_path)
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "p.txt").write_text("page", encoding="utf-8")
    assert pset.present(tmp_path) and pset.texts(tmp_path) == tmp_path / "x"
    a = score_press({"a.txt": decision("S/RES/1 (2000)", "renew", "m", dt.date(2000, 6, 30), ["x"])},
                    {"a.txt": [{"symbol": "S/RES/1 (2000)", "action": "renew", "mission": "m",
                                "end_date": dt.date(2000, 6, 30), "tasks": ["x", "y"]}]})
    both = combined([a, a])
    assert both.pages == 2 and both.tasks.gold == 4 and both.tasks.matched_gold == 2 and both.end_dates_correct == 2


def test_the_tasks_reach_counts_gold_tasks_the_lexicon_finds_on_their_page() -> None:
    gold = {"a.txt": [{"symbol": None, "action": "renew", "mission": "m", "end_date": None, "tasks": ["x", "y"]}],
            "b.txt": [{"symbol": None, "action": "renew", "mission": "n", "end_date": None, "tasks": ["z"]}]}
    pred = {"a.txt": decision(None, "renew", "m", None, []), "b.txt": decision(None, "renew", "n", None, [])}
    s = score_press(pred, gold, {"a.txt": {"x", "w"}, "b.txt": {"x"}})
    assert (s.tasks_in_reach, s.tasks.gold, round(s.tasks_reach, 2)) == (1, 3, 0.33)
    assert score_press(pred, gold).tasks_in_reach == 0


def test_tasks_on_a_page_are_every_key_the_lexicon_finds_there() -> None:
    from peacegraph.seed.extract.campaign import tasks_on_page
    from peacegraph.seed.extract.lexicon import load_lexicon

    found = tasks_on_page("The Council extended the mission to protect civilians and to monitor the ceasefire.",
                          load_lexicon())
    assert {"civilian_protection", "ceasefire_monitoring"} <= found
    assert "electoral_assistance" not in found
