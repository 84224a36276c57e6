# The commands the README uses. `make run` and `make test` are all a newcomer needs.
SHELL := /bin/bash
PORT ?= 8000
# Links in mails and calendar feeds point at the port the portal runs on (every target
# exports it, so a worker started with the same PORT builds the same links).
export AVK_SITE_URL ?= http://127.0.0.1:$(PORT)
# uv finds Python 3.13 through .python-version (pyenv) and downloads one only if none is found.
# uv: the one on PATH if it works, otherwise a private copy in .tools/ (installed on first use).
UV := $(shell uv --version >/dev/null 2>&1 && echo uv || echo .tools/bin/uv)
MANAGE := $(UV) run --locked python manage.py

.PHONY: run test lint format messages worker beat install demo clean

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

install: $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --locked --quiet

# The demo lets its seat-holders vote without setting up two-factor authentication first;
# everywhere else a vote needs it (AVK_VOTE_REQUIRE_MFA, on by default).
run: export AVK_VOTE_REQUIRE_MFA ?= 0
run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable
	$(MANAGE) demo
	@echo ""
	@echo "  The AVK portal runs at http://127.0.0.1:$(PORT)/  (stop with Ctrl+C)"
	@echo "  Log in with one of the demo logins above."
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The whole suite: lint, migrations in step, Dutch catalogue compiled and complete, pytest
# (unit, integration with a real worker where Redis is set, browser journeys), in one process
# per core (at most four; each has its own test database). PYTEST_PARALLEL= runs in one.
PYTEST_PARALLEL ?= --numprocesses=auto --maxprocesses=4 --dist=loadgroup
test: install
	$(UV) run --locked ruff check .
	$(UV) run --locked ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	$(UV) run --locked pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

lint: install
	$(UV) run --locked ruff check .
	$(UV) run --locked ruff format --check .

format: install
	$(UV) run --locked ruff check --fix .
	$(UV) run --locked ruff format .

# Refresh the Dutch catalogue after changing strings (needs GNU gettext), then translate.
messages: install
	$(MANAGE) makemessages -l nl --no-location --no-obsolete --ignore=.venv --ignore=.tools --ignore=static/vendor
	$(MANAGE) compilemessages -l nl --ignore=.venv --ignore=.tools

worker: install
	$(UV) run --locked celery -A avk worker --loglevel=INFO --concurrency=2

beat: install
	$(UV) run --locked celery -A avk beat --loglevel=INFO

demo: install
	$(MANAGE) demo

clean:
	rm -rf .venv .tools db.sqlite3 media staticfiles .pytest_cache .ruff_cache
bench: install
	$(UV) run --locked python bench/run.py
	$(UV) run --locked python bench/phase_plan_pdf.py
	$(UV) run --locked python bench/governance.py
	$(UV) run --locked python bench/mailing.py
	$(UV) run --locked python bench/http_pages.py
