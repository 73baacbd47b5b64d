# peacegraph — two commands do everything on a fresh machine:
#   make run    set up, start Neo4j, apply the schema, load the bundled dataset, serve the API and the page
#   make test   set up (incl. headless Chromium from Debian's packages) and run lint, types and the test suite
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WEB := api/web

.PHONY: setup run test lint stop web browser clean-state schema generate compose-check bench eval fuzz explore screenshots

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP) web

web:
	@if [ ! $(WEB)/node_modules/.installed -nt $(WEB)/package-lock.json ]; then \
	  cd $(WEB) && npm ci --no-audit --no-fund --silent && touch node_modules/.installed; fi
	@cd $(WEB) && node copy-vendor.mjs

browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

run: setup
	$(BIN)/peacegraph neo4j start
	$(BIN)/peacegraph db init
	$(BIN)/peacegraph seed load data/
	$(BIN)/peacegraph serve --open

stop:
	$(BIN)/peacegraph neo4j stop

lint: $(STAMP)
	$(BIN)/ruff check graph api seed peacegraph tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# The test Neo4j starts while lint runs (the session takes it over and stops it); a red lint stops it too.
test: setup browser
	@$(BIN)/python -m tests.fixtures.neo4j start >/dev/null 2>&1 & \
	$(MAKE) --no-print-directory lint || { wait; $(BIN)/python -m tests.fixtures.neo4j stop; exit 1; }; \
	wait; PEACEGRAPH_TEST_NEO4J_OWNED=1 $(BIN)/pytest

# Regenerate everything derived from the domain spec (staleness tests fail until this is run and committed).
generate: $(STAMP)
	$(BIN)/python -m peacegraph.graph.store.generate cypher/generated
	$(BIN)/peacegraph api schema -o schema.graphql
	$(BIN)/peacegraph seed schema -o docs/bundle.schema.json

schema: generate

# Validate docker-compose.yml with Docker Compose v2 (built from the Go module proxy once: no Docker engine needed).
COMPOSE := $(HOME)/.docker/cli-plugins/docker-compose
compose-check:
	@test -x $(COMPOSE) || { mkdir -p $(dir $(COMPOSE)) .state/go && GOPATH=$(CURDIR)/.state/go GOFLAGS=-mod=mod \
	  go install github.com/docker/compose/v2/cmd@v2.29.7 && cp .state/go/bin/cmd $(COMPOSE); }
	NEO4J_PASSWORD=check docker compose config --quiet && echo "docker-compose.yml: valid"

bench: $(STAMP)
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	@if [ ! bench/peer/node_modules/.installed -nt bench/peer/package-lock.json ]; then \
	  cd bench/peer && npm ci --no-audit --no-fund --silent && touch node_modules/.installed; fi
	$(BIN)/python -m bench

# Extraction quality on the real corpus ($PEACEGRAPH_REPORTS_DIR, default ../shared/reports): tuning and
# leave-one-report-out figures, reliability, Council pages, then the targets table (held-out figures first).
# Fails (non-zero, with the reason) when the corpus or its Council pages are missing or the evaluation breaks; a
# missed quality target is reported, and fails the run only with PEACEGRAPH_EVAL_STRICT=1.
eval: $(STAMP)
	@corpus="$${PEACEGRAPH_REPORTS_DIR:-../shared/reports}"; \
	test -d "$$corpus" || { echo "error: the reports corpus $$corpus is missing (set PEACEGRAPH_REPORTS_DIR)" >&2; \
	  exit 2; }; \
	test -d "$$corpus/press" || { echo "error: the Council pages $$corpus/press are missing" >&2; exit 2; }
	$(BIN)/peacegraph neo4j start
	$(BIN)/peacegraph db init
	$(BIN)/peacegraph seed load data/
	$(BIN)/peacegraph seed evaluate --check$(if $(filter 1 true yes,$(PEACEGRAPH_EVAL_STRICT)), --strict,)

# Refresh the README's screenshots (docs/screenshots/) from the browser tests.
screenshots: setup browser
	PEACEGRAPH_SCREENSHOTS=1 $(BIN)/pytest -m browser

# A longer schema fuzz than the 250 examples `make test` repeats, with fresh ones.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=explore PEACEGRAPH_FUZZ_EXAMPLES=$${PEACEGRAPH_FUZZ_EXAMPLES:-5000} $(BIN)/pytest tests/api/test_fuzz.py

# The unit property tests with fresh random examples (make test repeats the same ones, so CI reds name a change).
explore: $(STAMP)
	HYPOTHESIS_PROFILE=explore $(BIN)/pytest tests/unit

clean-state: stop
	rm -rf .state
