"""A local note of the load in flight, so that a load cut short by a crash can say afterwards what became of it.

The note (a small JSON file per database under the state folder) is written when a load starts writing, follows its
phase (writing → committing; bulk: staging → publishing) and is removed once it has committed. A note found at the
next start means the load before was interrupted; its phase says whether anything can have landed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from peacegraph.graph.settings import Settings


@dataclass
class Note:
    """One load in flight: its id, files, start, phase, and whether it went the bulk way."""

    load_id: str
    files: list[str]
    started: str
    phase: str = "writing"
    bulk: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def outcome(self) -> str:
        """What an interruption in this phase left behind, in words."""
        n = len(self.files)
        what = f"{n} file{'s' if n != 1 else ''} ({', '.join(self.files[:5])}{', …' if n > 5 else ''})"
        if self.phase == "committing":
            return (f"the connection was lost while the load of {what} was committing: a load lands whole or not at "
                    "all, so either every file landed or none did; `peacegraph seed load --dry-run` on the same "
                    "files shows which (0 new and 0 updated: it landed)")
        if self.phase == "publishing":
            return (f"the load of {what} was publishing: the next load (or `peacegraph db cleanup`) settles it, "
                    "publishing the rest if every record was staged, else removing what was, and says which")
        if self.phase in ("committed", "published"):
            return f"the load of {what} had committed: all of it landed"
        staged = " (its staged batches were never visible and are removed by the next load)" \
            if self.phase == "staging" else ""
        return f"the load of {what} had not committed: none of its files was written{staged}"


class Journal:
    """The note file for one database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.note: Note | None = None

    @classmethod
    def for_settings(cls, settings: Settings) -> Journal:
        where = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{settings.uri}-{settings.neo4j_database}")
        return cls(settings.state_dir / "loads" / f"{where}.json")

    def previous(self) -> Note | None:
        """The note a load interrupted earlier left, if any (an unreadable note counts as none)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Note(**data)
        except (OSError, ValueError, TypeError):
            return None

    def start(self, load_id: str, files: list[str], bulk: bool = False) -> Note:
        self.note = Note(load_id, files, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), bulk=bulk)
        self._write()
        return self.note

    def phase(self, phase: str) -> None:
        if self.note is not None:
            self.note.phase = phase
            if phase in ("staging", "publishing"):
                self.note.bulk = True
            self._write()

    def clear(self) -> None:
        self.note = None
        self.path.unlink(missing_ok=True)

    def _write(self) -> None:
        assert self.note is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self.note), indent=1), encoding="utf-8")
        tmp.replace(self.path)
