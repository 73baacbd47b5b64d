"""The `peacegraph` command line run in this process (the real commands, without a Python start-up per call)."""

from __future__ import annotations

from typing import Any

from typer.testing import CliRunner

from peacegraph.cli.main import app
from peacegraph.graph.settings import get_settings


def run_cli(args: list[str], env: dict[str, str]) -> Any:
    """`peacegraph <args>` with `env` set (settings are read afresh for the call and forgotten after it)."""
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    finally:
        get_settings.cache_clear()
