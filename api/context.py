"""Per-request context: the database handle (with the request's metadata), the caller's role, a request id."""

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request, Response
from strawberry.fastapi import BaseContext

from peacegraph.graph.settings import Settings
from peacegraph.graph.store.database import Database


@dataclass
class Context(BaseContext):
    """What every resolver sees as `info.context`."""

    graph: Database = field(default=None)  # type: ignore[assignment]
    settings: Settings = field(default=None)  # type: ignore[assignment]
    role: str | None = None
    key_id: str | None = None
    key_error: str | None = None
    request_id: str = ""
    node_loaders: dict[Any, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__()

    @property
    def http_request(self) -> Request:
        assert self.request is not None
        return self.request  # type: ignore[return-value]

    @property
    def http_response(self) -> Response | None:
        return self.response
