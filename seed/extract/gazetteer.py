"""The gazetteer: names, acronyms, aliases and adjectives of everything the graph knows, for matching text.

Built from the graph (`cypher/gazetteer.cypher`), so entities loaded later are found too; countries missing from
the graph come from a fallback list (`countries.py`) and are proposed as new places when used.
Names are matched case-insensitively on normalised tokens (`United Nations` = `UN`, `Organisation` =
`Organization`, hyphens and punctuation ignored); acronyms and one-word names case-sensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peacegraph.graph.store.database import Database
from peacegraph.seed.extract.countries import countries

TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:'[A-Za-z]+)?")
_TOKEN_MAP = {
    "organisation": "organization", "organisations": "organizations", "programme": "program",
    "programmes": "programs", "centre": "center", "defence": "defense", "stabilisation": "stabilization",
    "cote": "côte", "&": "and",
}
_DROP_LEADING = {"the"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-./]*[A-Z0-9]$|^[A-Z]{2,}[a-z]?[A-Z]+$")


def norm_token(token: str) -> str:
    t = token.lower().replace("'s", "") if token.lower().endswith("'s") else token.lower()
    return _TOKEN_MAP.get(t, t)


def norm_tokens(text: str) -> tuple[str, ...]:
    """Normalised tokens of a name: lower case, British = American spelling, `united nations` -> `un`."""
    raw = [norm_token(t) for t in TOKEN.findall(text.replace("-", " ").replace("’", "'"))]
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "united" and i + 1 < len(raw) and raw[i + 1] == "nations":
            out.append("un")
            i += 2
            continue
        out.append(raw[i])
        i += 1
    while out and out[0] in _DROP_LEADING:
        out.pop(0)
    return tuple(out)


def norm_key(text: str) -> str:
    """A comparison key: normalised tokens joined by spaces."""
    return " ".join(norm_tokens(text))


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2


@dataclass
class Entry:
    kind: str  # organization | mission | place | mandate | task
    id: str
    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    subkind: str | None = None
    parents: list[str] = field(default_factory=list)
    led_by: list[str] = field(default_factory=list)
    deployed_in: list[str] = field(default_factory=list)
    in_graph: bool = True

    def surfaces(self) -> list[str]:
        names = [self.name, *(self.aliases or [])]
        if self.acronym:
            names.append(self.acronym)
        return [n for n in names if n and n.strip()]


@dataclass
class Gazetteer:
    """Lookup tables over entries: token-tuple names (case-insensitive), exact acronyms, task phrases."""

    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    names: dict[tuple[str, ...], set[tuple[str, str]]] = field(default_factory=dict)
    exact: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    task_names: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    task_exact: dict[str, set[str]] = field(default_factory=dict)
    max_len: int = 1
    task_max_len: int = 1

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]], with_countries: bool = True) -> Gazetteer:
        gaz = cls()
        for row in rows:
            gaz.add(Entry(
                kind=row["kind"], id=row["id"], name=row.get("name") or row["id"], acronym=row.get("acronym"),
                aliases=list(row.get("aliases") or []), adjectives=list(row.get("adjectives") or []),
                subkind=row.get("subkind"), parents=list(row.get("parents") or []),
                led_by=list(row.get("led_by") or []), deployed_in=list(row.get("deployed_in") or []),
            ))
        if with_countries:
            gaz.add_fallback_countries()
        return gaz

    @classmethod
    async def from_graph(cls, graph: Database) -> Gazetteer:
        return cls.from_rows(await graph.read("gazetteer"))

    def add_fallback_countries(self) -> None:
        known_iso = {e.id for e in self.entries.values() if e.kind == "place"}
        for iso, name, variants, adjectives in countries():
            if iso in known_iso:
                entry = self.entries[("place", iso)]
                extra = [v for v in [name, *variants] if v not in entry.surfaces()]
                entry.aliases.extend(extra)
                entry.adjectives.extend(a for a in adjectives if a not in entry.adjectives)
                for surface in extra + adjectives:
                    self._index(surface, ("place", iso))
                continue
            self.add(Entry("place", iso, name, aliases=variants, adjectives=adjectives, subkind="country",
                           in_graph=False))

    def add(self, entry: Entry) -> None:
        key = (entry.kind, entry.id)
        self.entries[key] = entry
        if entry.kind == "mandate":
            return
        for surface in entry.surfaces() + entry.adjectives:
            self._index(surface, key)

    def _index(self, surface: str, key: tuple[str, str]) -> None:
        if key[0] == "task":
            surface = surface.strip()
            if is_acronym(surface):
                self.task_exact.setdefault(surface, set()).add(key[1])
            else:
                toks = norm_tokens(surface)
                if toks:
                    self.task_names.setdefault(toks, set()).add(key[1])
                    self.task_max_len = max(self.task_max_len, len(toks))
            return
        s = surface.strip()
        if is_acronym(s) or (len(TOKEN.findall(s)) == 1):
            self.exact.setdefault(s.replace("’", "'"), set()).add(key)
            if not is_acronym(s):
                return
        toks = norm_tokens(s)
        if toks:
            self.names.setdefault(toks, set()).add(key)
            self.max_len = max(self.max_len, len(toks))

    def get(self, kind: str, id_: str) -> Entry | None:
        return self.entries.get((kind, id_))

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == kind]

    def lexicon(self) -> list[str]:
        """Every name, for de-hyphenation."""
        return [s for e in self.entries.values() for s in e.surfaces()]

    def find_org(self, *names: str) -> str | None:
        """The id of the organisation called by one of `names` (name, alias or acronym), if the graph has it."""
        for name in names:
            for key in self.exact.get(name, set()) | self.names.get(norm_tokens(name), set()):
                if key[0] == "organization":
                    return key[1]
        return None
