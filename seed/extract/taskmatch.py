"""Find the lexicon's tasks in text with spaCy's PhraseMatcher (lemmas, acronyms) and Matcher (lemma patterns).

A hit inside one of the task's exclusion phrases is dropped; where hits overlap, the longest wins (the same span
may still name two tasks when two entries share a phrase).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from peacegraph.seed.extract.lexicon import Lexicon, LexiconError
from peacegraph.seed.extract.nlp import pipeline

_SKIP = re.compile(r"^~(\d)$")


@dataclass(frozen=True)
class TaskHit:
    """A span naming a task; `generic` hits count only with an actor and a cue in the same sentence."""

    key: str
    start: int  # character offsets in the parsed text
    end: int
    text: str
    via: str  # phrase | acronym | pattern | generic
    origin: str | None


def pattern_tokens(pattern: str, where: str) -> list[dict[str, Any]]:
    """`protect|protection ~3 civilian` -> Matcher token dicts over lower-case lemmas."""
    toks: list[dict[str, Any]] = []
    for part in pattern.split():
        skip = _SKIP.match(part)
        if skip:
            toks.append({"OP": "{0," + skip.group(1) + "}"})
            continue
        choices = [c for c in part.split("|") if c]
        if not choices:
            raise LexiconError(f"{where}: empty token in pattern {pattern!r}")
        toks.append({"LEMMA": {"IN": choices}} if len(choices) > 1 else {"LEMMA": choices[0]})
    if not toks or "OP" in toks[0] or "OP" in toks[-1]:
        raise LexiconError(f"{where}: a pattern must start and end with a word: {pattern!r}")
    return toks


class TaskMatcher:
    """Matchers built once for one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        nlp = pipeline()
        self.lexicon = lexicon
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.excl = PhraseMatcher(nlp.vocab, attr="LEMMA")
        # one Matcher per pattern, run only on texts that hold every word of it (the Matcher is the slow part)
        self.patterns: list[tuple[list[tuple[str, ...]], Matcher]] = []
        self.labels: dict[int, tuple[str, str, str | None]] = {}  # match id -> (task key, via, origin)
        for key, entry in lexicon.tasks.items():
            for via, items in (("phrase", entry.phrases), ("generic", entry.generic)):
                for n, item in enumerate(items):
                    label = f"{key}|{via}|{n}"
                    self.lemma.add(label, [nlp(item.text)])
                    self.labels[nlp.vocab.strings[label]] = (key, via, item.origin)
            for n, item in enumerate(entry.acronyms):
                label = f"{key}|acronym|{n}"
                self.orth.add(label, [nlp.make_doc(item.text)])
                self.labels[nlp.vocab.strings[label]] = (key, "acronym", item.origin)
            for n, item in enumerate(entry.patterns):
                label = f"{key}|pattern|{n}"
                one = Matcher(nlp.vocab)
                one.add(label, [pattern_tokens(item.text, f"tasks.{key}.patterns[{n}]")])
                anchors = [tuple(c[:4] for c in part.split("|")) for part in item.text.split() if not _SKIP.match(part)]
                self.patterns.append((anchors, one))
                self.labels[nlp.vocab.strings[label]] = (key, "pattern", item.origin)
            for n, item in enumerate(entry.exclusions):
                self.excl.add(f"{key}|excl|{n}", [nlp(item.text)])

    def find(self, doc: Doc | Span) -> list[TaskHit]:
        """Task hits in a parsed text or sentence, longest first where they overlap."""
        raw: list[tuple[int, int, str, str, str | None]] = []
        lower = doc.text.lower()
        matchers: list[PhraseMatcher | Matcher] = [m for m in (self.lemma, self.orth) if len(m)]
        matchers += [one for anchors, one in self.patterns
                     if all(any(c in lower for c in word) for word in anchors)]
        for matcher in matchers:
            for mid, s, e in matcher(doc):
                key, via, origin = self.labels[mid]
                raw.append((s, e, key, via, origin))
        if not raw:
            return []
        strings = pipeline().vocab.strings
        excluded: dict[str, list[tuple[int, int]]] = {}
        for mid, s, e in (self.excl(doc) if len(self.excl) else []):
            excluded.setdefault(strings[mid].split("|")[0], []).append((s, e))
        raw.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int, str]] = []
        hits: list[TaskHit] = []
        base = doc.start if isinstance(doc, Span) else 0
        whole = doc.doc if isinstance(doc, Span) else doc
        for s, e, key, via, origin in raw:
            if any(a <= s and e <= b for a, b in excluded.get(key, [])):
                continue
            if any(not (e <= a or b <= s) and (b - a > e - s or k == key) for a, b, k in taken):
                continue
            taken.append((s, e, key))
            span = whole[base + s:base + e]
            hits.append(TaskHit(key, span.start_char, span.end_char, span.text, via, origin))
        return sorted(hits, key=lambda h: (h.start, h.key))


_MATCHERS: dict[int, tuple[Lexicon, TaskMatcher]] = {}


def matcher_for(lexicon: Lexicon) -> TaskMatcher:
    """The matcher of a lexicon, built once per lexicon object."""
    got = _MATCHERS.get(id(lexicon))
    if got is None or got[0] is not lexicon:
        got = (lexicon, TaskMatcher(lexicon))
        _MATCHERS[id(lexicon)] = got
    return got[1]
