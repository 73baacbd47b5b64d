"""The review of one extracted bundle: decisions on candidates, applied to the bundle and its review file.

Rules: a candidate with blanks (`needs`) cannot be accepted until they are filled (edit); a coverage cannot be
accepted without dates (`valid_from`, and `valid_to` if it ended); a record that refers to a proposed entity
waits until that entity is accepted. A rejected record leaves the bundle and goes to the review file's dropped
part with the reviewer's reason, so a dry run of the saved bundle counts accepted records only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from peacegraph.graph.bundles.parse import BundleInvalid, dump_bundle, parse_bundle_text
from peacegraph.seed.review.document import Candidate, Dropped, ReviewFile, load_review, review_path

REQUIRED: dict[str, tuple[str, ...]] = {"missions": ("led_by", "deployed_in"), "coverages": ("valid_from",)}
_REFS = {"mandates": ("authorizes",), "coverages": ("actor",), "funding_lines": ("recipient", "funders")}


class ReviewError(ValueError):
    """A decision that cannot be applied (the message says what to do instead)."""


def parse_value(text: str) -> Any:
    """A field value typed by the reviewer: YAML (`[MLI, NER]`, `2014-09-15`, `0.8`), or a comma list."""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        value = text
    if isinstance(value, str) and "," in value:
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@dataclass
class ReviewSession:
    """A bundle (as data) and its review file, with the decisions taken so far."""

    bundle_path: Path
    data: dict[str, Any]
    review: ReviewFile
    log: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, bundle_path: Path) -> ReviewSession:
        """Read the bundle and the review file beside it (ReviewError naming the file when one is missing)."""
        rpath = review_path(bundle_path)
        if not bundle_path.is_file():
            raise ReviewError(f"{bundle_path}: no such bundle")
        if not rpath.is_file():
            raise ReviewError(f"{rpath}: no review file beside the bundle (write both with `peacegraph seed extract`)")
        data = yaml.safe_load(bundle_path.read_text(encoding="utf-8")) or {}
        return cls(bundle_path, data, load_review(rpath))

    # queries --------------------------------------------------------------------------------------------------
    def queue(self) -> list[Candidate]:
        """Pending candidates, best first."""
        return sorted((c for c in self.review.candidates if c.decision == "pending"),
                      key=lambda c: (-c.confidence, c.kind, c.id))

    def _records(self, kind: str) -> list[dict[str, Any]]:
        return self.data.setdefault(kind, [])

    def _in_bundle(self, cand: Candidate) -> dict[str, Any] | None:
        return next((r for r in self._records(cand.kind) if r.get("id") == cand.id), None)

    def needs(self, cand: Candidate) -> list[str]:
        """Required fields still blank (and a candidate id that still needs its real symbol)."""
        rec = cand.record
        out = [f for f in REQUIRED.get(cand.kind, ()) if not rec.get(f)]
        if cand.kind == "mandates" and str(rec.get("id", "")).startswith("cand:"):
            out.append("id (the resolution symbol)")
        return out

    def _waiting_on(self, cand: Candidate) -> list[str]:
        pending = {c.id for c in self.review.candidates if c.kind in {"missions", "organizations"}
                   and c.decision != "accepted"}
        refs: list[str] = []
        for f in _REFS.get(cand.kind, ()):
            v = cand.record.get(f)
            refs += v if isinstance(v, list) else ([v] if v else [])
        return [r for r in refs if r in pending]

    # decisions ------------------------------------------------------------------------------------------------
    def accept(self, cand: Candidate) -> None:
        missing = self.needs(cand)
        if missing:
            if cand.kind == "coverages" and "valid_from" in missing:
                raise ReviewError("a coverage cannot be accepted without dates: edit valid_from "
                                  "(e valid_from=YYYY-MM-DD, and valid_to if it ended)")
            raise ReviewError(f"fill {', '.join(missing)} first (e FIELD=VALUE)")
        waiting = self._waiting_on(cand)
        if waiting:
            raise ReviewError(f"accept {', '.join(waiting)} first: this record refers to it")
        cand.record.setdefault("extraction", {})["review"] = "accepted"
        cand.needs = []
        cand.decision = "accepted"
        rec = self._in_bundle(cand)
        if rec is None:
            self._records(cand.kind).append(cand.record)
        else:
            rec.clear()
            rec.update(cand.record)
        self.log.append(f"accepted {cand.key}")

    def reject(self, cand: Candidate, reason: str) -> None:
        cand.decision = "rejected"
        cand.note = reason or None
        self.data[cand.kind] = [r for r in self._records(cand.kind) if r.get("id") != cand.id]
        self.review.dropped.append(Dropped(cand.kind, cand.id, f"rejected by the reviewer: {reason or 'no reason'}",
                                           cand.confidence, cand.evidence))
        self.log.append(f"rejected {cand.key}")

    def edit(self, cand: Candidate, assignment: str) -> None:
        if "=" not in assignment:
            raise ReviewError("edit as FIELD=VALUE, e.g. e valid_from=2014-09-15 or e deployed_in=MLI,NER")
        name, _, raw = assignment.partition("=")
        name = name.strip()
        if name in {"extraction", "cites"}:
            raise ReviewError(f"{name} is kept by the extractor; edit the fact's own fields")
        old_id = cand.id
        value = parse_value(raw.strip())
        if cand.kind in REQUIRED and name in REQUIRED[cand.kind] and isinstance(value, str) and name != "valid_from":
            value = [value]
        cand.record[name] = value
        if name == "id":
            cand.id = str(value)
        cand.needs = self.needs(cand)
        rec = next((r for r in self._records(cand.kind) if r.get("id") == old_id), None)
        if rec is not None:
            rec[name] = value
        self.log.append(f"edited {cand.kind}/{old_id}: {name}")

    # results --------------------------------------------------------------------------------------------------
    def counts(self) -> Counter[str]:
        """Records a load would write now: accepted ones only (sources counted when something cites them)."""
        out: Counter[str] = Counter()
        for kind, recs in self.data.items():
            if not isinstance(recs, list) or kind == "sources":
                continue
            out[kind] += sum(1 for r in recs if (r.get("extraction") or {}).get("review") == "accepted")
        return out

    def bundle_text(self) -> str:
        """The bundle as it would be saved: accepted and pending records, validated (BundleInvalid if not)."""
        text = yaml.safe_dump(self.data, sort_keys=False, allow_unicode=True, width=110)
        return dump_bundle(parse_bundle_text(text, str(self.bundle_path)).bundle)

    def save(self) -> None:
        """Write the bundle and the review file (each whole or not at all)."""
        try:
            text = self.bundle_text()
        except BundleInvalid as exc:
            raise ReviewError(f"the reviewed bundle does not validate, nothing saved:\n{exc}") from exc
        _write(self.bundle_path, text)
        _write(review_path(self.bundle_path), self.review.dump())


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
