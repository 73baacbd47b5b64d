"""Tasks named by the taxonomy's `phrases` (read from the graph): case-insensitive phrases, exact acronyms."""

from __future__ import annotations

import itertools

from peacegraph.seed.extract.gazetteer import Gazetteer
from peacegraph.seed.extract.mentions.base import Mention, tokens


def find_tasks(text: str, gaz: Gazetteer) -> list[Mention]:
    out: list[Mention] = []
    toks = tokens(text)
    n_toks = len(toks)
    i = 0
    while i < n_toks:
        hit = None
        for n in range(min(gaz.task_max_len, n_toks - i), 0, -1):
            seg = toks[i:i + n]
            if any("\n" in text[a.end:b.start] for a, b in itertools.pairwise(seg)):
                continue
            ids = gaz.task_names.get(tuple(t.norm for t in seg), set())
            if n == 1:
                ids = ids | gaz.task_exact.get(seg[0].text, set())
            if ids:
                hit = (n, ids)
                break
        if hit is None:
            i += 1
            continue
        n, ids = hit
        a, b = toks[i].start, toks[i + n - 1].end
        for task in sorted(ids):
            out.append(Mention("task", a, b, text[a:b], task, "gazetteer:task-phrase", 0.8))
        i += n
    return out
