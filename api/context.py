"""Per-request context: the graph handle, batched node loaders, the caller's role and a request id."""

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request, Response
from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from peacegraph.graph.domain.spec import BY_LABEL
from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database
from peacegraph.graph.store.nodes import load_nodes


def make_loaders(graph: Database) -> dict[str, DataLoader[str, dict[str, Any] | None]]:
    """One DataLoader per label: every node a request touches is fetched in one query per label and level."""

    def loader(label: str) -> DataLoader[str, dict[str, Any] | None]:
        async def batch(ids: list[str]) -> list[dict[str, Any] | None]:
            return await load_nodes(graph, label, ids)

        return DataLoader(load_fn=batch)

    return {label: loader(label) for label in BY_LABEL}


@dataclass
class Context(BaseContext):
    """What every resolver sees as `info.context`."""

    graph: Database = field(default=None)  # type: ignore[assignment]
    settings: Settings = field(default=None)  # type: ignore[assignment]
    role: str | None = None
    key_id: str | None = None
    key_error: str | None = None
    request_id: str = ""
    loaders: dict[str, DataLoader[str, dict[str, Any] | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__()

    @property
    def http_request(self) -> Request:
        assert self.request is not None
        return self.request  # type: ignore[return-value]

    @property
    def http_response(self) -> Response | None:
        return self.response
