"""Nodes by id for fields that hold ids (the analyses' answers): the one way such fields reach node types.

Each field path is compiled once from its selection and fetched in one statement for all the ids the request
asks there (batched per path with a DataLoader), so an analysis answer costs a fixed number of round trips.
"""

from __future__ import annotations

from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from peacegraph.api.compile import CompileError
from peacegraph.api.errors import UserError
from peacegraph.api.execute import compiler_for, run_by_ids


def _loader(info: Info, label: str) -> DataLoader[str, Any]:
    """The request's loader for this field's selection (keyed by the field's place in the query, not by row)."""
    raw = info._raw_info
    path = [p for p in raw.path.as_list() if isinstance(p, str)]
    key = (label, tuple(path), id(raw.field_nodes[0]))
    loaders: dict[Any, DataLoader[str, Any]] = info.context.node_loaders
    if key not in loaders:
        async def batch(ids: list[str]) -> list[Any]:
            compiler = compiler_for(info)
            try:
                plan = compiler.root_by_ids(label, list(dict.fromkeys(ids)), raw.field_nodes)
            except CompileError as exc:
                raise UserError(str(exc), argument=exc.argument) from None
            found = await run_by_ids(info.context.graph, plan)
            return [found.get(i) for i in ids]

        loaders[key] = DataLoader(load_fn=batch)
    return loaders[key]


async def node(info: Info, label: str, node_id: str | None) -> Any:
    """The node of `label` with this id, shaped for the field's selection, or None."""
    if node_id is None:
        return None
    return await _loader(info, label).load(node_id)


async def nodes(info: Info, label: str, ids: list[str]) -> list[Any]:
    """The nodes of `label` with these ids, in the given order (unknown ids left out)."""
    found = await _loader(info, label).load_many(list(ids))
    return [n for n in found if n is not None]


async def actor(info: Info, actor_id: str | None, is_mission: bool | None = None) -> Any:
    """An actor (a Mission or an Organization) by id."""
    if actor_id is None:
        return None
    return await _loader(info, "Actor").load(actor_id)
