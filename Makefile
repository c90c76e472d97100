# Two commands for people: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Starts embedded PostgreSQL + Redis under the given directory unless DATABASE_URL/REDIS_URL are set.
WITH_SERVICES := $(PY) -m vi_inkluderer.embedded
# The development data as production has it: the tables' owner migrates, seeds, restores and runs
# `make manage`; web, worker and beat serve as vi_app, which owns nothing and may only read and
# append to the audit log (vi_inkluderer/dbroles.py).
DEV_SERVICES := $(WITH_SERVICES) --var var --app-role vi_app
ARGS ?=

.PHONY: install run test test-fast lint format manage bench browser backup restore

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet ".[dev]"
	touch $@

run: install
	DEBUG=true $(DEV_SERVICES) -- $(PY) -m devdata.devrun

# Chromium for the end-to-end tests: Debian's package when present, Playwright's otherwise.
browser: install
	@test -x /usr/bin/chromium || $(VENV)/bin/playwright install chromium

test: install browser
	$(WITH_SERVICES) --var var/test -- $(PY) -m pytest $(ARGS)

# Everything except the browser journeys, the tests that start a Celery worker and the slow
# development-data runs (seed_demo, seed_scale, bench).
test-fast: install
	$(WITH_SERVICES) --var var/test -- $(PY) -m pytest -m "not e2e and not worker and not slow" $(ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Median and p95 server time of the main pages on national-scale data (own database in var/bench).
bench: install
	DEBUG=true $(WITH_SERVICES) --var var/bench -- sh -c \
		"$(PY) manage.py createcachetable && $(PY) manage.py migrate --verbosity 0 && $(PY) manage.py bench $(ARGS)"

# Any management command against the development data: make manage ARGS="createsuperuser"
manage: install
	DEBUG=true $(DEV_SERVICES) -- $(PY) manage.py $(ARGS)

# Database (pg_dump custom format) and uploaded files into var/backups/*.tar.gz; and back.
backup: install
	DEBUG=true $(DEV_SERVICES) -- $(PY) manage.py backup $(ARGS)

restore: install
	@test -n "$(FILE)" || (echo "usage: make restore FILE=var/backups/....tar.gz" && exit 2)
	DEBUG=true $(DEV_SERVICES) -- $(PY) manage.py restore "$(FILE)" $(ARGS)
