"""Errors a caller may see (bad input, missing rights, database down) versus masked internal errors."""

import logging
import re
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from strawberry.extensions import SchemaExtension

log = logging.getLogger("peacegraph.api")


class UserError(GraphQLError):
    """An error the caller can act on: its message is shown as is, with a machine-readable code."""

    def __init__(self, message: str, code: str = "BAD_USER_INPUT", **extensions: Any) -> None:
        super().__init__(message, extensions={"code": code, **{k: v for k, v in extensions.items()
                                                                 if v is not None}})


class DatabaseUnavailable(UserError):
    def __init__(self) -> None:
        super().__init__("The database is unavailable; try again shortly (see /ready).", code="SERVICE_UNAVAILABLE")


SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


class MaskInternalErrors(SchemaExtension):
    """Show user-facing errors; replace anything else by a request id (full error in the log, none in the reply)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if not result or not result.errors:
            return
        context = self.execution_context.context
        request_id = getattr(context, "request_id", "")
        settings = getattr(context, "settings", None)
        hide = settings is not None and not settings.introspection
        masked = []
        for error in result.errors:
            original = error.original_error
            if isinstance(original, ServiceUnavailable | SessionExpired | OSError):
                error = DatabaseUnavailable()
                original = error
                response = getattr(context, "response", None)
                if response is not None:
                    response.status_code = 503
            if isinstance(original, GraphQLError):
                masked.append(GraphQLError(original.message, nodes=error.nodes, path=error.path,
                                           extensions={**(original.extensions or {}), "requestId": request_id}))
            elif original is None:
                # a validation or syntax error: shown, without "Did you mean …?" when the schema is private
                message = SUGGESTION.sub("", error.message) if hide else error.message
                masked.append(GraphQLError(message, nodes=error.nodes, path=error.path,
                                           extensions={"code": "GRAPHQL_VALIDATION_FAILED", "requestId": request_id,
                                                       **(error.extensions or {})}))
            else:
                masked.append(GraphQLError(f"Internal error; quote request id {request_id} to find it in the log.",
                                           nodes=error.nodes, path=error.path,
                                           extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}))
        result.errors = masked


def log_errors(errors: list[GraphQLError], request_id: str) -> None:
    """One line per caller error; the full traceback only for what is not a caller error (a bug)."""
    for error in errors:
        original = error.original_error
        if original is None or isinstance(original, GraphQLError):
            code = (error.extensions or {}).get("code", "GRAPHQL_VALIDATION_FAILED")
            log.info("request %s: %s: %s", request_id, code, error.message.splitlines()[0] if error.message else "")
        elif isinstance(original, ServiceUnavailable | SessionExpired | OSError):
            log.warning("request %s: database unavailable (%s)", request_id, type(original).__name__)
        else:
            log.error("request %s failed: %r", request_id, original, exc_info=original)
