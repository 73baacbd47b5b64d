"""Nodes by id for fields that hold ids (the analyses' answers): the one way such fields reach node types.

Every lookup a request makes through here is batched per label (one round trip per label and level).
"""

from __future__ import annotations

from typing import Any

from strawberry.types import Info

from peacegraph.api import nodes as _nodes


async def node(info: Info, label: str, node_id: str | None) -> Any:
    """The node of `label` with this id as its GraphQL type, or None."""
    return await _nodes.one(info, label, node_id)


async def nodes(info: Info, label: str, ids: list[str]) -> list[Any]:
    """The nodes of `label` with these ids, in the given order (unknown ids left out)."""
    return [_nodes.NODE_TYPES[label].from_row(r) for r in await _nodes.load_many(info, label, ids)]


async def actor(info: Info, actor_id: str | None, is_mission: bool | None = None) -> Any:
    """An actor (a Mission or an Organization) by id; `is_mission` skips the lookup of the other kind."""
    if actor_id is None:
        return None
    if is_mission is not None:
        return await _nodes.load_actor(info, actor_id, is_mission)
    return await _nodes.load_actor(info, actor_id, True) or await _nodes.load_actor(info, actor_id, False)
