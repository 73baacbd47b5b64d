"""One report through the whole pipeline: read, normalise, find mentions, derive candidate facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from peacegraph.seed.extract.confidence import ConfidenceModel, load_model
from peacegraph.seed.extract.confidence import apply as apply_confidence
from peacegraph.seed.extract.gazetteer import Entry, Gazetteer
from peacegraph.seed.extract.lexicon import Lexicon, load_lexicon
from peacegraph.seed.extract.mentions.base import Mention
from peacegraph.seed.extract.mentions.citations import find_citations
from peacegraph.seed.extract.mentions.dates import find_dates
from peacegraph.seed.extract.mentions.entities import find_entities
from peacegraph.seed.extract.mentions.money import find_money
from peacegraph.seed.extract.mentions.tasks import find_tasks
from peacegraph.seed.extract.normalise import Normalised, normalise
from peacegraph.seed.extract.reading import RawReport, read_report
from peacegraph.seed.extract.relations import Fact, find_relations
from peacegraph.seed.extract.segment import segment
from peacegraph.seed.extract.zones import cited_titles


@dataclass
class DocResult:
    """Everything extracted from one report."""

    raw: RawReport
    norm: Normalised
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    new_entities: dict[tuple[str, str], Entry]
    facts: list[Fact]
    inner: dict[int, list[Mention]] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.raw.path

    def line(self, offset: int) -> int:
        return self.norm.line(offset)


def extract_raw(raw: RawReport, gaz: Gazetteer, lexicon: Lexicon | None = None,
                model: ConfidenceModel | None = None, calibrate: bool = True) -> DocResult:
    """Normalise, segment, find mentions (entities everywhere; tasks in body text) and derive candidate facts.

    With `calibrate`, fact confidence comes from `model` (default: the fitted weights file, when there is one);
    without, facts keep the rules' priors (what the model is fitted on).
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    norm = normalise(raw, gaz.lexicon())
    text = norm.text
    seg = segment(norm)
    sents = seg.sentences
    ents = find_entities(text, gaz)
    titles = cited_titles(text)
    tasks = find_tasks(seg.docs, sents, text, norm.zone_at, titles, ents.mentions, lex)
    mentions = sorted(
        ents.mentions + find_citations(text) + find_money(text) + find_dates(text) + tasks,
        key=lambda m: (m.start, m.end),
    )
    facts = find_relations(text, sents, mentions, gaz, ents.inner, norm.zone_at)
    for f in facts:
        f.data.setdefault("prior", f.confidence)
    if calibrate:
        apply_confidence(facts, model if model is not None else load_model())
    return DocResult(raw, norm, sents, mentions, ents.new, facts, ents.inner)


def extract_file(path: Path, gaz: Gazetteer, lexicon: Lexicon | None = None, model: ConfidenceModel | None = None,
                 calibrate: bool = True) -> DocResult:
    """Read and extract one report; raises ReportError for unusable input."""
    return extract_raw(read_report(path), gaz, lexicon, model, calibrate)
