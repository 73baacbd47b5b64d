"""Confidence from evidence features: the logistic model learns from outcomes and orders candidates by them."""

from __future__ import annotations

from pathlib import Path

from peacegraph.seed.extract.confidence import ConfidenceModel, features, fit, load_model
from peacegraph.seed.extract.evaluate import reliability


def test_features_say_where_the_evidence_came_from() -> None:
    f = features("performs_task", "cooccurrence:actor-task:generic", 0.5,
                 {"cue": True, "actor_resolved": "generic", "distance": 300, "modality": "hypothetical"})
    assert {"cue", "actor=generic", "far", "modality=hypothetical", "method=cooccurrence:actor-task"} <= set(f)


def test_fitted_model_ranks_better_evidence_higher() -> None:
    good = features("led_by", "name:lead-organization", 0.8, {})
    bad = features("performs_task", "cooccurrence:actor-task:generic", 0.4, {"actor_resolved": "generic"})
    model = fit([(good, True)] * 20 + [(bad, False)] * 15 + [(bad, True)] * 5, ["a", "b"])
    assert model.score(good) > 0.8 > model.score(bad)
    assert model.fitted_on == ["a", "b"]


def test_model_round_trip(tmp_path: Path) -> None:
    model = ConfidenceModel({"bias": 0.5, "prior": 1.0}, ["x"])
    path = tmp_path / "c.yaml"
    path.write_text(model.dump(), encoding="utf-8")
    back = load_model(path)
    assert back is not None and back.weights == model.weights
    assert load_model(tmp_path / "missing.yaml") is None


def test_reliability_bins() -> None:
    bins = reliability([(0.9, True, None), (0.85, False, None), (0.35, False, None)], (0.0, 0.5, 1.01))
    assert [(b.n, b.correct) for b in bins] == [(1, 0), (2, 1)]
    assert bins[1].precision == 0.5
