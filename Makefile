# Two commands do all the set-up: `make serve` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: serve build test test-deps schema new-case check-case test-unseen bench screenshots clean

$(PY):
	python3 -m venv $(VENV)

$(STAMP): requirements.txt requirements-test.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $(STAMP)

serve: $(STAMP) node_modules/.installed
	SITE_URL=http://127.0.0.1:8000/ $(MKDOCS) serve --dev-addr 127.0.0.1:8000

build: $(STAMP) node_modules/.installed
	$(MKDOCS) build --strict

schema: $(STAMP)
	$(PY) -m macros.schema

# A new case study: a bilingual skeleton of every field, generated from the model.
new-case: $(STAMP)
	@test -n "$(ID)" || { echo "usage: make new-case ID=teulu-jones"; exit 2; }
	$(PY) -m macros.new_case $(ID)

# The suite with a valid case study it has never seen: a copy of the project with the fixture
# family (tests/fixtures/unseen/) added to scenarios/, built and tested as `make test` does.
# PYTEST_ARGS narrows it, e.g. PYTEST_ARGS='-m "not browser"'.
test-unseen: test-deps
	@dir=$$(mktemp -d) && \
	cp -r mkdocs.yml docs macros overrides scenarios tests pytest.ini package.json package-lock.json Makefile README.md requirements.txt requirements-test.txt .htmlvalidate.mjs $$dir/ && \
	rm -rf $$dir/docs/case-studies && cp tests/fixtures/unseen/*.yml $$dir/scenarios/ && \
	ln -s $(CURDIR)/node_modules $$dir/node_modules && ln -s $(CURDIR)/$(VENV) $$dir/$(VENV) && \
	cd $$dir && $(MKDOCS) build --strict -q && \
	ECP_SITE=site $(PY) -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS) tests; \
	rc=$$?; echo "unseen-case run in $$dir"; exit $$rc

# Check one case study in a second or two, without building the site.
check-case: $(STAMP)
	@test -n "$(ID)" || { echo "usage: make check-case ID=teulu-jones"; exit 2; }
	@$(PY) -m macros.check_case $(ID)

# Tools beyond Python: Debian's Chromium and aspell-cy; from npm, what the build itself runs
# (Pagefind for the search index, workbox-build for the service worker, esbuild to minify) and
# the checkers (axe-core, html-validate).
$(CHROMIUM):
	apt-get update -qq && apt-get install -y -qq chromium aspell aspell-cy

/usr/lib/aspell/cy.multi:
	apt-get update -qq && apt-get install -y -qq aspell aspell-cy

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

test-deps: $(STAMP) $(CHROMIUM) /usr/lib/aspell/cy.multi node_modules/.installed

# The site is built once: pytest reads this build through ECP_SITE (run by hand, pytest builds its
# own). The Node suite runs here only. PYTEST_ARGS narrows a run: make test PYTEST_ARGS="-m unit"
# (markers: unit, built, browser); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2
test: test-deps
	$(MKDOCS) build --strict
	npx --no-install html-validate "site/**/*.html"
	node --test tests/node/*.test.mjs
	ECP_SITE=site $(PY) -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS) tests; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$rc

bench: test-deps
	$(MKDOCS) build --strict
	$(PY) tests/bench.py

# PNGs of every page kind, both languages, at 320, 768 and 1280px, with an index page.
screenshots: test-deps
	$(MKDOCS) build --strict
	$(PY) tests/screenshots.py site --out screenshots
	@echo "open screenshots/index.html"

clean:
	rm -rf site .pytest_cache docs/case-studies screenshots
