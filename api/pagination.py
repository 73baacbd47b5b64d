"""Relay-style connections (edges, pageInfo, totalCount) with offset cursors, as the Neo4j GraphQL Library has."""

import base64
from dataclasses import dataclass
from typing import Generic, TypeVar

import strawberry

T = TypeVar("T")
PREFIX = "arrayconnection:"


class PageSizeError(ValueError):
    """A page size over the limit, or a malformed cursor."""


def encode_cursor(index: int) -> str:
    return base64.b64encode(f"{PREFIX}{index}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
        if not text.startswith(PREFIX):
            raise ValueError
        return int(text[len(PREFIX):])
    except ValueError:
        raise PageSizeError(f"malformed cursor {cursor!r}") from None


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


@dataclass(frozen=True)
class Window:
    """Which slice of a list a connection argument set asks for."""

    skip: int
    limit: int


def window(first: int | None, after: str | None, last: int | None, before: str | None, total: int | None,
           max_size: int, default: int = 20) -> Window:
    """Translate first/after/last/before into skip/limit (total is needed only for `last` without `before`)."""
    for name, size in (("first", first), ("last", last)):
        if size is not None and not 0 <= size <= max_size:
            raise PageSizeError(f"`{name}` must be between 0 and {max_size} (got {size})")
    start = decode_cursor(after) + 1 if after else 0
    end = decode_cursor(before) if before else None
    if last is not None:
        if end is None:
            end = total if total is not None else 0
        skip = max(start, end - last)
        return Window(skip, max(0, end - skip))
    size = first if first is not None else min(default, max_size)
    if end is not None:
        size = min(size, max(0, end - start))
    return Window(start, size)


def build(nodes: list[T], skip: int, total: int) -> Connection[T]:
    """A connection over `nodes`, the page that starts at index `skip` of `total` items."""
    edges = [Edge(node=n, cursor=encode_cursor(skip + i)) for i, n in enumerate(nodes)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=skip + len(nodes) < total, has_previous_page=skip > 0,
            start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )
