"""All configuration in one place, read from the environment (prefix-free names users know, e.g. NEO4J_URI)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


class Settings(BaseSettings):
    """Settings for the database, the local Neo4j the project starts, and the API."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    neo4j_uri: str | None = Field(
        default=None,
        description="Use this Neo4j server instead of starting one (e.g. bolt://db.example.org:7687).",
    )
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"
    neo4j_pool_size: int = Field(default=64, alias="PEACEGRAPH_NEO4J_POOL_SIZE", ge=1,
                                 description="Connections the driver keeps per server.")
    neo4j_acquire_timeout: float = Field(default=10.0, alias="PEACEGRAPH_NEO4J_ACQUIRE_TIMEOUT", gt=0,
                                         description="Seconds to wait for a free connection from the pool.")
    neo4j_connect_timeout: float = Field(default=5.0, alias="PEACEGRAPH_NEO4J_CONNECT_TIMEOUT", gt=0)
    neo4j_retry_seconds: float = Field(default=30.0, alias="PEACEGRAPH_NEO4J_RETRY_SECONDS", ge=0,
                                       description="How long the driver retries a transaction on transient errors.")
    neo4j_query_timeout: float = Field(default=30.0, alias="PEACEGRAPH_NEO4J_QUERY_TIMEOUT", gt=0,
                                       description="Seconds a read may run in Neo4j before the server stops it.")
    neo4j_notifications: str = Field(default="OFF", alias="PEACEGRAPH_NEO4J_NOTIFICATIONS",
                                     pattern="^(OFF|WARNING|INFORMATION)$",
                                     description="Minimum severity of server notifications the driver asks for; "
                                                 "they are raised as Python warnings (the tests use WARNING).")

    state_dir: Path = Field(default_factory=lambda: Path.cwd() / ".state", alias="PEACEGRAPH_STATE_DIR",
                            description="Where the local Neo4j's jars, data and logs live (never inside the package).")
    reports_dir: Path = Field(default_factory=lambda: Path.cwd().parent / "shared" / "reports",
                              alias="PEACEGRAPH_REPORTS_DIR",
                              description="The real-report corpus used by `seed evaluate`, `make eval` and the bench.")
    neo4j_instance: str = Field(default="main", alias="PEACEGRAPH_NEO4J_INSTANCE", pattern=r"^[a-z0-9-]+$")
    bolt_port: int = Field(default=7697, alias="PEACEGRAPH_BOLT_PORT")
    http_port: int = Field(default=7484, alias="PEACEGRAPH_NEO4J_HTTP_PORT")
    neo4j_heap: str = Field(default="1g", alias="PEACEGRAPH_NEO4J_HEAP")
    neo4j_pagecache: str = Field(default="512m", alias="PEACEGRAPH_NEO4J_PAGECACHE")
    neo4j_start_timeout: float = Field(default=120.0, alias="PEACEGRAPH_NEO4J_START_TIMEOUT")

    bundle_max_bytes: int = Field(default=4_000_000, alias="PEACEGRAPH_BUNDLE_MAX_BYTES", ge=1024,
                                  description="Largest bundle file or text parsed at once; larger loads are split "
                                              "into files and loaded as a folder.")
    bundle_max_depth: int = Field(default=32, alias="PEACEGRAPH_BUNDLE_MAX_DEPTH", ge=8, le=500,
                                  description="How deep a bundle may nest (a bundle needs about 6 levels).")
    bundle_max_alias_nodes: int = Field(default=100_000, alias="PEACEGRAPH_BUNDLE_MAX_ALIAS_NODES", ge=0,
                                        description="How many nodes YAML aliases may add to a bundle when expanded "
                                                    "(stops alias bombs).")
    bulk_min_records: int = Field(default=20_000, alias="PEACEGRAPH_BULK_MIN_RECORDS", ge=1,
                                  description="Loads with at least this many records to write go the bulk way: "
                                              "staged in batches, then published in one transaction.")
    bulk_batch_rows: int = Field(default=10_000, alias="PEACEGRAPH_BULK_BATCH_ROWS", ge=100,
                                 description="Records per staging transaction of a bulk load.")
    bulk_publish_max: int = Field(default=100_000, alias="PEACEGRAPH_BULK_PUBLISH_MAX", ge=0,
                                  description="Most new records a bulk load publishes in one transaction (all at "
                                              "once for readers); larger ones publish in batches (1 GB heap: 100k "
                                              "fit, 470k do not).")

    api_host: str = Field(default="127.0.0.1", alias="PEACEGRAPH_API_HOST")
    api_port: int = Field(default=8000, alias="PEACEGRAPH_API_PORT")
    stale_after_years: int = Field(default=3, alias="PEACEGRAPH_STALE_AFTER_YEARS", ge=0, le=100,
                                   description="An open-ended fact last confirmed more than this many years before "
                                               "the date asked about is flagged stale.")
    warm_up: bool = Field(default=True, alias="PEACEGRAPH_WARM_UP",
                          description="When the API starts, compute today's portfolio once in the background: Neo4j "
                                      "plans the analyses' statements and every country's snapshot is read, so the "
                                      "first planner to open a view does not wait for either.")
    anonymous_read: bool = Field(default=True, alias="PEACEGRAPH_ANONYMOUS_READ")
    graphiql: bool = Field(default=True, alias="PEACEGRAPH_GRAPHIQL")
    introspection: bool = Field(default=True, alias="PEACEGRAPH_INTROSPECTION")
    max_depth: int = Field(default=20, alias="PEACEGRAPH_MAX_DEPTH")
    max_aliases: int = Field(default=30, alias="PEACEGRAPH_MAX_ALIASES")
    max_tokens: int = Field(default=2000, alias="PEACEGRAPH_MAX_TOKENS")
    max_page_size: int = Field(default=200, alias="PEACEGRAPH_MAX_PAGE_SIZE")
    max_filter_list: int = Field(default=100, alias="PEACEGRAPH_MAX_FILTER_LIST", ge=1,
                                 description="Most values an `in` list, or filters an AND/OR list, may hold.")
    max_cost: int = Field(default=100_000, alias="PEACEGRAPH_MAX_COST", ge=1,
                          description="Most an operation may cost: fields × the page sizes of the lists they sit in "
                                      "(worst case), estimated after variables are applied.")
    api_retry_seconds: float = Field(default=2.0, alias="PEACEGRAPH_API_RETRY_SECONDS", ge=0,
                                     description="The API's transaction retry budget: short, so an outage answers "
                                                 "503 promptly instead of hanging.")
    key_cache_seconds: float = Field(default=5.0, alias="PEACEGRAPH_KEY_CACHE_SECONDS", ge=0,
                                     description="How long a checked API key is trusted before it is checked again "
                                                 "(a revocation takes effect within this time on every replica).")
    key_cache_size: int = Field(default=10_000, alias="PEACEGRAPH_KEY_CACHE_SIZE", ge=1)
    max_body_bytes: int = Field(default=4_000_000, alias="PEACEGRAPH_MAX_BODY_BYTES", ge=1024,
                                description="Largest request body the API reads (bigger loads go through the CLI).")

    @model_validator(mode="after")
    def _refuse_default_password_remotely(self) -> Settings:
        """A non-local server must not be reached with no password or the well-known default."""
        if self.neo4j_uri and not self.uri_is_local and self.neo4j_password in (None, "", "neo4j", "password"):
            raise ValueError(
                f"NEO4J_URI points at a non-local server ({self.neo4j_uri}); set NEO4J_PASSWORD to its real password"
            )
        return self

    @property
    def external(self) -> bool:
        """True when the user points at their own Neo4j (NEO4J_URI): the project then starts nothing."""
        return bool(self.neo4j_uri)

    @property
    def uri(self) -> str:
        """The Bolt URI to connect to: the user's server or the project's local one."""
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def uri_is_local(self) -> bool:
        return (urlparse(self.uri).hostname or "") in LOCAL_HOSTS

    @property
    def auth(self) -> tuple[str, str] | None:
        """Driver auth: none for the project's own server (auth disabled on loopback), else user/password."""
        if self.neo4j_password is None:
            return None
        return (self.neo4j_user, self.neo4j_password)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests build their own Settings when they need other values)."""
    return Settings()
