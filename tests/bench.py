"""Speed and page-weight benchmark: `make bench` (not part of `make test`).

Serves the built site from 127.0.0.1 and opens key pages in both languages in Debian's
Chromium. For each page it reports what a first visit downloads (bytes, gzip bytes, requests,
any request that leaves this machine) and the DOMContentLoaded and load times from the
Performance API. It also weighs each component's own JS and CSS and, when Lighthouse can run
here, adds its scores. The report goes to reports/bench.md; a summary is printed.

Exit code 1 when a target below is missed, so `make bench` is meaningful; 2 on a setup error.

    .venv/bin/python tests/bench.py [SITE_DIR] [--no-lighthouse] [--runs N] [--report PATH]
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
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

# --- Targets -------------------------------------------------------------------------------------
# Page weight: everything a first visit downloads, gzip-compressed (GitHub Pages serves gzip),
# including search_index.json, which Material's search fetches on every page. 500 KiB keeps a
# page usable on a poor rural mobile connection.
MAX_PAGE_GZIP_KIB = 500
# Requests per page: fonts, icons or trackers creeping in show up here first.
MAX_REQUESTS = 25
# A component's own JS + CSS (docs/assets/components/<name>/), gzip: components are small,
# framework-free enhancements of server-rendered HTML.
MAX_COMPONENT_GZIP_KIB = 15
# Times on localhost, cold cache, median of RUNS runs. The network is not part of these: they
# measure parsing, layout and our scripts, so they should be well under a second.
MAX_DCL_MS = 1000
MAX_LOAD_MS = 1500
RUNS = 3
# Every request must go to the local server: no CDN, font service or API at run time.
LOCAL_HOSTS = {"127.0.0.1"}

PAGES = [
    "/", "/elements/change/", "/case-studies/teulu-hughes/", "/case-studies/teulu-hughes/rewrites/",
    "/plans/checker/", "/plans/rewrites/", "/steps/workbook/", "/learn/self-study/",
]
LIGHTHOUSE_PAGES = ["/", "/cy/"]
LIGHTHOUSE_VERSION = "12"  # 13 needs Node 22
LIGHTHOUSE_TIMEOUT_S = 120

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
# Text types worth compressing; the rest (woff2, png, ...) is counted as is.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "application/manifest+json")
KIB = 1024


def all_pages() -> list[str]:
    """Each key page and its Welsh twin, English first."""
    out = []
    for p in PAGES:
        out += [p, "/cy" + p]
    return out


# --- Local server --------------------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# --- Measuring -----------------------------------------------------------------------------------

def gzip_size(body: bytes, content_type: str) -> int:
    """Size on the wire with gzip (level 6, as most servers use) for text types."""
    if any(content_type.startswith(t) for t in COMPRESSIBLE):
        return min(len(body), len(gzip.compress(body, compresslevel=6, mtime=0)))
    return len(body)


@dataclass
class Resource:
    url: str
    status: int
    type: str
    raw: int
    gz: int


@dataclass
class PageResult:
    path: str
    status: int = 0
    resources: list[Resource] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    dcl: list[float] = field(default_factory=list)
    load: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> bool:
        return self.status == 404

    @property
    def requests(self) -> int:
        return len(self.resources) + len(self.external)

    @property
    def raw(self) -> int:
        return sum(r.raw for r in self.resources)

    @property
    def gz(self) -> int:
        return sum(r.gz for r in self.resources)

    def search_index(self) -> Resource | None:
        return next((r for r in self.resources if r.url.endswith("/search/search_index.json")), None)


def weigh(browser, base: str, path: str) -> PageResult:
    """One cold visit with every request routed, so memory-cached responses are counted too."""
    result = PageResult(path)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = ctx.new_page()

    def route(r):
        url = r.request.url
        if url.startswith(("data:", "blob:")):
            return r.continue_()
        if urlparse(url).hostname not in LOCAL_HOSTS:
            result.external.append(url)
            return r.abort()
        try:
            resp = r.fetch()
            body = resp.body()
        except Exception as e:  # the page navigated away, or the server went
            result.errors.append(f"{url}: {e}")
            return r.abort()
        ctype = resp.headers.get("content-type", "").split(";")[0].strip()
        result.resources.append(Resource(url[len(base):], resp.status, ctype, len(body), gzip_size(body, ctype)))
        r.fulfill(response=resp, body=body)

    ctx.route("**/*", route)
    page.on("pageerror", lambda e: result.errors.append(f"page error: {e}"))
    try:
        resp = page.goto(base + path, wait_until="load")
        result.status = resp.status if resp else 0
        # Late requests (search index, lazy assets) count too.
        try:
            page.wait_for_load_state("networkidle", timeout=5000)
        except Exception:
            result.errors.append("network not idle after 5 s")
    finally:
        ctx.close()
    return result


def time_page(browser, base: str, path: str) -> tuple[float, float]:
    """DOMContentLoaded and load end, in ms from navigation start, on a cold cache, no routing."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = ctx.new_page()
        page.goto(base + path, wait_until="load")
        page.wait_for_function("performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
        nav = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
                                       return [n.domContentLoadedEventEnd, n.loadEventEnd]; }""")
        return float(nav[0]), float(nav[1])
    finally:
        ctx.close()


def components() -> list[tuple[str, int, int, list[str]]]:
    """(name, raw bytes, gzip bytes, files) for each docs/assets/components/<name>/ JS and CSS."""
    out = []
    base = ROOT / "docs" / "assets" / "components"
    for folder in sorted(p for p in base.glob("*") if p.is_dir()) if base.is_dir() else []:
        files = sorted(f for f in folder.rglob("*") if f.suffix in (".js", ".mjs", ".css") and f.is_file())
        raw = sum(f.stat().st_size for f in files)
        gz = sum(gzip_size(f.read_bytes(), "text/") for f in files)
        out.append((folder.name, raw, gz, [f.relative_to(folder).as_posix() for f in files]))
    return out


def offline_costs(site: Path) -> dict | None:
    """What offline use costs (issue 13): per page, the offline module and CSS (every page loads
    them) and the manifest; once per visit, sw.js (registered after load, off the critical path);
    and the size of each language's kept copy ("Keep this site on this device"), raw and gzip,
    from the file list in sw.js."""
    sw = site / "sw.js"
    if not sw.exists():
        return None
    import re
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", sw.read_text(encoding="utf-8")).group(1))

    def gz(rel: str) -> int:
        path = site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)
        return gzip_size(path.read_bytes(), "text/" if path.suffix != ".png" else "image/png")

    page = [f"assets/components/offline/{n}" for n in ("offline.js", "offline.css")]
    out = {
        "page_gz": sum(gz(p) for p in page),
        "manifest_gz": gz("manifest.webmanifest"),
        "sw_gz": gzip_size(sw.read_bytes(), "text/"),
        "copies": {},
    }
    for name, langs in (("en", {"en"}), ("cy", {"cy"}), ("both", {"en", "cy"})):
        chosen = [f for f in files if f["group"] in {"core", "shared"} | langs]
        out["copies"][name] = {"files": len(chosen), "raw": sum(f["bytes"] for f in chosen),
                               "gz": sum(gz(f["url"]) for f in chosen)}
    return out


def offline_lines(costs: dict | None) -> list[str]:
    lines = ["", "## Offline use (service worker, manifest)", ""]
    if not costs:
        return lines + ["No `sw.js` in the site."]
    lines += [f"Every page: offline module + CSS {kib(costs['page_gz'])} KiB gzip, manifest {kib(costs['manifest_gz'])} KiB gzip "
              f"(fetched by the browser when it needs it). Once per visit, after load: `sw.js` {kib(costs['sw_gz'])} KiB gzip.",
              "", "| Kept copy | Files | Raw KiB | Gzip KiB |", "| --- | ---: | ---: | ---: |"]
    for name, c in costs["copies"].items():
        lines.append(f"| {name} | {c['files']} | {kib(c['raw'])} | {kib(c['gz'])} |")
    return lines


# --- Lighthouse (optional) -----------------------------------------------------------------------

def lighthouse(base: str, log) -> tuple[dict[str, dict], str]:
    """Scores per page, or ({}, why not). Installs lighthouse@12 into .tmp/lighthouse on demand."""
    prefix = ROOT / ".tmp" / "lighthouse"
    cli = prefix / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not shutil.which("node"):
        return {}, "node is not installed"
    if not cli.exists():
        if not shutil.which("npm"):
            return {}, "npm is not installed"
        log(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {prefix.relative_to(ROOT)} ...")
        prefix.mkdir(parents=True, exist_ok=True)
        try:
            r = subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
                                "--loglevel=error", "--no-save", f"lighthouse@{LIGHTHOUSE_VERSION}"],
                               capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            return {}, "npm install lighthouse timed out"
        if r.returncode != 0 or not cli.exists():
            return {}, "npm install lighthouse failed: " + (r.stderr.strip().splitlines() or ["?"])[-1]
    # Chrome launcher leaves profile folders in TMPDIR: give it one of ours and remove it after.
    tmp = Path(tempfile.mkdtemp(prefix="run-", dir=prefix))
    try:
        return _lighthouse_runs(cli, tmp, base)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _lighthouse_runs(cli: Path, tmp: Path, base: str) -> tuple[dict[str, dict], str]:
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": str(tmp)}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    scores: dict[str, dict] = {}
    for path in LIGHTHOUSE_PAGES:
        out = tmp / f"lh-{path.strip('/').replace('/', '_') or 'root'}.json"
        cmd = ["node", str(cli), base + path, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=performance,accessibility,best-practices",
               f"--chrome-flags={flags}", "--max-wait-for-load=30000"]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=LIGHTHOUSE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return scores, f"lighthouse timed out on {path}"
        if r.returncode != 0 or not out.exists():
            return scores, f"lighthouse failed on {path}: " + (r.stderr.strip().splitlines() or ["?"])[-1]
        data = json.loads(out.read_text(encoding="utf-8"))
        if data.get("runtimeError"):
            return scores, f"lighthouse error on {path}: {data['runtimeError'].get('message')}"
        scores[path] = {k: round((v.get("score") or 0) * 100) for k, v in data["categories"].items()}
        scores[path]["lcp_ms"] = round(data["audits"]["largest-contentful-paint"]["numericValue"])
        # Failed audits in the non-performance categories, to say what costs the points.
        scores[path]["failed"] = sorted({
            ref["id"] for cat in ("accessibility", "best-practices")
            for ref in data["categories"].get(cat, {}).get("auditRefs", [])
            if ref.get("weight") and data["audits"].get(ref["id"], {}).get("score") not in (None, 1)})
        out.unlink()
    return scores, ""


# --- Report --------------------------------------------------------------------------------------

def kib(n: int) -> str:
    return f"{n / KIB:.1f}"


def mark(ok: bool) -> str:
    return "ok" if ok else "**over**"


def build_report(site: Path, results: list[PageResult], comps, lh: dict, lh_note: str,
                 failures: list[str], elapsed: float, runs: int) -> str:
    measured = [r for r in results if not r.skipped]
    idx = next((r.search_index() for r in measured if r.search_index()), None)
    lines = [
        "# Benchmark",
        "",
        f"`make bench` ({time.strftime('%Y-%m-%d %H:%M %Z')}, {elapsed:.0f} s). Site: `{site.relative_to(ROOT) if site.is_relative_to(ROOT) else site}`, "
        f"served from 127.0.0.1 by Python's http.server; Debian Chromium, headless, cold cache per visit.",
        "",
        "## Targets",
        "",
        f"- Page weight ≤ {MAX_PAGE_GZIP_KIB} KiB gzip, everything a first visit downloads, search index included.",
        f"- ≤ {MAX_REQUESTS} requests per page, none leaving 127.0.0.1.",
        f"- Each component's own JS + CSS ≤ {MAX_COMPONENT_GZIP_KIB} KiB gzip.",
        f"- DOMContentLoaded ≤ {MAX_DCL_MS} ms and load ≤ {MAX_LOAD_MS} ms on localhost (median of {runs}).",
        "",
        "Gzip sizes are computed with Python's gzip (level 6) on each text response; the local server "
        "sends them uncompressed.",
        "",
        f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end of the run. "
        "Times are only comparable between runs on a quiet machine (load below the CPU count).",
        "",
        "## Result",
        "",
    ]
    lines += [f"- {f}" for f in failures] if failures else ["All targets met."]
    lines += ["", "## Pages", "",
              "| Page | Requests | Raw KiB | Gzip KiB | of which search index | External | DCL ms | Load ms | Status |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in results:
        if r.skipped:
            lines.append(f"| `{r.path}` | | | | | | | | skipped: 404 |")
            continue
        si = r.search_index()
        dcl, load = statistics.median(r.dcl), statistics.median(r.load)
        ok = (r.gz <= MAX_PAGE_GZIP_KIB * KIB and r.requests <= MAX_REQUESTS and not r.external
              and dcl <= MAX_DCL_MS and load <= MAX_LOAD_MS)
        lines.append(f"| `{r.path}` | {r.requests} | {kib(r.raw)} | {kib(r.gz)} | {kib(si.gz) if si else '–'} "
                     f"| {len(r.external)} | {dcl:.0f} | {load:.0f} | {mark(ok)} |")
    lines += ["", "## Search index", ""]
    if idx:
        lines.append(f"`search/search_index.json` (both languages in one file): {kib(idx.raw)} KiB raw, "
                     f"{kib(idx.gz)} KiB gzip, fetched by {sum(1 for r in measured if r.search_index())} "
                     f"of {len(measured)} pages. It grows with every page of text.")
    else:
        lines.append("No page fetched `search/search_index.json`.")
    # Heaviest shared and page-specific resources, to show where the weight is.
    heaviest: dict[str, Resource] = {}
    for r in measured:
        for res in r.resources:
            heaviest.setdefault(res.url.split("?")[0], res)
    lines += ["", "## Heaviest resources (gzip)", "", "| Resource | Type | Raw KiB | Gzip KiB |", "| --- | --- | ---: | ---: |"]
    for url, res in sorted(heaviest.items(), key=lambda kv: -kv[1].gz)[:10]:
        lines.append(f"| `{url}` | {res.type} | {kib(res.raw)} | {kib(res.gz)} |")
    lines += ["", "## Components (docs/assets/components/)", ""]
    if comps:
        lines += ["| Component | Files | Raw KiB | Gzip KiB | Status |", "| --- | --- | ---: | ---: | --- |"]
        for name, raw, gz, files in comps:
            if not files:
                lines.append(f"| {name} | no JS or CSS yet | | | |")
                continue
            lines.append(f"| {name} | {', '.join(files)} | {kib(raw)} | {kib(gz)} | {mark(gz <= MAX_COMPONENT_GZIP_KIB * KIB)} |")
    else:
        lines.append("No components yet.")
    lines += offline_lines(offline_costs(site))
    lines += ["", "## Lighthouse", ""]
    if lh:
        lines += ["Lighthouse 12, default (mobile, simulated throttling) settings.", "",
                  "| Page | Performance | Accessibility | Best practices | LCP ms |", "| --- | ---: | ---: | ---: | ---: |"]
        for path, s in lh.items():
            lines.append(f"| `{path}` | {s.get('performance')} | {s.get('accessibility')} | {s.get('best-practices')} | {s.get('lcp_ms')} |")
        for path, s in lh.items():
            if s.get("failed"):
                lines.append(f"\nFailed accessibility / best-practice audits on `{path}`: "
                             + ", ".join(f"`{a}`" for a in s["failed"]) + ".")
    if lh_note:
        lines += ["", f"Not run or incomplete: {lh_note}."]
    problems = [(r.path, e) for r in measured for e in r.errors]
    problems += [(r.path, f"external request: {u}") for r in measured for u in r.external]
    problems += [(r.path, f"HTTP {res.status}: {res.url}") for r in measured for res in r.resources if res.status >= 400]
    if problems:
        lines += ["", "## Notes", ""] + [f"- `{p}`: {e}" for p, e in problems]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", nargs="?", default=str(ROOT / "site"), help="built site (default: site/)")
    ap.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    ap.add_argument("--runs", type=int, default=RUNS, help=f"timing runs per page (default {RUNS})")
    ap.add_argument("--report", default=str(ROOT / "reports" / "bench.md"), help="Markdown report path")
    args = ap.parse_args()
    site = Path(args.site).resolve()
    if not (site / "index.html").exists():
        print(f"{site} has no index.html: build first (`make bench` does)", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run `make test-deps`", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    server, base = serve(site)
    results: list[PageResult] = []
    try:
        with sync_playwright() as p:
            # External hosts fail fast instead of waiting for a network this machine may not have.
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS + [
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
            try:
                for path in all_pages():
                    r = weigh(browser, base, path)
                    results.append(r)
                    if r.skipped:
                        print(f"  {path}: 404, skipped")
                        continue
                    for _ in range(args.runs):
                        dcl, load = time_page(browser, base, path)
                        r.dcl.append(dcl)
                        r.load.append(load)
                    print(f"  {path}: {r.requests} requests, {kib(r.gz)} KiB gzip, "
                          f"load {statistics.median(r.load):.0f} ms")
            finally:
                browser.close()
        lh, lh_note = ({}, "skipped with --no-lighthouse") if args.no_lighthouse else lighthouse(base, print)
    finally:
        server.shutdown()

    failures = []
    for r in results:
        if r.skipped:
            continue
        if r.gz > MAX_PAGE_GZIP_KIB * KIB:
            failures.append(f"{r.path}: {kib(r.gz)} KiB gzip > {MAX_PAGE_GZIP_KIB} KiB")
        if r.requests > MAX_REQUESTS:
            failures.append(f"{r.path}: {r.requests} requests > {MAX_REQUESTS}")
        if r.external:
            failures.append(f"{r.path}: {len(r.external)} request(s) leave 127.0.0.1, e.g. {r.external[0]}")
        dcl, load = statistics.median(r.dcl), statistics.median(r.load)
        if dcl > MAX_DCL_MS:
            failures.append(f"{r.path}: DOMContentLoaded {dcl:.0f} ms > {MAX_DCL_MS} ms")
        if load > MAX_LOAD_MS:
            failures.append(f"{r.path}: load {load:.0f} ms > {MAX_LOAD_MS} ms")
    comps = components()
    for name, _, gz, _ in comps:
        if gz > MAX_COMPONENT_GZIP_KIB * KIB:
            failures.append(f"component {name}: {kib(gz)} KiB gzip > {MAX_COMPONENT_GZIP_KIB} KiB")
    if all(r.skipped for r in results):
        failures.append("every page 404ed: is the site built?")

    elapsed = time.monotonic() - started
    report = build_report(site, results, comps, lh, lh_note, failures, elapsed, args.runs)
    out = Path(args.report)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")

    measured = [r for r in results if not r.skipped]
    print()
    if measured:
        heaviest = max(measured, key=lambda r: r.gz)
        slowest = max(measured, key=lambda r: statistics.median(r.load))
        idx = next((r.search_index() for r in measured if r.search_index()), None)
        print(f"{len(measured)} pages measured, {len(results) - len(measured)} skipped (404).")
        print(f"Heaviest: {heaviest.path} {kib(heaviest.gz)} KiB gzip, {heaviest.requests} requests; "
              f"search index {kib(idx.gz) if idx else '–'} KiB gzip.")
        print(f"Slowest: {slowest.path} load {statistics.median(slowest.load):.0f} ms "
              f"(DCL {statistics.median(slowest.dcl):.0f} ms).")
    if comps:
        print("Components (gzip KiB): " + ", ".join(f"{n} {kib(gz)}" for n, _, gz, f in comps if f))
    for path, s in lh.items():
        print(f"Lighthouse {path}: performance {s['performance']}, accessibility {s['accessibility']}, "
              f"best practices {s['best-practices']}")
    if lh_note:
        print(f"Lighthouse: {lh_note}")
    print(f"Report: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} ({elapsed:.0f} s)")
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print(f"Warning: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: times are inflated.")
    if failures:
        print("\nTargets missed:\n" + "\n".join(f"  - {f}" for f in failures))
        return 1
    print("All targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
