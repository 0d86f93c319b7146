"""The benchmark: `make bench` (after `make test`'s set-up). Writes BENCHMARKS.md at the top level.

Targets are the issue's numbers (issue 15, with the search figures of issue 9 and the offline
figures of issue 13). Nothing here is a timed test: every figure goes into the report with its
target, met or not, and what stands in the way of a missed one.

    .venv/bin/python tests/bench.py [--site SITE] [--no-lighthouse] [--no-build] [--build-runs N]
                                    [--scales 3,30,100] [--report PATH]

Exit code 1 when a target is missed, 2 on a setup error.
"""
from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import http.server
import json
import mimetypes
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

# --- Targets (the issues' numbers; never soften them here) ---------------------------------------
MAX_PAGE_GZIP_KIB = 100       # everything a first visit downloads, per page kind and language
MAX_OWN_GZIP_KIB = 15         # the project's own JS and CSS on one page
LIGHTHOUSE_TARGET = 100       # performance, accessibility, best practices, SEO; mobile and desktop
MAX_BUILD_RATIO = 1.25        # real build / plain-Markdown build of the same pages
MAX_BUILD_RATIO_100 = 1.5     # the same with 100 scenarios
MAX_SERVE_REBUILD_S = 2.0     # `make serve`: a scenario edit to a rebuilt site
MAX_QUERY_MS = 100            # a search query under Lighthouse's mobile CPU throttling (4x)
CPU_THROTTLE = 4

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "BENCHMARKS.md"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
LIGHTHOUSE_VERSION = "12"  # 13 needs Node 22
LIGHTHOUSE_TIMEOUT_S = 180
LIGHTHOUSE_RUNS = 3  # per page and form; the run with the median performance score is reported
KIB = 1024
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "application/manifest+json", "application/wasm")
# Material's own files; everything else under assets/ is the project's.
THEME_ASSETS = ("/assets/javascripts/", "/assets/stylesheets/", "/assets/images/")
SEARCH_PREFIXES = ("/pagefind/", "/search/")  # and search's lazy modules, but not its loader

# Page kinds (issue 15), English path; the Welsh twin is /cy + path. A kind whose page does not
# exist yet is reported as missing, not skipped silently.
PAGE_KINDS = [
    ("home", "/"),
    ("element page", "/elements/change/"),
    ("conference guidance", "/practice/conference/"),
    ("case-study exercise", "/case-studies/teulu-hughes/"),
    ("rewrites", "/case-studies/teulu-hughes/rewrites/"),
    ("checker", "/plans/checker/"),
    ("workbook", "/steps/workbook/"),
    ("self-study", "/learn/self-study/"),
    ("glossary", "/learn/glossary/"),
]
# Search (issue 9): a first query typed in each language, then repeated queries timed.
SEARCH_QUERIES = [("en", "/elements/change/", "conferences", ["plans", "safety", "child", "worried"]),
                  ("cy", "/cy/elements/change/", "mhlant", ["ofal", "nghartref", "ty", "diogelwch"])]


def pages() -> list[tuple[str, str, str]]:
    """(kind, lang, path) for every page kind in both languages."""
    out = []
    for kind, path in PAGE_KINDS:
        out += [(kind, "en", path), (kind, "cy", "/cy" + path)]
    return out


# --- Helpers -------------------------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site and writes down every response it sends: (when, path, status, file).

    The page weight is counted here, at the server, so everything that arrives counts the way a
    browser meets it: the page, its files, the service worker and whatever its install fetches,
    the manifest and the icons the browser asks for, whoever asked (page, worker or browser).
    """
    log: list[tuple[float, str, int, str]] = []
    # Text is sent gzipped to a browser that asks, as GitHub Pages and any web host send it, so that
    # Lighthouse's simulated slow 4G carries the bytes a reader's phone would receive.
    COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".webmanifest", ".xml", ".txt")

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0].split("#")[0]
        fs = self.translate_path(path)
        if os.path.isdir(fs) and path.endswith("/"):
            fs = os.path.join(fs, "index.html")
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not fs.endswith(self.COMPRESSED)
                or not os.path.isfile(fs)):
            return super().do_GET()
        mtime = int(os.stat(fs).st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                if mtime <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(304)
                    self.end_headers()
                    return
            except (TypeError, ValueError):
                pass
        body = gzip.compress(Path(fs).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(fs))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(mtime))
        self.end_headers()
        self.wfile.write(body)

    def send_response(self, code, message=None):
        path = self.path.split("?")[0].split("#")[0]
        fs = self.translate_path(path)
        if os.path.isdir(fs):
            fs = os.path.join(fs, "index.html")
        _Quiet.log.append((time.monotonic(), path, code, fs))
        super().send_response(code, message)


def serve(site: Path):
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def gzip_size(body: bytes, content_type: str) -> int:
    """Size on the wire with gzip (level 6, as GitHub Pages and most servers use) for text types."""
    if any(content_type.startswith(t) for t in COMPRESSIBLE):
        return min(len(body), len(gzip.compress(body, compresslevel=6, mtime=0)))
    return len(body)


def kib(n: float) -> str:
    return f"{n / KIB:.1f}"


def met(ok: bool | None) -> str:
    return "–" if ok is None else ("met" if ok else "**missed**")


def median_spread(xs: list[float]) -> str:
    return f"{statistics.median(xs):.2f} s (spread {min(xs):.2f}–{max(xs):.2f}, n={len(xs)})"


def version(cmd: list[str]) -> str:
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except Exception as e:  # noqa: BLE001 - any failure is reported as such
        return f"unknown ({e.__class__.__name__})"


def load() -> float:
    return os.getloadavg()[0]


# --- Page weight ---------------------------------------------------------------------------------

@dataclass
class Resource:
    url: str
    status: int
    type: str
    raw: int
    gz: int

    @property
    def own(self) -> bool:
        p = self.url.split("?")[0]
        return (p.startswith("/assets/") and not p.startswith(THEME_ASSETS)
                and p.endswith((".js", ".mjs", ".css")))

    @property
    def offline(self) -> bool:
        p = self.url.split("?")[0]
        return (p.endswith(("/sw.js", ".webmanifest", "/offline.html")) or "/assets/icons/" in p
                or p.startswith("/assets/components/offline/offline-page."))

    @property
    def search(self) -> bool:
        p = self.url.split("?")[0]
        return p.startswith(SEARCH_PREFIXES) or (
            p.startswith("/assets/components/search/") and not p.endswith("/loader.js"))


@dataclass
class Visit:
    kind: str
    lang: str
    path: str
    status: int = 0
    resources: list[Resource] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    asked: set[str] = field(default_factory=set)  # paths the page itself asked for

    @property
    def missing(self) -> bool:
        return self.status != 200

    def gz(self, pred=lambda r: True) -> int:
        return sum(r.gz for r in self.resources if pred(r))


def record(ctx, base: str, into: list[Resource], external: list[str], errors: list[str]):
    """Route every request, so memory-cached responses are counted too; abort any off-site one."""
    def route(r):
        url = r.request.url
        if url.startswith(("data:", "blob:")):
            return r.continue_()
        if urlparse(url).hostname != "127.0.0.1":
            external.append(url)
            return r.abort()
        try:
            resp = r.fetch()
            body = resp.body()
        except Exception as e:  # noqa: BLE001 - the page navigated away or the server went
            errors.append(f"{url}: {e}")
            return r.abort()
        ctype = resp.headers.get("content-type", "").split(";")[0].strip()
        into.append(Resource(url[len(base):], resp.status, ctype, len(body), gzip_size(body, ctype)))
        r.fulfill(response=resp, body=body)
    ctx.route("**/*", route)


def served_since(start: int) -> list[Resource]:
    """What the server sent since log entry `start`: gzip bytes for 200s, nothing for a 304."""
    out = []
    for _, path, status, fs in _Quiet.log[start:]:
        ctype = mimetypes.guess_type(fs)[0] or "application/octet-stream"
        if fs.endswith(".webmanifest"):
            ctype = "application/manifest+json"
        raw = gz = 0
        if status == 200 and os.path.isfile(fs):
            body = Path(fs).read_bytes()
            raw, gz = len(body), gzip_size(body, ctype)
        out.append(Resource(path, status, ctype, raw, gz))
    return out


def quiet_after(start: int, quiet_s: float = 3.0, limit_s: float = 30.0) -> bool:
    """Wait until the server has had no request for quiet_s (the network is idle); False if never."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit_s:
        last = _Quiet.log[-1][0] if len(_Quiet.log) > start else t0
        if time.monotonic() - last >= quiet_s:
            return True
        time.sleep(0.2)
    return False


def weigh(browser, base: str, kind: str, lang: str, path: str) -> Visit:
    """A first visit: a new browser profile (cold cache, no service worker) opens the page, and
    everything the server sends until the service worker is active and the server has been quiet
    for 2 s is counted, service worker and
    its install, manifest and icons included. Requests that would leave the site are refused
    and listed."""
    v = Visit(kind, lang, path)
    ctx = browser.new_context(viewport={"width": 412, "height": 823}, bypass_csp=True)
    ctx.on("request", lambda r: v.external.append(r.url)
           if urlparse(r.url).hostname not in (None, "127.0.0.1") and not r.url.startswith(("data:", "blob:")) else None)
    page = ctx.new_page()
    page.on("pageerror", lambda e: v.errors.append(f"page error: {e}"))
    page.on("request", lambda r: v.asked.add(urlparse(r.url).path))
    start = len(_Quiet.log)
    try:
        resp = page.goto(base + path, wait_until="load")
        v.status = resp.status if resp else 0
        # The worker is registered once the page is idle: wait for it to be installed and active,
        # so its install is counted, then for the network to go quiet.
        if not page.evaluate("""() => !navigator.serviceWorker ? true : Promise.race([
                navigator.serviceWorker.ready.then(() => true),
                new Promise((r) => setTimeout(() => r(false), 30000))])"""):
            v.errors.append("no service worker active 30 s after load")
        if not quiet_after(start, 2.0):
            v.errors.append("network not idle after 30 s")
    finally:
        v.resources = served_since(start)
        ctx.close()
    return v


# --- Search --------------------------------------------------------------------------------------

@dataclass
class SearchRun:
    lang: str
    query: str
    bytes_gz: int = 0
    requests: int = 0
    startup_ms: float | None = None  # a fresh visit: from opening search to Pagefind ready
    first_ms: float | None = None    # then the visit's first query
    query_ms: list[float] = field(default_factory=list)
    results: int = 0
    error: str = ""


# The search module's work for one query: from the call (the module is loaded: search is open) to
# the first ten results' data.
# Pagefind runs in a Web Worker where the browser has them, and Chromium's CPU throttling applies
# to pages only ("Operation is only supported for pages, not workers"): timed in a worker, its work
# would run at full speed. So the benchmark hides Worker and Pagefind does the same work on the
# page's thread, where the 4x throttling applies.
NO_WORKER = "delete window.Worker;"

TIMED_QUERY = """async ([q, lang]) => {
    const t0 = performance.now();
    const m = await import('/assets/components/search/search.js');
    const found = await m.find(q, lang);
    await Promise.all(found.slice(0, 10).map((r) => r.result.data()));
    return performance.now() - t0; }"""


def first_query_ms(browser, base: str, lang: str, path: str, query: str) -> tuple[float | None, float | None, str]:
    """A fresh visit under 4x CPU throttling: the page loaded and quiet, the reader opens search
    (a click in the box), which starts Pagefind (its script, wasm and the language's index list):
    the start-up is timed from the click until Pagefind is ready. Then the visit's first query: the
    search module's work from the call to the first ten results' data, the index chunks its words
    need fetched on the way."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    ctx.add_init_script(NO_WORKER)
    page = ctx.new_page()
    try:
        page.goto(base + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_THROTTLE})
        page.evaluate("() => { window.__opened = performance.now(); }")
        page.click(".md-search__input")
        startup = page.evaluate("""async (lang) => {
            const m = await import('/assets/components/search/search.js');
            await m.ready(lang);
            return performance.now() - window.__opened; }""", lang)
        ms = page.evaluate(TIMED_QUERY, [query, lang])
        return float(startup), float(ms), ""
    except Exception as e:  # noqa: BLE001 - reported, not raised
        return None, None, f"first query: {e.__class__.__name__}: {str(e).splitlines()[0]}"
    finally:
        ctx.close()


def search_run(browser, base: str, lang: str, path: str, query: str, repeats: list[str]) -> SearchRun:
    """Open search and type a query: the bytes that fetches, then query times under 4x CPU throttling.

    The first query goes through the box as a reader types it, and counts everything fetched from
    opening search to the results (Pagefind, its wasm, the index chunks). Query times are the
    search module's own work for later queries (expansion of Welsh forms, Pagefind, the first ten
    results' data), without the box's typing pause.
    """
    run = SearchRun(lang, query)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    ctx.add_init_script(NO_WORKER)
    seen: list[Resource] = []
    record(ctx, base, seen, [], [])
    page = ctx.new_page()
    try:
        page.goto(base + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        before = len(seen)
        cdp = ctx.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_THROTTLE})
        page.click(".md-search__input")
        page.locator(".md-search__input").press_sequentially(query)
        page.wait_for_function("""() => { const m = document.querySelector('.md-search-result__meta');
                                          return m && /\\d/.test(m.textContent) && !m.textContent.includes('…'); }""",
                               timeout=30000)
        page.wait_for_load_state("networkidle", timeout=10000)
        first = seen[before:]
        run.bytes_gz = sum(r.gz for r in first)
        run.requests = len(first)
        run.results = page.locator(".md-search-result__item").count()
        for q in repeats * 2:
            ms = page.evaluate(TIMED_QUERY, [q, lang])
            run.query_ms.append(float(ms))
    except Exception as e:  # noqa: BLE001 - reported, not raised
        run.error = f"{e.__class__.__name__}: {str(e).splitlines()[0]}"
    finally:
        ctx.close()
    if not run.error:
        run.startup_ms, run.first_ms, err = first_query_ms(browser, base, lang, path, query)
        run.error = err
    return run


# --- Offline copy --------------------------------------------------------------------------------

def offline_sizes(site: Path) -> dict:
    """Service worker and manifest bytes, and each language's offline copy (from the precache lists)."""
    out = {}
    for name in ("sw.js", "manifest.webmanifest", "cy/manifest.webmanifest"):
        p = site / name
        if p.exists():
            b = p.read_bytes()
            out[name] = (len(b), gzip_size(b, "text/"))
    for lists in sorted(site.glob("**/precache-*.json")) + sorted(site.glob("offline/*.json")):
        try:
            data = json.loads(lists.read_text(encoding="utf-8"))
        except ValueError:
            continue
        entries = data.get("entries", data) if isinstance(data, dict) else data
        urls = [e["url"] if isinstance(e, dict) else e for e in entries]
        raw = gz = 0
        for u in urls:
            f = site / u.lstrip("/").split("?")[0]
            if f.is_dir():
                f = f / "index.html"
            if f.exists():
                b = f.read_bytes()
                raw += len(b)
                gz += gzip_size(b, "text/" if f.suffix in (".html", ".js", ".css", ".json", ".svg") else "")
        out[str(lists.relative_to(site))] = (raw, gz, len(urls))
    # Our service worker carries its file list inline (issue 13): each entry has a group, core
    # (offline page), shared (assets, search), en or cy. A kept copy is core + shared + language.
    sw = site / "sw.js"
    found = re.search(r"const FILES ?= ?(\[.*?\])[;,]", sw.read_text(encoding="utf-8")) if sw.exists() else None
    if found:
        files = json.loads(found.group(1))
        for name, langs in (("en", {"en"}), ("cy", {"cy"}), ("en+cy", {"en", "cy"})):
            raw = gz = count = 0
            for e in files:
                if e["group"] not in {"core", "shared"} | langs:
                    continue
                f = site / (e["url"] + "index.html" if e["url"] == "" or e["url"].endswith("/") else e["url"])
                b = f.read_bytes()
                raw, gz, count = raw + len(b), gz + gzip_size(b, "" if f.suffix == ".png" else "text/"), count + 1
            out[f"kept copy: {name}"] = (raw, gz, count)
        page = [site / "assets/components/offline" / n for n in ("offline.js", "offline.css")]
        out["every page: offline.js + offline.css"] = (sum(len(p.read_bytes()) for p in page),
                                                       sum(gzip_size(p.read_bytes(), "text/") for p in page))
    return out


# --- Lighthouse ----------------------------------------------------------------------------------

def lighthouse_cli(log) -> tuple[Path | None, str]:
    prefix = ROOT / ".tmp" / "lighthouse"
    cli = prefix / "node_modules" / "lighthouse" / "cli" / "index.js"
    if cli.exists():
        return cli, ""
    if not shutil.which("npm"):
        return None, "npm is not installed"
    log(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {prefix.relative_to(ROOT)} ...")
    prefix.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
                        "--loglevel=error", "--no-save", f"lighthouse@{LIGHTHOUSE_VERSION}"],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0 or not cli.exists():
        return None, "npm install lighthouse failed: " + (r.stderr.strip().splitlines() or ["?"])[-1]
    return cli, ""


def lighthouse(cli: Path, base: str, path: str, form: str) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="lh-", dir=cli.parents[3]))
    try:
        out = tmp / "lh.json"
        env = {**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": str(tmp)}
        cmd = ["node", str(cli), base + path, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=performance,accessibility,best-practices,seo",
               "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]), "--max-wait-for-load=30000"]
        if form == "desktop":
            cmd.append("--preset=desktop")
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=LIGHTHOUSE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return {"error": "timed out"}
        if r.returncode != 0 or not out.exists():
            return {"error": (r.stderr.strip().splitlines() or ["failed"])[-1]}
        data = json.loads(out.read_text(encoding="utf-8"))
        if data.get("runtimeError"):
            return {"error": data["runtimeError"].get("message")}
        s = {k: round((v.get("score") or 0) * 100) for k, v in data["categories"].items()}
        s["failed"] = sorted({
            ref["id"] for cat in data["categories"].values() for ref in cat.get("auditRefs", [])
            if ref.get("weight") and data["audits"].get(ref["id"], {}).get("score") not in (None, 1)})
        audits = data["audits"]
        s["fcp"] = round(audits["first-contentful-paint"]["numericValue"])
        s["lcp"] = round(audits["largest-contentful-paint"]["numericValue"])
        s["tbt"] = round(audits["total-blocking-time"]["numericValue"])
        s["cls"] = round(audits["cumulative-layout-shift"]["numericValue"], 3)
        return s
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def lighthouse_median(cli: Path, base: str, path: str, form: str, runs: int) -> dict:
    """Lighthouse `runs` times; the run with the median performance score (as Lighthouse's own
    median-run helper picks it), with how many runs there were."""
    got = [lighthouse(cli, base, path, form) for _ in range(runs)]
    ok = sorted((g for g in got if "error" not in g), key=lambda g: g.get("performance", 0))
    if not ok:
        return got[-1]
    return {**ok[(len(ok) - 1) // 2], "runs": len(ok)}


# --- Build cost ----------------------------------------------------------------------------------
# The real build against a plain-Markdown site of the same pages and the same text, on the same
# stack (MkDocs, Material, static-i18n, the same Markdown extensions and templates) but without
# macros or hooks. The plain site is made from the real build itself: a capture hook saves each
# page's Markdown after the macros ran, with its front matter, and the final navigation.

PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "overrides", "scenarios", "package.json")

CAPTURE_HOOK = '''
import json, os
from pathlib import Path
from markupsafe import Markup
from mkdocs.plugins import event_priority
OUT = Path(os.environ["ECP_CAPTURE"])
CTX = {"page": {}, "template": {}, "env": {}, "strings": {}}

def _lang(config):
    p = config.plugins.get("i18n")
    return (p and p.current_language) or "en"

def _plain(v):
    if isinstance(v, Markup):
        return {"__markup__": str(v)}
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v

@event_priority(-1000)
def on_config(config):
    langs = {l.locale: dict(l.nav_translations or {}) for l in config.plugins["i18n"].config.languages}
    (OUT / "nav.json").write_text(json.dumps({"nav": config["nav"], "translations": langs}), encoding="utf-8")
    return config

@event_priority(-1000)
def on_env(env, config, files):
    from macros import strings
    lang = _lang(config)
    CTX["env"][lang] = {k: _plain(v) for k, v in env.globals.items() if k.startswith("ecp_") and not callable(v)}
    prefixes = {k.split(".", 1)[0] for k in strings.load()}
    for l in ("en", "cy"):
        CTX["strings"][l] = {p: strings.for_prefix(p, l) for p in prefixes}
    return env

@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    dest = OUT / "docs" / page.file.src_uri
    dest.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in page.meta.items() if not k.startswith(("render_macros", "ecp_"))}
    front = ("---\\n" + json.dumps(meta, ensure_ascii=False) + "\\n---\\n\\n") if meta else ""
    dest.write_text(front + markdown, encoding="utf-8")
    return markdown

@event_priority(-1000)
def on_page_content(html, page, config, files):
    # Generated case-study pages get their HTML after Markdown (macros/case_pages.py): the plain
    # twin takes that HTML as its page source.
    if "ecp_generated" in page.meta:
        dest = OUT / "docs" / page.file.src_uri
        meta = {k: v for k, v in page.meta.items() if not k.startswith(("render_macros", "ecp_"))}
        dest.write_text("---\\n" + json.dumps(meta, ensure_ascii=False) + "\\n---\\n\\n" + html, encoding="utf-8")
    return html

@event_priority(-1000)
def on_page_context(context, page, config, nav):
    CTX["page"][_lang(config) + ":" + page.file.src_uri] = {k: _plain(v) for k, v in context.items() if k.startswith("ecp_")}
    return context

@event_priority(-1000)
def on_template_context(context, template_name, config):
    CTX["template"][_lang(config) + ":" + template_name] = {k: _plain(v) for k, v in context.items() if k.startswith("ecp_")}
    return context

@event_priority(-2000)
def on_post_build(config):
    (OUT / "context.json").write_text(json.dumps(CTX, ensure_ascii=False), encoding="utf-8")
'''

# The plain twin's only hook: it hands the theme templates the values the real hooks computed
# (header strings, the twin page's path...), read from a file. It runs no macros, generates
# nothing, and has none of the real build's post-build steps.
REPLAY_HOOK = '''
import json
from pathlib import Path
from markupsafe import Markup
D = json.loads((Path(__file__).parent / "context.json").read_text(encoding="utf-8"))

def _lang(config):
    p = config.plugins.get("i18n")
    return (p and p.current_language) or "en"

def _back(v):
    if isinstance(v, dict):
        return Markup(v["__markup__"]) if set(v) == {"__markup__"} else {k: _back(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_back(x) for x in v]
    return v

def on_env(env, config, files):
    env.globals.update(_back(D["env"].get(_lang(config), {})))
    env.globals["ecp_strings"] = lambda prefix, lang: D["strings"][lang].get(prefix, {})
    return env

def on_page_context(context, page, config, nav):
    context.update(_back(D["page"].get(_lang(config) + ":" + page.file.src_uri, {})))
    return context

def on_template_context(context, template_name, config):
    context.update(_back(D["template"].get(_lang(config) + ":" + template_name, {})))
    return context
'''


def copy_project(dest: Path, copies: int = 0) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "case-studies"))
        elif src.exists():
            shutil.copy(src, dest / name)
    if (ROOT / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    sample = dest / "scenarios" / "teulu-hughes.yml"
    for i in range(copies):
        shutil.copy(sample, dest / "scenarios" / f"teulu-copi-{i + 1:03d}.yml")
    return dest


def mkdocs(project: Path, config: str, site: Path, env_extra: dict | None = None) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env_extra or {})}
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
                       cwd=project, env=env, capture_output=True, text=True)
    took = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError(f"build of {project}/{config} failed:\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return took


def make_plain(real: Path, plain: Path) -> None:
    """The plain twin of a copied project: captured Markdown, no macros, no hooks."""
    real = real.resolve()
    cap = real / ".capture"
    (real / "capture_hook.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    conf = yaml.safe_load((real / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    hooks = conf.get("hooks", [])
    (real / "capture.yml").write_text(yaml.safe_dump({
        "INHERIT": "mkdocs.yml", "hooks": [*hooks, "capture_hook.py"]}), encoding="utf-8")
    (cap / "docs").mkdir(parents=True, exist_ok=True)
    mkdocs(real, "capture.yml", real / ".capture-site", {"ECP_CAPTURE": str(cap)})
    shutil.rmtree(real / ".capture-site", ignore_errors=True)

    plain.mkdir(parents=True, exist_ok=True)
    shutil.copytree(cap / "docs", plain / "docs")
    for f in (real / "docs").rglob("*"):  # assets and any other non-Markdown file
        if f.is_file() and f.suffix != ".md":
            target = plain / "docs" / f.relative_to(real / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, target)
    shutil.copytree(real / "overrides", plain / "overrides")
    navs = json.loads((cap / "nav.json").read_text(encoding="utf-8"))
    text = (real / "mkdocs.yml").read_text(encoding="utf-8")
    conf = yaml.load(text.replace("!ENV [SITE_URL, ", "[").replace("!ENV", ""), Loader=yaml.SafeLoader)
    if isinstance(conf.get("site_url"), list):
        conf["site_url"] = conf["site_url"][-1]
    conf["hooks"] = ["replay_hook.py"]
    shutil.copy(cap / "context.json", plain / "context.json")
    (plain / "replay_hook.py").write_text(REPLAY_HOOK, encoding="utf-8")
    conf["plugins"] = [p for p in conf["plugins"] if not (p == "macros" or (isinstance(p, dict) and "macros" in p))]
    conf["nav"] = navs["nav"]
    for p in conf["plugins"]:
        if isinstance(p, dict) and "i18n" in p:
            for lang in p["i18n"]["languages"]:
                if navs["translations"].get(lang["locale"]):
                    lang["nav_translations"] = navs["translations"][lang["locale"]]
    conf.pop("watch", None)
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), encoding="utf-8")


@dataclass
class BuildCost:
    scenarios: int
    real: list[float] = field(default_factory=list)
    plain: list[float] = field(default_factory=list)
    pages: int = 0
    error: str = ""

    @property
    def ratio(self) -> float:
        return statistics.median(self.real) / statistics.median(self.plain)


def build_cost(scenarios: int, runs: int, log) -> BuildCost:
    bc = BuildCost(scenarios)
    with tempfile.TemporaryDirectory(prefix="bench-build-", dir=ROOT / ".tmp") as tmp:
        tmp = Path(tmp)
        real = copy_project(tmp / "real", copies=max(0, scenarios - len(list((ROOT / "scenarios").glob("*.yml")))))
        try:
            make_plain(real, tmp / "plain")
        except RuntimeError as e:
            bc.error = str(e)
            return bc
        bc.pages = sum(1 for _ in (tmp / "plain" / "docs").rglob("*.md"))
        for i in range(runs):  # alternate, so drift in the machine's load hits both alike
            bc.real.append(mkdocs(real, "mkdocs.yml", tmp / "site-real"))
            bc.plain.append(mkdocs(tmp / "plain", "mkdocs.yml", tmp / "site-plain"))
            log(f"    run {i + 1}: real {bc.real[-1]:.1f} s, plain {bc.plain[-1]:.1f} s")
    return bc


def serve_rebuild(log) -> tuple[float | None, str]:
    """`mkdocs serve`: seconds from saving a scenario edit to the changed page being served."""
    import socket
    import urllib.request

    with tempfile.TemporaryDirectory(prefix="bench-serve-", dir=ROOT / ".tmp") as tmp:
        real = copy_project(Path(tmp) / "real")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        # As `make serve` does: the local address, not the published one (whose path would move pages).
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=real, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        url = f"http://127.0.0.1:{port}/case-studies/teulu-hughes/"

        def fetch() -> str:
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    return r.read().decode("utf-8")
            except Exception:  # noqa: BLE001 - not up yet
                return ""
        try:
            deadline = time.monotonic() + 180
            while "teulu-hughes" not in fetch() and "Hughes" not in fetch():
                if time.monotonic() > deadline or proc.poll() is not None:
                    return None, "mkdocs serve did not come up"
                time.sleep(0.5)
            time.sleep(3)  # let the watcher settle
            path = real / "scenarios" / "teulu-hughes.yml"
            marker = "Benchmark edit 7f3c"
            text = path.read_text(encoding="utf-8")
            new, n = re.subn(r"(\n  en: )(.+)", lambda m: m.group(1) + m.group(2).rstrip() + " " + marker, text, count=1)
            if not n:
                return None, "could not find an English text to edit in teulu-hughes.yml"
            t0 = time.monotonic()
            path.write_text(new, encoding="utf-8")
            while marker not in fetch():
                if time.monotonic() - t0 > 120:
                    return None, "the edit did not appear within 120 s"
                time.sleep(0.1)
            return time.monotonic() - t0, ""
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


# --- Report --------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", default=str(ROOT / "site"), help="built site (default: site/)")
    ap.add_argument("--no-lighthouse", action="store_true")
    ap.add_argument("--lighthouse-runs", type=int, default=LIGHTHOUSE_RUNS,
                    help=f"Lighthouse runs per page and form, median reported (default {LIGHTHOUSE_RUNS})")
    ap.add_argument("--lighthouse-budget", type=int, default=0,
                    help="stop starting Lighthouse runs after this many seconds (0: no limit); the rest are reported as not run")
    ap.add_argument("--lighthouse-results", help="use Lighthouse figures saved by an earlier run (.tmp/lighthouse-results.json)")
    ap.add_argument("--no-build", action="store_true", help="skip the build-cost and serve measurements")
    ap.add_argument("--build-runs", type=int, default=5, help="alternating real/plain builds per scale")
    ap.add_argument("--scale-runs", type=int, default=None, help="runs for the scales above 3 (default: --build-runs)")
    ap.add_argument("--scales", default="3,30,100", help="scenario counts for the growth figures")
    ap.add_argument("--report", default=str(REPORT))
    args = ap.parse_args()
    site = Path(args.site).resolve()
    if not (site / "index.html").exists():
        print(f"{site} has no index.html: build first (`make bench` does)", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run `make test-deps`", file=sys.stderr)
        return 2
    (ROOT / ".tmp").mkdir(exist_ok=True)
    from playwright.sync_api import sync_playwright

    log = functools.partial(print, flush=True)
    started, load_start = time.monotonic(), load()
    missed: list[str] = []
    visits: list[Visit] = []
    searches: list[SearchRun] = []
    lh: dict[tuple, dict] = {}
    lh_note = ""
    lh_note_saved = ""
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS + [
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
            chromium_version = browser.version
            try:
                log("Page weight")
                for kind, lang, path in pages():
                    v = weigh(browser, base, kind, lang, path)
                    visits.append(v)
                    log(f"  {path}: {v.status}, {len(v.resources)} requests, {kib(v.gz())} KiB gzip")
                log("Search")
                for lang, path, q, repeats in SEARCH_QUERIES:
                    s = search_run(browser, base, lang, path, q, repeats)
                    searches.append(s)
                    log(f"  {lang} '{q}': {kib(s.bytes_gz)} KiB, start-up {s.startup_ms} ms, first {s.first_ms} ms, later {s.query_ms} ms {s.error}")
            finally:
                browser.close()
        lh_load = None
        lh_load_start = None
        if args.lighthouse_results:
            # Figures an earlier run of this script saved (same build), so Lighthouse need not run
            # again while the build-cost figures are redone.
            saved = json.loads(Path(args.lighthouse_results).read_text(encoding="utf-8"))
            for key, val in saved["results"].items():
                path, form = key.rsplit(" ", 1)
                lh[(path, form)] = val
            lh_load = saved.get("load_at_start")
            lh_note_saved = f"Lighthouse figures from a run of this script at {saved.get('measured')}"
        elif not args.no_lighthouse:
            cli, lh_note = lighthouse_cli(log)
            if cli:
                lh_load_start = load()
                log(f"Lighthouse (load {lh_load_start:.1f} on {os.cpu_count()} CPUs)")
                lh_started = time.monotonic()
                for kind, lang, path in pages():
                    for form in ("mobile", "desktop"):
                        if args.lighthouse_budget and time.monotonic() - lh_started > args.lighthouse_budget:
                            lh[(path, form)] = {"error": f"not run: the --lighthouse-budget of {args.lighthouse_budget} s was spent"}
                            continue
                        lh[(path, form)] = lighthouse_median(cli, base, path, form, args.lighthouse_runs)
                        log(f"  {path} {form}: {lh[(path, form)]}")
                (ROOT / ".tmp" / "lighthouse-results.json").write_text(json.dumps({
                    "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load_at_start": lh_load,
                    "results": {f"{p} {f}": v for (p, f), v in lh.items()}}, indent=1), encoding="utf-8")
        else:
            lh_note = "skipped with --no-lighthouse"
        lh_load = load() if lh_load is None else lh_load
    finally:
        server.shutdown()

    costs: list[BuildCost] = []
    rebuild, rebuild_note = None, "skipped with --no-build"
    if not args.no_build:
        for n in [int(x) for x in args.scales.split(",") if x]:
            log(f"Build cost with {n} scenarios")
            try:
                runs = args.build_runs if n <= 3 or args.scale_runs is None else args.scale_runs
                costs.append(build_cost(n, runs, log))
            except RuntimeError as e:
                costs.append(BuildCost(n, error=str(e)))
        log("make serve rebuild after a scenario edit")
        rebuild, rebuild_note = serve_rebuild(log)
    load_end = load()

    # ---- judge and write
    lines = ["# Benchmarks", "",
             f"Written by `make bench` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} "
             f"in {time.monotonic() - started:.0f} s. Targets are the issues' numbers (25, after 15, 9 and 13). "
             "Byte counts and ratios lead; absolute times vary between machines and are given as "
             "medians with their spread.", ""]
    lines += ["## Machine", "",
              f"- {os.cpu_count()} CPUs, {platform.machine()}, {platform.system()} {platform.release()}",
              f"- Load average (1 min): {load_start:.2f} at the start, {lh_load:.2f} after Lighthouse, "
              f"{load_end:.2f} at the end (quiet means below the CPU count)",
              f"- Chromium {chromium_version}; Lighthouse {LIGHTHOUSE_VERSION}.x; "
              f"Python {platform.python_version()}; Node {version(['node', '--version'])}; "
              f"{version([sys.executable, '-m', 'mkdocs', '--version']).split(' from ')[0]}", ""]

    lines += ["## Page weight (first visit, gzip)", "",
              f"Target: everything a first visit downloads ≤ {MAX_PAGE_GZIP_KIB} KiB; the project's own "
              f"JS and CSS that the page loads ≤ {MAX_OWN_GZIP_KIB} KiB; no request leaves the site; no search file before "
              "search is opened. A new browser profile (cold cache, service workers allowed) at a mobile "
              "viewport; everything the server sends from navigation until the service worker is active and "
              "the server has been quiet for 2 s is counted, whoever asked: the page, the service worker and its install, the manifest and the "
              "icons the browser fetches. A 304 counts as nothing. \"Offline KiB\" is the part that is "
              "the worker, its install, manifests and icons.", "",
              "| Page kind | Lang | Path | Requests | Total KiB | Own JS+CSS KiB | Offline KiB | Search KiB | External | Result |",
              "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for v in visits:
        if v.missing:
            lines.append(f"| {v.kind} | {v.lang} | `{v.path}` | | | | | | | **missing** (HTTP {v.status}) |")
            missed.append(f"{v.path}: page missing (HTTP {v.status})")
            continue
        # Own JS and CSS: what the page itself loads (the worker's install, counted in the total,
        # also fetches the offline page's own script and style).
        total, own, srch = v.gz(), v.gz(lambda r: r.own and r.url in v.asked), v.gz(lambda r: r.search)
        ok = total <= MAX_PAGE_GZIP_KIB * KIB and own <= MAX_OWN_GZIP_KIB * KIB and not v.external and not srch
        for cond, msg in [(total > MAX_PAGE_GZIP_KIB * KIB, f"{kib(total)} KiB > {MAX_PAGE_GZIP_KIB} KiB"),
                          (own > MAX_OWN_GZIP_KIB * KIB, f"own JS+CSS {kib(own)} KiB > {MAX_OWN_GZIP_KIB} KiB"),
                          (bool(v.external), f"{len(v.external)} request(s) leave the site"),
                          (srch > 0, f"{kib(srch)} KiB of search fetched before search was opened")]:
            if cond:
                missed.append(f"{v.path}: {msg}")
        offl = v.gz(lambda r: r.offline)
        lines.append(f"| {v.kind} | {v.lang} | `{v.path}` | {len(v.resources) + len(v.external)} | {kib(total)} "
                     f"| {kib(own)} | {kib(offl)} | {kib(srch)} | {len(v.external)} | {met(ok)} |")
    heaviest: dict[str, Resource] = {}
    for v in visits:
        for r in v.resources:
            if r.gz > heaviest.get(r.url.split("?")[0], r).gz or r.url.split("?")[0] not in heaviest:
                heaviest[r.url.split("?")[0]] = r
    lines += ["", "Heaviest files (gzip):", "", "| File | Gzip KiB | Own |", "| --- | ---: | --- |"]
    for url, r in sorted(heaviest.items(), key=lambda kv: -kv[1].gz)[:12]:
        lines.append(f"| `{url}` | {kib(r.gz)} | {'yes' if r.own else ''} |")

    lines += ["", "## Search", "",
              f"Target: nothing of search before it is opened (above); a query ≤ {MAX_QUERY_MS} ms under "
              f"{CPU_THROTTLE}× CPU throttling (Lighthouse's mobile setting). First query: all bytes fetched "
              "from opening search to its results, typed in the box. Start-up ms: in a fresh visit, from the "
              "click that opens search to Pagefind ready (its script, wasm and the language's index list), "
              "which runs while the reader types; it is not a query, and is shown, not judged. First query "
              "ms: that visit's first query, the search module's work from the call to the first ten "
              "results' data, the index chunks its words need included. Later queries ms: the module's work "
              "for other queries in the same visit, each run twice (the first time a word is asked, its index "
              "chunks are fetched). Every query counts: the figure judged is the slowest.", "",
              "| Lang | Query | First query KiB | Requests | Start-up ms | First query ms | Later queries ms | Results | Result |",
              "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |"]
    for s in searches:
        if s.error:
            lines.append(f"| {s.lang} | `{s.query}` | | | | | | | **failed**: {s.error} |")
            missed.append(f"search {s.lang} '{s.query}': {s.error}")
            continue
        slowest = max([s.first_ms or 0.0, *s.query_ms])
        ok = slowest <= MAX_QUERY_MS
        if not ok:
            missed.append(f"search {s.lang} '{s.query}': slowest query {slowest:.0f} ms > {MAX_QUERY_MS} ms")
        lines.append(f"| {s.lang} | `{s.query}` | {kib(s.bytes_gz)} | {s.requests} | {s.startup_ms:.0f} | {s.first_ms:.0f} | "
                     f"{', '.join(f'{x:.0f}' for x in s.query_ms)} | {s.results} | {met(ok)} |")

    lines += ["", "## Offline copy", ""]
    off = offline_sizes(site)
    if off:
        lines += ["| File or list | Raw KiB | Gzip KiB | Entries |", "| --- | ---: | ---: | ---: |"]
        for name, vals in off.items():
            lines.append(f"| `{name}` | {kib(vals[0])} | {kib(vals[1])} | {vals[2] if len(vals) > 2 else ''} |")
    else:
        lines.append("No service worker or manifest in the site.")

    lines += ["", "## Lighthouse", ""]
    if lh:
        lines += [f"Target: {LIGHTHOUSE_TARGET} in each category, mobile (default, simulated throttling) and "
                  f"desktop (`--preset=desktop`), the median of {args.lighthouse_runs} run(s) per page and form. "
                  f"Load average (1 min) on {os.cpu_count()} CPUs: "
                  + (f"{lh_load_start:.2f} when they started, " if lh_load_start is not None else "")
                  + f"{lh_load:.2f} when they ended"
                  + (f" ({lh_note_saved})" if args.lighthouse_results else "") + ".", "",
                  "| Path | Form | Perf | A11y | Best pr. | SEO | FCP ms | LCP ms | TBT ms | CLS | Failed audits |",
                  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for (path, form), s in lh.items():
            if "error" in s:
                lines.append(f"| `{path}` | {form} | | | | | | | | | error: {s['error']} |")
                missed.append(f"Lighthouse {path} {form}: {s['error']}")
                continue
            cats = ["performance", "accessibility", "best-practices", "seo"]
            low = [c for c in cats if s.get(c, 0) < LIGHTHOUSE_TARGET]
            if low:
                missed.append(f"Lighthouse {path} {form}: " + ", ".join(f"{c} {s.get(c)}" for c in low))
            lines.append(f"| `{path}` | {form} | " + " | ".join(str(s.get(c)) for c in cats)
                         + f" | {s['fcp']} | {s['lcp']} | {s['tbt']} | {s['cls']} | {', '.join(s['failed'])} |")
    if lh_note:
        lines += ["", f"Not run: {lh_note}."]
        missed.append(f"Lighthouse not run: {lh_note}")

    lines += ["", "## Build cost", "",
              "The real build (`mkdocs build`, macros and hooks, with everything they do) against a plain "
              "site of the same pages and the same text on the same stack without macros or hooks, made "
              "from the real build's own Markdown after the macros ran. Builds alternate, real then plain.", "",
              "| Scenarios | Pages (both languages) | Real | Plain | Ratio | Target | Result |",
              "| ---: | ---: | --- | --- | ---: | ---: | --- |"]
    for bc in costs:
        target = MAX_BUILD_RATIO_100 if bc.scenarios >= 100 else (MAX_BUILD_RATIO if bc.scenarios <= 3 else None)
        if bc.error or not bc.real:
            lines.append(f"| {bc.scenarios} | | | | | | **failed**: {bc.error[:300]} |")
            missed.append(f"build cost at {bc.scenarios} scenarios: failed")
            continue
        ok = None if target is None else bc.ratio <= target
        if ok is False:
            missed.append(f"build at {bc.scenarios} scenarios: {bc.ratio:.2f}× > {target}×")
        lines.append(f"| {bc.scenarios} | {bc.pages} | {median_spread(bc.real)} | {median_spread(bc.plain)} "
                     f"| {bc.ratio:.2f}× | {f'{target}×' if target else '(growth)'} | {met(ok)} |")
    lines += ["", f"`make serve` rebuild after a scenario edit (target ≤ {MAX_SERVE_REBUILD_S} s): "
              + (f"{rebuild:.1f} s, {met(rebuild <= MAX_SERVE_REBUILD_S)}." if rebuild is not None
                 else f"not measured: {rebuild_note}.")]
    if rebuild is not None and rebuild > MAX_SERVE_REBUILD_S:
        missed.append(f"make serve rebuild {rebuild:.1f} s > {MAX_SERVE_REBUILD_S} s")

    lines += ["", "## Targets missed", ""]
    lines += [f"- {m}" for m in missed] if missed else ["None: every target is met."]
    notes = ROOT / "tests" / "bench-notes.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    errors = [(v.path, e) for v in visits for e in v.errors] + [(v.path, f"HTTP {r.status}: {r.url}")
                                                                 for v in visits for r in v.resources if r.status >= 400]
    if errors:
        lines += ["", "## Errors seen while measuring", ""] + [f"- `{p}`: {e}" for p, e in errors]
    out = Path(args.report)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log(f"\nReport: {out}")
    if missed:
        log("Targets missed:\n" + "\n".join(f"  - {m}" for m in missed))
        return 1
    log("All targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
