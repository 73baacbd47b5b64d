"""The files users deploy with: docker-compose.yml and the Makefile's two commands."""

from __future__ import annotations

import yaml

from tests.paths import ROOT as PROJECT_ROOT


def test_compose_runs_neo4j_5_26_with_a_healthcheck_and_the_api() -> None:
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    neo4j, api = compose["services"]["neo4j"], compose["services"]["api"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert "/ready" in " ".join(api["healthcheck"]["test"])


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text()
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert "$ make run" in readme and "$ make test" in readme
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    assert "peacegraph seed load data/" in makefile and "$(BIN)/pytest" in makefile
