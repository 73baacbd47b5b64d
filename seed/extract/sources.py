"""Which Source a file is: the graph's own when the same content (or the same address) is already there.

The model's Source has no content hash, so the graph's sources are matched through the files their `path`
names: a path is looked for under the working directory, the reports folder and its parent (the dataset writes
`reports/<file>`); the file whose SHA-256 equals the extracted file's gives its Source id. A Council page is
also matched by its `url`. Paths written into a bundle are relative, never absolute.
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


class SourceIndex:
    """The graph's sources, with the content hash of each one's file where the file can be found."""

    def __init__(self, rows: Iterable[Mapping[str, Any]], reports_dir: Path | None = None) -> None:
        self.rows = [SourceRow(str(r["id"]), r.get("path"), r.get("url")) for r in rows]
        self.reports_dir = reports_dir
        self._hashes: dict[str, str] | None = None

    def _candidates(self, rel: str) -> list[Path]:
        rp = Path(rel)
        out = [Path.cwd() / rp]
        if self.reports_dir is not None:
            out += [self.reports_dir.parent / rp, self.reports_dir / rp.name]
        return out

    def hashes(self) -> dict[str, str]:
        """content hash -> source id, for every graph source whose file is found."""
        if self._hashes is None:
            self._hashes = {}
            for row in self.rows:
                if not row.path:
                    continue
                for cand in self._candidates(row.path):
                    if cand.is_file():
                        self._hashes.setdefault(sha256(cand.read_bytes()), row.id)
                        break
        return self._hashes

    def find(self, data: bytes, url: str | None = None) -> str | None:
        """The id of the graph Source with the same content (or the same address), or None."""
        hit = self.hashes().get(sha256(data))
        if hit:
            return hit
        if url:
            norm = url.rstrip("/").lower()
            for row in self.rows:
                if row.url and row.url.rstrip("/").lower() == norm:
                    return row.id
        return None
