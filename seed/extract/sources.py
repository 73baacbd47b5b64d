"""Which Source a file is: the graph's own when the same content (or the same address) is already there.

The graph's sources carry `content_hash`, the SHA-256 of their text; a file whose text has the same hash is that
Source, wherever it lies now. A Council page is also matched by its `url`. New Sources are written with their
`content_hash`. Paths written into a bundle are relative, never absolute.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def relative_path(path: Path, reports_dir: Path | None = None) -> str:
    """The path relative to the working directory, else to the reports folder's parent, else the file name."""
    p = path.resolve()
    bases = [Path.cwd().resolve()]
    if reports_dir is not None:
        bases.append(reports_dir.resolve().parent)
    for base in bases:
        try:
            return p.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.name


@dataclass(frozen=True)
class SourceRow:
    id: str
    path: str | None
    url: str | None
    content_hash: str | None = None


class SourceIndex:
    """The graph's sources, by content hash and by address."""

    def __init__(self, rows: Iterable[Mapping[str, Any]], reports_dir: Path | None = None) -> None:
        self.rows = [SourceRow(str(r["id"]), r.get("path"), r.get("url"), r.get("content_hash")) for r in rows]
        self.reports_dir = reports_dir
        self._by_hash: dict[str, str] = {}
        for row in self.rows:
            if row.content_hash:
                self._by_hash.setdefault(row.content_hash, row.id)

    def find(self, data: bytes, url: str | None = None) -> str | None:
        """The id of the graph Source with the same content hash (or the same address), or None."""
        hit = self._by_hash.get(sha256(data))
        if hit:
            return hit
        if url:
            norm = url.rstrip("/").lower()
            for row in self.rows:
                if row.url and row.url.rstrip("/").lower() == norm:
                    return row.id
        return None
