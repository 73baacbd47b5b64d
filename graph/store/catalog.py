"""The Cypher catalogue: every statement is a named file, cypher/<name>.cypher (written by hand) or
cypher/generated/<name>.cypher (generated from the domain spec), loaded here by name and shipped as package data."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import LiteralString, cast

PACKAGE = "peacegraph.cypher"


class UnknownStatement(KeyError):
    """No statement file has that name."""


def _dirs() -> tuple[Traversable, Traversable]:
    root = files(PACKAGE)
    return root, root.joinpath("generated")


@cache
def statement(name: str) -> LiteralString:
    """The text of the statement `name` (cached). Statements take parameters only, never spliced strings."""
    for folder in _dirs():
        path = folder.joinpath(f"{name}.cypher")
        if path.is_file():
            return cast(LiteralString, path.read_text(encoding="utf-8").strip())
    raise UnknownStatement(f"no Cypher statement named {name!r} (expected cypher/{name}.cypher or "
                           f"cypher/generated/{name}.cypher)")


def statements(name: str) -> list[LiteralString]:
    """A multi-statement file split on ';' at line ends (used for schema.cypher)."""
    parts = []
    for chunk in statement(name).split(";\n"):
        lines = [ln for ln in chunk.splitlines() if ln.strip() and not ln.strip().startswith("//")]
        if lines:
            parts.append(cast(LiteralString, "\n".join(lines).rstrip(";")))
    return parts


def catalogue() -> dict[str, str]:
    """Every statement name with the folder it lives in ('' or 'generated'), for tests and docs."""
    out: dict[str, str] = {}
    for folder, where in zip(_dirs(), ("", "generated"), strict=True):
        if folder.is_dir():
            for p in folder.iterdir():
                if p.name.endswith(".cypher"):
                    out.setdefault(p.name.removesuffix(".cypher"), where)
    return dict(sorted(out.items()))
