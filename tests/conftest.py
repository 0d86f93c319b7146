"""Shared fixtures: the built site, a local server, real headless Chromium and its tabs.

The site is built once: `make test` builds it with --strict and passes the folder in ECP_SITE;
without ECP_SITE (pytest run by hand) it is built here, once per session (per worker under xdist,
each from its own copy of the project).

Markers, given by what a test uses (see pytest_collection_modifyitems):
  unit     no build and no browser: `pytest -m unit` takes seconds
  built    reads the built site or runs a build of its own
  browser  drives Chromium
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from helpers import (CHROMIUM, CHROMIUM_ARGS, ROOT, Requests, SiteServer, axe_violations, copy_project,
                     make_variant, mkdocs_build)

BROWSER_FIXTURES = {"browser", "page", "csp_page", "context", "csp_context", "make_tab", "base_url"}
BUILT_FIXTURES = {"site"}


def _runs_a_build(item) -> bool:
    """The test, or a fixture it uses, calls mkdocs_build (a build of a changed copy)."""
    funcs = [item.function]
    info = getattr(item, "_fixtureinfo", None)
    if info:
        for defs in info.name2fixturedefs.values():
            funcs += [d.func for d in defs]
    return any("mkdocs_build" in getattr(getattr(f, "__code__", None), "co_names", ()) for f in funcs)


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("browser") or item.get_closest_marker("built") or item.get_closest_marker("unit"):
            continue
        names = set(item.fixturenames)  # every fixture the test needs, through other fixtures too
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        elif names & BUILT_FIXTURES or _runs_a_build(item):
            item.add_marker(pytest.mark.built)
        else:
            item.add_marker(pytest.mark.unit)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built with --strict from the working tree (or the build named by ECP_SITE)."""
    given = os.environ.get("ECP_SITE")
    if given:
        out = Path(given).resolve()
        assert (out / "index.html").is_file() and (out / "cy" / "index.html").is_file(), \
            f"ECP_SITE={given} is not a built site"
        return out
    out = tmp_path_factory.mktemp("site")
    project = ROOT
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Workers building the working tree at once would race on docs/case-studies/ (generated).
        project = copy_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def variant(tmp_path_factory) -> Path:
    """The site built from a changed copy (helpers.make_variant), once for every worker: the first
    worker to ask builds it under a lock, the others wait and read it."""
    import fcntl
    import shutil

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # shared by the workers of this run
    out = root / "variant-site"
    with open(root / "variant.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "index.html").is_file():
            project = root / "variant-project"
            shutil.rmtree(project, ignore_errors=True)
            project.mkdir()
            result = mkdocs_build(make_variant(copy_project(project)), out)
            assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def base_url(site) -> str:
    server = SiteServer(site)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def record(pg, console: bool = False):
    """Route every request through the tab so even memory-cached responses are seen (pg.requests);
    abort anything off this machine; keep script errors (pg.errors), and with `console` the
    console's errors too."""
    pg.requests = Requests()
    pg.errors = []

    def _route(route):
        url = route.request.url
        pg.requests.append(url)
        if urlparse(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    pg.route("**/*", _route)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    if console:
        pg.on("console", lambda m: m.type == "error" and pg.errors.append("console: " + m.text))
    return pg


@pytest.fixture(scope="session")
def make_tab(browser):
    """A factory: `with make_tab(bypass_csp=True, console=True) as tab:` gives a recording tab in a
    new context (1280x900, service workers blocked unless options say otherwise)."""
    @contextlib.contextmanager
    def _make(console: bool = False, **options):
        ctx = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, "service_workers": "block", **options})
        try:
            yield record(ctx.new_page(), console=console)
        finally:
            ctx.close()
    return _make


# Playwright's wait_for_function evaluates its string inside the page, which the site's Content
# Security Policy (rightly) refuses. Tests of behaviour bypass the CSP (context, page); the tests of
# every page (test_pages.py) enforce it.

@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block", bypass_csp=True)
    yield ctx
    ctx.close()


@pytest.fixture
def csp_context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return record(context.new_page())


@pytest.fixture
def csp_page(csp_context):
    return record(csp_context.new_page())


@pytest.fixture
def axe():
    return axe_violations
