# Two commands do all the set-up: `make serve` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: serve build test test-deps schema bench clean

$(PY):
	python3 -m venv $(VENV)

$(STAMP): requirements.txt requirements-test.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $(STAMP)

serve: $(STAMP)
	SITE_URL=http://127.0.0.1:8000/ $(MKDOCS) serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(MKDOCS) build --strict

schema: $(STAMP)
	$(PY) -m macros.schema

# Test tools beyond Python: Debian's Chromium and aspell-cy, and axe-core from npm.
$(CHROMIUM):
	apt-get update -qq && apt-get install -y -qq chromium aspell aspell-cy

/usr/lib/aspell/cy.multi:
	apt-get update -qq && apt-get install -y -qq aspell aspell-cy

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

test-deps: $(STAMP) $(CHROMIUM) /usr/lib/aspell/cy.multi node_modules/.installed

test: test-deps
	$(MKDOCS) build --strict
	node --test tests/node/*.test.mjs
	$(PY) -m pytest -q tests; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$rc

bench: test-deps
	$(MKDOCS) build --strict
	$(PY) tests/bench.py

clean:
	rm -rf site .pytest_cache docs/case-studies
