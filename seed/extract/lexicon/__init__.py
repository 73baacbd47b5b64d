"""The task lexicon as data: `tasks.yaml` beside this file (phrases, lemma patterns, exclusions, examples per task).

`load_lexicon()` reads and checks it; `without(stems)` drops every item learned from the given reports (an item
written `{phrase: ..., from: <report stem>}` records the report it was tuned on), which is how `seed evaluate`
computes its leave-one-report-out figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_FILE = Path(__file__).with_name("tasks.yaml")
FORMAT = "peacegraph.task-lexicon/1"


class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the file, the task and the field."""


@dataclass(frozen=True)
class Item:
    """One phrase or pattern, with the report it was learned from (None: taxonomy or general knowledge)."""

    text: str
    origin: str | None = None


@dataclass(frozen=True)
class TaskEntry:
    """How one task is named in text.

    `phrases` match on lemmas (inflections come free); `acronyms` match case-sensitively; `patterns` are lemma
    sequences where `a|b` is a choice and `~N` skips up to N tokens; `generic` phrases name the task only in a
    sentence that also has an actor and a task cue; `exclusions` are phrases inside which a hit does not count.
    """

    key: str
    label: str
    phrases: tuple[Item, ...] = ()
    acronyms: tuple[Item, ...] = ()
    patterns: tuple[Item, ...] = ()
    generic: tuple[Item, ...] = ()
    exclusions: tuple[Item, ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    maps_to: tuple[str, ...] | None = None  # for keys the taxonomy lacks: the taxonomy keys they stand for


@dataclass(frozen=True)
class Lexicon:
    """Every task entry, keyed by task key (taxonomy keys, plus mapped keys such as `peacebuilding`)."""

    tasks: dict[str, TaskEntry] = field(default_factory=dict)
    dropped_origins: frozenset[str] = frozenset()

    def keys_for(self, key: str) -> tuple[str, ...]:
        """The taxonomy keys a lexicon key stands for: itself, or its explicit mapping."""
        entry = self.tasks[key]
        return entry.maps_to if entry.maps_to is not None else (key,)

    def without(self, origins: set[str]) -> Lexicon:
        """The lexicon less every item learned from one of `origins` (report stems)."""

        def keep(items: tuple[Item, ...]) -> tuple[Item, ...]:
            return tuple(i for i in items if i.origin not in origins)

        tasks = {k: replace(e, phrases=keep(e.phrases), acronyms=keep(e.acronyms), patterns=keep(e.patterns),
                            generic=keep(e.generic), exclusions=keep(e.exclusions)) for k, e in self.tasks.items()}
        return Lexicon(tasks, self.dropped_origins | frozenset(origins))

    def origins(self) -> set[str]:
        """Every report stem some item was learned from."""
        return {i.origin for e in self.tasks.values()
                for i in (*e.phrases, *e.acronyms, *e.patterns, *e.generic, *e.exclusions) if i.origin}


def _items(raw: Any, where: str) -> tuple[Item, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise LexiconError(f"{where}: expected a list")
    out = []
    for i, x in enumerate(raw):
        if isinstance(x, str) and x.strip():
            out.append(Item(x.strip()))
        elif isinstance(x, dict) and set(x) <= {"text", "from"} and isinstance(x.get("text"), str):
            out.append(Item(x["text"].strip(), str(x["from"]) if x.get("from") else None))
        else:
            raise LexiconError(f"{where}[{i}]: expected a phrase or {{text: ..., from: <report stem>}}, got {x!r}")
    return tuple(out)


def parse_lexicon(data: Any, name: str = str(LEXICON_FILE)) -> Lexicon:
    """Check and convert the lexicon's YAML content; raises LexiconError naming the place of the problem."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LexiconError(f"{name}: not a task lexicon (`format: {FORMAT}` missing)")
    tasks = data.get("tasks")
    if not isinstance(tasks, dict) or not tasks:
        raise LexiconError(f"{name}: `tasks` must be a mapping of task keys")
    out: dict[str, TaskEntry] = {}
    allowed = {"label", "phrases", "acronyms", "patterns", "generic", "exclusions", "examples", "counter_examples",
               "maps_to", "note"}
    for key, raw in tasks.items():
        where = f"{name}: tasks.{key}"
        if not isinstance(raw, dict):
            raise LexiconError(f"{where}: expected a mapping")
        unknown = set(raw) - allowed
        if unknown:
            raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
        maps_to = raw.get("maps_to")
        out[str(key)] = TaskEntry(
            key=str(key), label=str(raw.get("label") or key),
            phrases=_items(raw.get("phrases"), f"{where}.phrases"),
            acronyms=_items(raw.get("acronyms"), f"{where}.acronyms"),
            patterns=_items(raw.get("patterns"), f"{where}.patterns"),
            generic=_items(raw.get("generic"), f"{where}.generic"),
            exclusions=_items(raw.get("exclusions"), f"{where}.exclusions"),
            examples=tuple(str(x) for x in raw.get("examples") or []),
            counter_examples=tuple(str(x) for x in raw.get("counter_examples") or []),
            maps_to=tuple(str(x) for x in maps_to) if maps_to is not None else None,
        )
    for key, entry in out.items():
        for target in entry.maps_to or ():
            if target in out and out[target].maps_to is not None:
                raise LexiconError(f"{name}: tasks.{key}.maps_to: {target} is itself a mapped key")
    return Lexicon(out)


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """The lexicon file, read and checked once per process."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read the task lexicon ({exc})") from exc
    return parse_lexicon(data, str(path))
