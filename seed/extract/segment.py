"""Blocks and sentences of normalised text, from spaCy's sentencizer, never across a zone boundary.

A block is a paragraph or a list item (the normaliser ends each with a line break). Body blocks are parsed with
the shared spaCy pipeline (tokens, lemmas, sentences) once, and the parsed blocks are reused by the task finder;
other zones are split with the plain rule (`normalise.sentences`). A sentence break spaCy puts after a known
abbreviation (`Lt. Gen.`, `para.`) is undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from peacegraph.seed.extract.nlp import pipeline
from peacegraph.seed.extract.normalise import _ABBREV, Normalised, sentences
from peacegraph.seed.extract.zones import Zone

_BLOCK = re.compile(r"[^\n]+")


@dataclass
class Segmented:
    """Sentence spans of the whole text and the parsed body blocks (offset, doc)."""

    sentences: list[tuple[int, int]]
    docs: list[tuple[int, Doc]]


def segment(norm: Normalised) -> Segmented:
    """Split the normalised text into sentences; parse the body blocks with spaCy."""
    text = norm.text
    body: list[tuple[int, int]] = []
    other: list[tuple[int, int]] = []
    for m in _BLOCK.finditer(text):
        if not m.group(0).strip():
            continue
        zone = norm.zone_at(m.start())
        (body if zone in (Zone.body, Zone.heading) else other).append((m.start(), m.end()))
    nlp = pipeline()
    docs = list(zip((a for a, _ in body), nlp.pipe(text[a:b] for a, b in body), strict=True))
    sents: list[tuple[int, int]] = []
    for offset, doc in docs:
        spans: list[tuple[int, int]] = []
        for s in doc.sents:
            a, b = offset + s.start_char, offset + s.end_char
            if spans and _ABBREV.search(text[max(spans[-1][0], spans[-1][1] - 12):spans[-1][1]].rstrip()):
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        sents.extend((a, b) for a, b in spans if text[a:b].strip())
    for a, b in other:
        sents.extend((a + x, a + y) for x, y in sentences(text[a:b]))
    sents.sort()
    return Segmented(sents, docs)
