"""The Cypher catalogue: every statement lives in cypher/<name>.cypher and is loaded here by name."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import LiteralString, cast


class UnknownStatement(KeyError):
    """No cypher/<name>.cypher file exists."""


@cache
def statement(name: str) -> LiteralString:
    """The text of cypher/<name>.cypher (cached). Statements take parameters only, never spliced strings."""
    path = files("peacegraph.cypher").joinpath(f"{name}.cypher")
    if not path.is_file():
        raise UnknownStatement(f"no Cypher statement named {name!r} (expected cypher/{name}.cypher)")
    return cast(LiteralString, path.read_text(encoding="utf-8").strip())


def statements(name: str) -> list[LiteralString]:
    """A multi-statement file split on ';' at line ends (used for schema.cypher)."""
    parts = []
    for chunk in statement(name).split(";\n"):
        lines = [ln for ln in chunk.splitlines() if ln.strip() and not ln.strip().startswith("//")]
        if lines:
            parts.append(cast(LiteralString, "\n".join(lines).rstrip(";")))
    return parts


def catalogue() -> list[str]:
    """Names of all statements, for tests and docs."""
    return sorted(p.name.removesuffix(".cypher") for p in files("peacegraph.cypher").iterdir() if p.name.endswith(".cypher"))
