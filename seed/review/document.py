"""The review file (`<bundle>.review.yaml`): the three parts of an extraction and the evidence for each record.

An extracted bundle `X.yaml` holds the *new records* that validate (every one `review: pending`); `X.review.yaml`
beside it holds, in format `peacegraph.review/1`:

- `candidates`: one entry per new record (the bundle's, plus proposed entities that still have blanks the
  reviewer must fill, `needs: [deployed_in]`), with its confidence, the evidence features behind it, the
  evidence (file, line, character span, sentence), the graph records it may duplicate, and the decision;
- `confirmations`: facts the graph already holds that this source also states (the source is cited for them);
- `dropped`: candidates not proposed, each with the reason (below the threshold, no place for the task, …).

Paths are relative (to the working directory, or to the reports folder); never absolute.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

FORMAT = "peacegraph.review/1"
DECISIONS = ("pending", "accepted", "rejected")


@dataclass
class Evidence:
    """Where a candidate was read: file (relative), line, character span in the file, the span and its sentence."""

    file: str
    line: int
    start: int
    end: int
    span: str
    sentence: str


@dataclass
class Candidate:
    """A proposed new record (`kind` is its bundle section) and what the reviewer needs to judge it."""

    kind: str
    id: str
    record: dict[str, Any]
    confidence: float
    evidence: Evidence
    features: dict[str, Any] = field(default_factory=dict)
    matches: list[str] = field(default_factory=list)  # graph records it may be ("mission unmik: UN Interim …")
    duplicates: list[str] = field(default_factory=list)  # other candidates for the same thing (kind/id)
    needs: list[str] = field(default_factory=list)  # required fields still blank
    decision: str = "pending"
    note: str | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.id}"


@dataclass
class Confirmation:
    """A fact already in the graph that this source states too."""

    kind: str
    id: str
    fact: str
    confidence: float
    evidence: Evidence
    differences: dict[str, Any] = field(default_factory=dict)  # field -> {graph: ..., text: ...}
    also_at: list[int] = field(default_factory=list)  # further lines of the same file stating it
    decision: str = "pending"


@dataclass
class Dropped:
    """A candidate that was not proposed, and why."""

    kind: str
    what: str
    reason: str
    confidence: float
    evidence: Evidence | None = None


@dataclass
class ReviewFile:
    """The whole review file."""

    bundle: str
    candidates: list[Candidate] = field(default_factory=list)
    confirmations: list[Confirmation] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        return {"format": FORMAT, "bundle": self.bundle,
                "candidates": [asdict(c) for c in self.candidates],
                "confirmations": [asdict(c) for c in self.confirmations],
                "dropped": [asdict(d) for d in self.dropped]}

    def dump(self) -> str:
        return yaml.safe_dump(self.to_data(), sort_keys=False, allow_unicode=True, width=110)


class ReviewFileError(ValueError):
    """The review file is missing or malformed; the message names the file."""


def review_path(bundle: Path) -> Path:
    """`X.yaml` -> `X.review.yaml` beside it."""
    return bundle.with_name(bundle.stem + ".review" + (bundle.suffix or ".yaml"))


def _evidence(raw: Any) -> Evidence | None:
    return Evidence(**raw) if isinstance(raw, dict) else None


def load_review(path: Path) -> ReviewFile:
    """Read a review file; raises ReviewFileError naming the file and the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReviewFileError(f"{path}: cannot read the review file ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ReviewFileError(f"{path}: not a review file (`format: {FORMAT}` missing)")
    try:
        cands = [Candidate(**{**c, "evidence": _evidence(c["evidence"])}) for c in data.get("candidates") or []]
        confs = [Confirmation(**{**c, "evidence": _evidence(c["evidence"])}) for c in data.get("confirmations") or []]
        drops = [Dropped(**{**d, "evidence": _evidence(d.get("evidence"))}) for d in data.get("dropped") or []]
    except (TypeError, KeyError) as exc:
        raise ReviewFileError(f"{path}: malformed entry ({exc})") from exc
    return ReviewFile(str(data.get("bundle") or ""), cands, confs, drops)
