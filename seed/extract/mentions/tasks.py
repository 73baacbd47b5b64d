"""Task mentions from the task lexicon (`seed/extract/lexicon/tasks.yaml`), found with spaCy over lemmas.

Only body text is searched: a task named in a footnote, a reference list, a heading or the quoted title of a
cited work is not a task anyone performs. A `generic` lexicon word ("funding", "elections") counts only in a
sentence that also names an actor and has a task cue. Each mention records its evidence features in `data`
(how it was matched, whether a cue was present) for the confidence model.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from peacegraph.seed.extract.lexicon import Lexicon
from peacegraph.seed.extract.mentions.base import Mention
from peacegraph.seed.extract.taskmatch import matcher_for
from peacegraph.seed.extract.zones import Zone

TASK_CUE = re.compile(r"\b(?:mandat\w*|support\w*|assist\w*|help\w*|conduct\w*|engag\w*|undertak\w*|carr\w+ out|"
                      r"implement\w*|facilitat\w*|monitor\w*|protect\w*|work\w* with|task\w*|responsib\w*|"
                      r"provid\w*|train\w*|fund\w*|financ\w*|deploy\w*|focus\w*|priorit\w*|authori[sz]\w*|"
                      r"contribut\w*|promot\w*|strengthen\w*|ensur\w*|secur\w*|combat\w*|fight\w*|pay\w*)\b", re.I)
_BASE = {"phrase": 0.8, "acronym": 0.75, "pattern": 0.7, "generic": 0.55}
# the head nouns of names of bodies, programmes and documents: "Environmental Cooperation for Peacebuilding
# Programme", "Department of Political and Peacebuilding Affairs", "Mine Action Service"
_NAME_HEAD = frozenset({"programme", "program", "office", "department", "affairs", "unit", "section", "fund",
                        "commission", "committee", "strategy", "initiative", "centre", "center", "institute",
                        "network", "mechanism", "division", "service", "project", "paper", "framework", "team",
                        "group", "agency", "architecture", "review", "partnership", "trust", "facility"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CONNECTOR = frozenset({"of", "for", "and", "the", "on", "in", "to", "&"})


def in_proper_name(text: str, a: int, b: int) -> bool:
    """Whether a capitalised task phrase is part of a longer capitalised name that ends in a name's head noun
    ("… for Peacebuilding Programme"): a body, programme or document, not a task anyone performs."""
    if not text[a:b][:1].isupper():
        return False
    right = [m.group(0) for m in _WORD.finditer(text, b, min(len(text), b + 80))][:6]
    left = [m.group(0) for m in _WORD.finditer(text, max(0, a - 80), a)][-6:]
    names = []
    for w in right:
        if w[:1].isupper():
            names.append(w)
        elif w.lower() not in _CONNECTOR:
            break
    before = []
    for w in reversed(left):
        if w[:1].isupper():
            before.append(w)
        elif w.lower() not in _CONNECTOR:
            break
    return any(w.lower() in _NAME_HEAD for w in names) or (
        bool(before) and text[a:b].split()[-1].lower() in _NAME_HEAD)


def find_tasks(docs: Sequence[tuple[int, Doc]], sentences: Sequence[tuple[int, int]], text: str,
               zone_at: Callable[[int], Zone], titles: Sequence[tuple[int, int]], actors: Sequence[Mention],
               lexicon: Lexicon) -> list[Mention]:
    """Task mentions in the parsed body paragraphs `docs` (offset, doc), one per task key and span."""
    matcher = matcher_for(lexicon)
    actor_starts = sorted(m.start for m in actors if m.kind in {"mission", "organization"} and m.id)
    names = sorted((m.start, m.end) for m in actors if m.kind in {"mission", "organization"})
    name_starts = [a for a, _ in names]
    out: list[Mention] = []
    sent_starts = [s for s, _ in sentences]
    for offset, doc in docs:
        for hit in matcher.find(doc):
            a, b = offset + hit.start, offset + hit.end
            if zone_at(a) is not Zone.body or any(x <= a and b <= y for x, y in titles):
                continue
            n = bisect.bisect_right(name_starts, a) - 1
            if n >= 0 and names[n][1] > a:  # inside a name: "United Nations Development Programme"
                continue
            if in_proper_name(text, a, b):  # a name the gazetteer lacks: "… for Peacebuilding Programme"
                continue
            k = bisect.bisect_right(sent_starts, a) - 1
            s0, s1 = sentences[k] if k >= 0 else (a, b)
            sentence = text[s0:s1]
            j = bisect.bisect_left(actor_starts, s0)
            has_actor = j < len(actor_starts) and actor_starts[j] < s1
            cue = bool(TASK_CUE.search(sentence))
            if hit.via == "generic" and not (has_actor and cue):
                continue
            for key in lexicon.keys_for(hit.key):
                conf = _BASE[hit.via] + (0.05 if cue else -0.1) + (0.05 if has_actor else 0.0)
                out.append(Mention("task", a, b, text[a:b], key, f"lexicon:{hit.via}", round(min(conf, 0.95), 2),
                                   data={"via": hit.via, "cue": cue, "actor_in_sentence": has_actor,
                                         "origin": hit.origin, "lexicon_key": hit.key}))
    return out
