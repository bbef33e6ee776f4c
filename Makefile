# Two commands: `make demo` runs the example portal, `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin

.PHONY: demo serve test test-production install install-demo lint wheel-check wheel-check-next bench bench-smoke clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The demo installs only what the example site needs; the tests add their extras (Playwright,
# cairosvg, hypothesis, ...).
$(VENV)/.installed-demo: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[example]"
	touch $@

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[example,test,redis,postgres]"
	touch $@ $(VENV)/.installed-demo

install-demo: $(VENV)/.installed-demo

install: $(VENV)/.installed

demo: install-demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo --port $(PORT)
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production shape on this machine, configured from the environment (docs/deployment.md):
# gunicorn workers, the task worker (started again when it ends, as systemd's Restart=always
# does: it exits when the database goes away) and a loop running publish_scheduled every minute. Needs
# SECRET_KEY; DATABASE_URL and REDIS_URL as in production. Plain HTTP on loopback, so no HTTPS
# redirect or secure cookies unless set; public images served by Django (no web server here).
WORKERS ?= 3
serve: export DJANGO_SSL_REDIRECT ?= 0
serve: export DJANGO_SECURE_COOKIES ?= 0
serve: export DJANGO_HSTS_SECONDS ?= 0
serve: export DJANGO_SERVE_MEDIA ?= 1
serve: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	bash -c 'trap "kill 0" EXIT; \
	  while true; do $(BIN)/python manage.py db_worker; sleep 1; done & \
	  while true; do $(BIN)/python manage.py publish_scheduled; sleep 60; done & \
	  $(BIN)/gunicorn --workers $(WORKERS) --timeout 30 --graceful-timeout 30 \
	    --bind 127.0.0.1:$(PORT) --access-logfile - example_site.wsgi'

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

# Builds the wheel and sdist, twine-checks them and follows docs/installation.md from an empty
# folder with the wheel (.ci/wheel_check.sh): Django 5.2 with python3 (3.11), 6.1 with 3.13.
wheel-check: install
	PYTHON=$(PYTHON) BUILD_PYTHON=$(BIN)/python bash .ci/wheel_check.sh

wheel-check-next: install
	PYTHON=$$(bash .ci/find_python313.sh) BUILD_PYTHON=$(BIN)/python bash .ci/wheel_check.sh

clean:
	rm -rf $(VENV) .venv-313 var build dist *.egg-info
