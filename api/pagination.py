"""Relay-style connections (edges, pageInfo, totalCount) with keyset cursors, as the Neo4j GraphQL Library's.

A cursor holds the sort values and the id of its node, so a page boundary stays put when nodes are inserted or
deleted before it (an offset would shift). It is opaque to clients: base64 of a small JSON list.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Generic, TypeVar

import strawberry

T = TypeVar("T")
PREFIX = "pg1:"
MAX_CURSOR_LENGTH = 2048


class CursorError(ValueError):
    """A cursor that this API did not make, or made for another sort order."""


def encode_cursor(values: list[Any]) -> str:
    """The cursor of a node from its sort values and id (dates as ISO text)."""
    return base64.urlsafe_b64encode((PREFIX + json.dumps(values, separators=(",", ":"), default=str)).encode()
                                    ).decode()


def decode_cursor(cursor: str, kinds: list[str], argument: str) -> list[Any]:
    """The values a cursor holds, checked against the sort's value kinds ('string', 'number', 'date', ...)."""
    def bad(why: str) -> CursorError:
        return CursorError(f"`{argument}` is not a cursor of this list ({why}); use a cursor from its pageInfo or "
                           "edges, with the same sort")

    if len(cursor) > MAX_CURSOR_LENGTH:
        raise bad("too long")
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise bad("not base64") from None
    if not text.startswith(PREFIX):
        raise bad("unknown format")
    try:
        values = json.loads(text[len(PREFIX):])
    except ValueError:
        raise bad("not JSON") from None
    if not isinstance(values, list) or len(values) != len(kinds):
        raise bad("another sort order")
    for value, kind in zip(values, kinds, strict=True):
        ok = value is None or (
            isinstance(value, float | int) and not isinstance(value, bool) and abs(value) < 1e300
            if kind == "number" else isinstance(value, str) and len(value) <= 1000)
        if not ok:
            raise bad("a value of the wrong kind")
    return values


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int
