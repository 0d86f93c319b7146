"""Shared fixtures: a strict build of the site, a local server, and real headless Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project, for builds with changed scenarios."""
    for name in ("mkdocs.yml", "docs", "macros", "overrides", "scenarios"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "case-studies"))
        else:
            shutil.copy(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")  # the build's npm tools
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built with --strict from the working tree."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def published_path() -> str:
    """The path of the published address (site_url), e.g. "/effective-child-protection"."""
    import re
    url = os.environ.get("SITE_URL") or re.search(
        r'site_url: !ENV \[SITE_URL, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text(encoding="utf-8")).group(1)
    return urlparse(url).path.rstrip("/")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    # The site answers at / and also under its published path: the 404 page, like GitHub Pages',
    # links its assets from the published address (site_url), not relative to itself.
    prefix = ""

    def translate_path(self, path):
        if self.prefix and (path == self.prefix or path.startswith(self.prefix + "/")):
            path = path[len(self.prefix):] or "/"
        return super().translate_path(path)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site) -> str:
    _Quiet.prefix = published_path()
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Requests(list):
    """Every URL the page asked for."""

    def external(self) -> list[str]:
        return [u for u in self if urlparse(u).hostname not in ("127.0.0.1", None) and not u.startswith(("data:", "blob:"))]


@pytest.fixture
def context(browser):
    # Playwright's wait_for_function evaluates its string inside the page, which the site's
    # Content Security Policy (rightly) refuses. Tests of behaviour bypass the CSP;
    # tests/test_csp.py uses csp_context, which enforces it, on a page of every kind.
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block",
                              bypass_csp=True)
    yield ctx
    ctx.close()


@pytest.fixture
def csp_context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return _page(context)


@pytest.fixture
def csp_page(csp_context):
    return _page(csp_context)


def _page(context):
    pg = context.new_page()
    pg.requests = Requests()
    # Route everything so even memory-cached responses are seen; abort anything off this machine.
    def _route(route):
        url = route.request.url
        pg.requests.append(url)
        host = urlparse(url).hostname
        if host in ("127.0.0.1",) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            route.abort()
    pg.route("**/*", _route)
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    return pg


def axe_violations(page, context_selector: str | None = None) -> list[dict]:
    """Run axe-core on the page (or one part of it) and return its violations, summarised.

    Waits for running CSS transitions and animations to finish first, so axe judges the state
    a reader sees, not a frame of a fade-in.
    """
    # An evaluated function, not wait_for_function: its polling uses eval, which the site's CSP
    # (rightly) refuses.
    page.evaluate("""async () => {
        const settled = () => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
        for (const end = Date.now() + 5000; !settled() && Date.now() < end;) await new Promise(r => requestAnimationFrame(r));
    }""")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        f"""async () => {{
            const ctx = {'document' if context_selector is None else 'document.querySelector(' + repr(context_selector) + ')'};
            const r = await axe.run(ctx, {{runOnly: {{type: "tag", values: {AXE_TAGS!r}}}}});
            return r.violations.map(v => ({{id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + (n.failureSummary || ""))}}));
        }}"""
    )
    return result


@pytest.fixture
def axe():
    return axe_violations
