"""The mention record every finder returns, and the token stream the gazetteer matchers walk."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peacegraph.seed.extract.gazetteer import TOKEN, norm_token


@dataclass
class Mention:
    """A span of normalised text that refers to something, with what it resolves to."""

    kind: str  # organization | mission | place | task | symbol | money | date
    start: int
    end: int
    text: str
    id: str | None
    method: str
    confidence: float
    new: bool = False
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Token:
    norm: str
    start: int
    end: int
    text: str


def tokens(text: str) -> list[Token]:
    """Word tokens with spans; `United Nations` becomes one token normalised to `un`; possessives dropped."""
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        t = m.group(0)
        start, end = m.start(), m.end()
        if t.endswith("'s") or t.endswith("'S"):
            t, end = t[:-2], end - 2
        norm = norm_token(t)
        if norm == "nations" and out and out[-1].norm == "united" and text[out[-1].end:start].strip() == "":
            prev = out.pop()
            out.append(Token("un", prev.start, end, text[prev.start:end]))
            continue
        out.append(Token(norm, start, end, t))
    return out
