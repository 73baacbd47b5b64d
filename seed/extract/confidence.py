"""Confidence of a candidate fact from its evidence features, calibrated on the gold annotations.

Features of a fact: the rule that found it (method family), the relation, the rule's own prior, whether a cue
word was in the sentence, how the actor was resolved (named, enumeration lead-in, generic word), whether actor
and task stood far apart, and the modality. A logistic model over them is fitted on the gold files
(`peacegraph seed evaluate --fit-confidence` writes `seed/extract/lexicon/confidence.yaml`); with it, confidence
estimates the chance that a candidate is right, which the reliability table checks. Facts of kinds the gold
files do not annotate keep the rule's prior. Without a weights file, every fact keeps the rule's prior.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

WEIGHTS_FILE = Path(__file__).parent / "lexicon" / "confidence.yaml"
FORMAT = "peacegraph.confidence/1"
CALIBRATED = frozenset({"led_by", "deployed_in", "mandated_by", "performs_task", "succeeded_by", "funded_by",
                        "partner_of"})


def features(relation: str, method: str, prior: float, data: dict[str, Any]) -> dict[str, float]:
    """The evidence features of one fact (names -> values)."""
    family = ":".join(method.split(":")[:2])
    out: dict[str, float] = {"bias": 1.0, "prior": prior, f"rel={relation}": 1.0, f"method={family}": 1.0}
    if data.get("cue"):
        out["cue"] = 1.0
    how = data.get("actor_resolved")
    if how in {"generic", "enumeration"}:
        out[f"actor={how}"] = 1.0
    if float(data.get("distance") or 0) > 220:
        out["far"] = 1.0
    mod = data.get("modality")
    if mod and mod != "actual":
        out[f"modality={mod}"] = 1.0
    if "amount" in data:
        out["amount"] = 1.0
    if relation == "performs_task":  # what tells a task of the actor from a task merely near it
        if data.get("actor_kind") == "organization":
            out["actor=organization"] = 1.0
        if data.get("actor_before") is False:
            out["actor_after_task"] = 1.0
        if data.get("mandate_cue"):
            out["mandate_cue"] = 1.0
        if data.get("clause_break"):
            out["clause_break"] = 1.0
        if int(data.get("actors_in_sentence") or 1) > 1:
            out["several_actors"] = 1.0
        if float(data.get("distance") or 0) < 80:
            out["close"] = 1.0
        if data.get("actor_acts"):
            out["actor_acts"] = 1.0
        if data.get("coordinated"):
            out["coordinated_actor"] = 1.0
        if data.get("task_via") in {"generic", "pattern"}:
            out[f"task_via={data['task_via']}"] = 1.0
    return out


@dataclass
class ConfidenceModel:
    """Logistic weights per feature; `fitted_on` names the reports the weights were fitted on."""

    weights: dict[str, float] = field(default_factory=dict)
    fitted_on: list[str] = field(default_factory=list)

    def score(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def dump(self) -> str:
        return yaml.safe_dump({"format": FORMAT, "fitted_on": self.fitted_on,
                               "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}},
                              sort_keys=False)


def fit(samples: Sequence[tuple[dict[str, float], bool]], fitted_on: Iterable[str], l2: float = 0.5,
        steps: int = 600, rate: float = 0.3) -> ConfidenceModel:
    """Logistic regression by gradient descent, with an L2 penalty that keeps rare features near zero."""
    names = sorted({k for f, _ in samples for k in f})
    w = dict.fromkeys(names, 0.0)
    n = max(1, len(samples))
    for _ in range(steps):
        grad = dict.fromkeys(names, 0.0)
        for feats, ok in samples:
            z = sum(w[k] * v for k, v in feats.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = p - (1.0 if ok else 0.0)
            for k, v in feats.items():
                grad[k] += err * v
        for k in names:
            penalty = 0.0 if k == "bias" else l2 * w[k]
            w[k] -= rate * (grad[k] / n + penalty / n)
    return ConfidenceModel(w, sorted(fitted_on))


def load_model(path: Path = WEIGHTS_FILE) -> ConfidenceModel | None:
    """The fitted weights, or None when there is no weights file."""
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a confidence model (`format: {FORMAT}` missing)")
    return ConfidenceModel({str(k): float(v) for k, v in (data.get("weights") or {}).items()},
                           list(data.get("fitted_on") or []))


def apply(facts: Iterable[Any], model: ConfidenceModel | None) -> None:
    """Replace the prior of every calibrated fact by the model's estimate (keeping the prior in `data`)."""
    if model is None:
        return
    for f in facts:
        if f.relation not in CALIBRATED:
            continue
        prior = float(f.data.get("prior", f.confidence))
        f.data["prior"] = prior
        f.confidence = round(model.score(features(f.relation, f.method, prior, f.data)), 2)

# The bundle is a review queue sorted best-first; candidates below this go to the review file's dropped part.
# Set low for recall (a reviewer rejects quickly, but cannot accept what never reached the queue); see the README
# for the figures at 0.3, 0.4 and 0.5.
DEFAULT_THRESHOLD = 0.3
