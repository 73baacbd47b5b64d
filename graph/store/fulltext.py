"""Free text as a query for the full-text index (cypher/search.cypher): the one place that writes Lucene syntax."""

from __future__ import annotations

import re

MAX_WORDS = 12


def lucene_query(text: str) -> str | None:
    """Each word of `text` (letters and digits only, lowercased, so never an operator or other syntax), fuzzy from
    four letters (typos), any of them; None when no word is left (Lucene refuses an empty query)."""
    words = [w.lower() for w in re.findall(r"[^\W_]+", text)][:MAX_WORDS]
    if not words:
        return None
    return " OR ".join(f"{w}~" if len(w) >= 4 else w for w in words)
