# Two commands: `make demo` runs the example portal, `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin

.PHONY: demo test test-production install lint wheel-check bench bench-smoke clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[example,test,redis,postgres]"
	touch $@

install: $(VENV)/.installed

demo: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo --port $(PORT)
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest

# The production shape on loopback (docs/deployment.md, "What we tested"): gunicorn, its own
# PostgreSQL and Redis, the task worker, a WebSub hub stub; under 5 minutes.
test-production: install
	BAUCU_PRODUCTION_SUITE=1 $(BIN)/python -m pytest tests/production -v

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Benchmarks (docs/performance.md): the full run writes bench/RESULTS.md and fails on a missed
# target; the smoke run (N=100, SQLite) only checks that the benchmark code works.
bench: install
	$(BIN)/python -m bench.run

bench-smoke: install
	$(BIN)/python -m bench.run --smoke

# Builds the wheel, installs it into a fresh venv and runs a throwaway project on it.
wheel-check: install
	PYTHON=$(PYTHON) BUILD_PYTHON=$(BIN)/python bash .ci/wheel_check.sh

clean:
	rm -rf $(VENV) .venv-313 var build dist *.egg-info
