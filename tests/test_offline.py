"""Offline use (issue 13): the service worker, the "keep this site" control, the manifests and the
offline page, in real Chromium with service workers allowed.

"Offline" here is both Playwright's network emulation and a server that stops answering, so
nothing can reach the site but the service worker's cache.
"""
from __future__ import annotations

import gzip
import json
import re
import shutil
import time

import pytest

from helpers import LANGS, ROOT, VERSION_TWO, VERSION_TWO_CSS, SiteServer
from macros import strings

OFFLINE = "[data-module='offline'][data-ready]"
SHOTS = ROOT / ".tmp" / "offline-screenshots"  # git-ignored: for looking at, not for comparing
SHOTS.mkdir(parents=True, exist_ok=True)
STATUS = f"{OFFLINE} [data-status]"

# One page of every kind, in each language.
KINDS = ["", "elements/change/", "practice/plans/", "case-studies/", "case-studies/teulu-hughes/",
         "case-studies/teulu-hughes/rewrites/", "case-studies/teulu-hughes/steps/",
         "case-studies/teulu-hughes/walkthrough/", "case-studies/teulu-hughes/review/",
         "case-studies/teulu-hughes/documents/", "plans/checker/",
         "plans/rewrites/", "steps/workbook/", "learn/self-study/", "learn/glossary/",
         "learn/handouts/change/", "about/privacy/"]


def o(key: str, lang: str, **fmt) -> str:
    return strings.t(f"offline.{key}", lang, **fmt)


def path(lang: str, rest: str = "") -> str:
    return f"/{'cy/' if lang == 'cy' else ''}{rest}"


@pytest.fixture
def server(site, tmp_path):
    # Each test gets its own copy and its own origin, so service workers never meet.
    copy = tmp_path / "served"
    shutil.copytree(site, copy)
    s = SiteServer(copy, at_root=False)  # only under the published path, as GitHub Pages serves it
    yield s
    s.close()


@pytest.fixture
def sw_context(browser):
    """Like conftest's context, but with service workers allowed."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    yield ctx
    ctx.close()


class Watch:
    """Every failed request and script error, on every page of a context."""

    def __init__(self, ctx):
        self.failed, self.errors, self.external = [], [], []
        ctx.on("requestfailed", lambda r: None if self.cut_off(r) else self.failed.append(f"{r.url} {r.failure}"))
        ctx.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} {r.status}"))
        ctx.on("request", lambda r: not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) and self.external.append(r.url))
        ctx.on("page", lambda p: p.on("pageerror", lambda e: self.errors.append(str(e))))

    @staticmethod
    def cut_off(r) -> bool:
        """A request the browser cancelled because the test went to the next page or reloaded
        (a module still loading, the favicon): no failure of the site. A request that fails
        offline is net::ERR_FAILED or ERR_INTERNET_DISCONNECTED, and still counts."""
        return r.failure == "net::ERR_ABORTED"

    def clean(self):
        assert self.failed == [] and self.errors == [] and self.external == [], "\n".join(self.failed + self.errors + self.external)


@pytest.fixture
def sw_page(sw_context):
    watch = Watch(sw_context)
    pg = sw_context.new_page()
    pg.on("pageerror", lambda e: watch.errors.append(str(e)))
    pg.watch = watch
    return pg


def until(page, condition: str, arg=None, timeout_ms: int = 30000):
    """Wait until a JS condition (an expression of `arg`) holds. Not wait_for_function: its
    polling uses eval, which the site's CSP refuses; an evaluated function is fine."""
    src = (f"async (arg) => {{ const end = Date.now() + {timeout_ms}; while (Date.now() < end) {{ "
           f"try {{ if ({condition}) return true; }} catch (e) {{}} await new Promise(r => setTimeout(r, 50)); }} return false; }}")
    assert page.evaluate(src, arg), f"timed out waiting for: {condition} ({arg!r})"


def scroll_to_control(page):
    """Scroll to the page's control, as a reader does: it loads when it comes near."""
    page.locator("[data-module='offline']").evaluate("e => e.parentElement.scrollIntoView()")
    page.wait_for_selector(OFFLINE)


def open_control(page, url: str):
    page.goto(url)
    scroll_to_control(page)
    until(page, "navigator.serviceWorker.controller !== null")
    until(page, f"/\\d/.test(document.querySelector(\"{OFFLINE} [data-size='en']\").textContent)")
    return page.locator(OFFLINE)


def record_status(page):
    """Collect every text the control's live region shows, and whether the progress bar showed."""
    page.evaluate(f"""() => {{
        window.__said = []; window.__progress = false;
        const root = document.querySelector("{OFFLINE}");
        new MutationObserver(() => {{
            const t = root.querySelector('[data-status]').textContent;
            if (t && window.__said.at(-1) !== t) window.__said.push(t);
            if (!root.querySelector('[data-progress]').hidden) window.__progress = true;
        }}).observe(root, {{subtree: true, childList: true, characterData: true, attributes: true}});
    }}""")


def open_details(page):
    """The footer's control sits in a closed <details>: open it as a reader would."""
    summary = page.locator(f"details{OFFLINE}:not([open]) > summary")
    if summary.count():
        summary.click()


def keep(page, choice: str, lang: str):
    control = page.locator(OFFLINE)
    open_details(page)
    record_status(page)
    control.locator(f"input[value='{choice}']").check()
    control.locator("[data-keep]").click()
    kept = o(f"kept_{choice}", lang)
    until(page, "document.querySelector('[data-module=offline][data-ready] [data-status]').textContent === arg", kept, 60000)
    return page.evaluate("() => ({said: window.__said, progress: window.__progress})")


def go_offline(ctx, server):
    ctx.set_offline(True)
    server.up = False


def go_online(ctx, server):
    server.up = True
    ctx.set_offline(False)


def cached_urls(page) -> list[str]:
    return page.evaluate("""async () => {
        const out = [];
        for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(r.url);
        return out;
    }""")


def until_cached(page, url: str, timeout_s: float = 30):
    """Wait until the worker has kept `url` (it keeps a visited page after the page has loaded)."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if url in cached_urls(page):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the worker never kept {url}")


# --- Build output -------------------------------------------------------------------------------

def test_service_worker_lists_each_language_and_leaves_out_material_extras(site):
    text = (site / "sw.js").read_text(encoding="utf-8")
    files = json.loads(re.search(r"const FILES ?= ?(\[.*?\])[;,]", text).group(1))
    urls = {f["url"]: f for f in files}
    assert "__ECP_VERSION__" not in text and "self.__WB_MANIFEST" not in text
    assert urls[""]["group"] == "en" and urls["cy/"]["group"] == "cy"
    assert urls["elements/change/"]["group"] == "en" and urls["cy/elements/change/"]["group"] == "cy"
    assert urls["offline.html"]["group"] == "core"
    assert urls["assets/components/plan-checker/wording.json"]["group"] == "shared"
    assert all(not u.endswith((".map", ".gz")) and "lunr/" not in u and u != "sw.js" for u in urls)
    # Every built page is in its language's list, and every listed file exists.
    for index in site.rglob("index.html"):
        rel = index.relative_to(site).as_posix()[: -len("index.html")]
        assert rel in urls, rel
    for f in files:
        target = site / (f["url"] + "index.html" if f["url"].endswith("/") or f["url"] == "" else f["url"])
        assert target.stat().st_size == f["bytes"], f
    # Search files ride along whatever the search is (Material's index, or Pagefind's folder).
    search = [p.relative_to(site).as_posix() for p in [*site.glob("search/*.json"), *site.glob("pagefind/**/*")] if p.is_file()]
    assert search and all(s in urls for s in search)


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_links_its_own_manifest(site, lang):
    html = (site / path(lang).lstrip("/") / "elements/change/index.html").read_text(encoding="utf-8")
    href = re.search(r'<link rel="manifest" href="([^"]+)">', html).group(1)
    manifest_file = (site / path(lang).lstrip("/") / "elements/change" / href).resolve()
    assert manifest_file == (site / path(lang).lstrip("/") / "manifest.webmanifest").resolve()
    m = json.loads(manifest_file.read_text(encoding="utf-8"))
    assert m["lang"] == lang and m["name"] == o("app_name", lang) and m["short_name"] == o("app_short", lang)
    assert m["start_url"] == "./" and m["scope"] == "./" and m["theme_color"].startswith("#")
    # Small icons: an SVG (any size) and a 192px PNG, each plain and maskable.
    kinds = {(i["sizes"], i["type"], i.get("purpose", "any")) for i in m["icons"]}
    for purpose in ("any", "maskable"):
        assert ("any", "image/svg+xml", purpose) in kinds and ("192x192", "image/png", purpose) in kinds, kinds
    for icon in m["icons"]:
        assert (manifest_file.parent / icon["src"]).resolve().is_file(), icon
    assert '<meta name="theme-color"' in html


@pytest.mark.parametrize("first", LANGS)
def test_offline_page_is_bilingual_its_language_first_and_has_no_inline_script(site, first):
    # /offline.html for English addresses, /cy/offline.html for Welsh ones: the title, the
    # sections and the "worried about a child?" notice each put that language first.
    html = (site / ("" if first == "en" else f"{first}/") / "offline.html").read_text(encoding="utf-8")
    order = [first] + [lang for lang in LANGS if lang != first]
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert title.startswith(o("page_title", first).replace("'", "&#39;")), title
    assert re.search(r"<html lang=\"(\w+)\"", html).group(1) == first
    assert re.findall(r'<section lang="(\w+)"', html) == order
    assert re.findall(r'<div class="ecp-worried__inner" lang="(\w+)"', html) == order
    for lang in LANGS:
        assert o("page_title", lang).replace("'", "&#39;") in html
    assert "<a href" not in html.split("<aside")[0], "no link is listed before the script knows it is kept"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)


# --- In the browser -----------------------------------------------------------------------------

def test_keep_both_then_everything_works_offline(sw_context, sw_page, server, axe):
    page = sw_page
    control = open_control(page, server.url + "/")
    assert axe(page, OFFLINE) == []
    sizes = {c: control.locator(f"[data-size='{c}']").inner_text() for c in ("en", "cy", "both")}
    assert all("MB" in s for s in sizes.values()), sizes
    result = keep(page, "both", "en")
    assert result["progress"], "the progress bar never showed"
    assert result["said"][0].startswith(o("starting", "en", size="")[:12]), result
    assert axe(page, OFFLINE) == []
    assert control.locator("[data-remove]").is_visible()
    urls = cached_urls(page)
    assert server.url + "/cy/case-studies/teulu-hughes/" in urls and server.url + "/plans/checker/" in urls

    go_offline(sw_context, server)
    for lang in LANGS:
        for kind in KINDS:
            response = page.goto(server.url + path(lang, kind), wait_until="networkidle")
            assert response.ok, kind
            assert page.locator("html").get_attribute("lang") == lang
            assert page.locator(".md-content h1").count() == 1, (lang, kind)
            assert o("page_title", "en") not in page.title()

    # Search works offline too: the box the loader puts in the header, Pagefind and its index
    # from the cache (its own tests drive the rest of its UI).
    page.goto(server.url + "/cy/elements/change/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("cynllun")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert page.locator(".md-search-result__link").first.evaluate("a => a.href").startswith(server.url + "/cy/")

    # A grid exercise, a plan line, a workbook, then a reload: all with no network.
    page.goto(server.url + "/case-studies/teulu-hughes/")
    grid = page.locator('[data-module="grid-exercise"][data-ready]')
    grid.wait_for()
    first = grid.locator("fieldset").first
    first.locator("input[type=radio]").first.check()
    grid.locator('[data-action="check"]').click()
    assert grid.locator("[data-score]").inner_text().strip()

    page.goto(server.url + "/cy/plans/checker/")
    page.wait_for_selector('[data-module="plan-checker"][data-ready] [data-action="check"]:not([disabled])')
    page.fill("#ecp-checker-input", "Bydd Mam yn ymgysylltu â'r gwasanaethau.")
    page.locator('[data-module="plan-checker"] [data-action="check"]').click()
    until(page, "document.querySelectorAll('.ecp-line').length === 1")

    page.goto(server.url + "/steps/workbook/")
    page.wait_for_selector('[data-module="steps-workbook"][data-ready]')
    page.locator(".wb-name").fill("Offline family")
    page.reload()
    page.wait_for_selector('[data-module="steps-workbook"][data-ready]')
    assert page.locator(".wb-name").input_value() == "Offline family"
    page.watch.clean()


def test_visited_pages_only_without_asking_and_offline_page_otherwise(sw_context, sw_page, server, axe):
    page = sw_page
    open_control(page, server.url + "/elements/change/")
    until_cached(page, server.url + "/elements/change/")
    # Only an English page is kept: a Welsh address gets the Welsh page first, which says no
    # Welsh page is kept and lists the English one that is (no dead link).
    go_offline(sw_context, server)
    page.goto(server.url + "/cy/elements/measure/")
    assert page.title().startswith(o("page_title", "cy")), page.title()
    assert page.locator("section").first.get_attribute("lang") == "cy"
    assert page.locator(".ecp-worried__inner").first.get_attribute("lang") == "cy"
    cy_links = page.locator("[data-list='cy'] a")
    cy_links.first.wait_for()
    assert page.locator("section[lang='cy'] [data-none-here]").is_visible()
    assert [cy_links.nth(i).get_attribute("href") for i in range(cy_links.count())] == [server.url + "/elements/change/"]
    assert cy_links.first.get_attribute("lang") == "en"
    assert axe(page) == []
    page.watch.failed.clear()
    go_online(sw_context, server)
    page.goto(server.url + "/cy/elements/thresholds/")
    scroll_to_control(page)
    urls = cached_urls(page)
    # Nothing large without asking: the pages opened (and their files), not the rest of the site.
    assert server.url + "/elements/change/" in urls and server.url + "/cy/elements/thresholds/" in urls
    assert server.url + "/elements/measure/" not in urls and server.url + "/cy/" not in urls
    assert all(u.startswith(server.url) for u in urls)

    go_offline(sw_context, server)
    page.goto(server.url + "/elements/change/")
    assert page.locator(".md-content h1").count() == 1
    page.goto(server.url + "/elements/measure/")   # never opened
    assert o("page_title", "en") in page.title()
    links = page.locator("[data-list='en'] a")
    # The list starts with the home page and is filled from the cache once it has been read.
    until(page, "[...document.querySelectorAll(\"[data-list='en'] a\")].some((a) => a.href === arg)",
          server.url + "/elements/change/")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert server.url + "/elements/change/" in hrefs
    assert page.locator("[data-list='cy'] a", has_text="Trothwyon").count() == 1
    assert axe(page) == []
    page.goto(server.url + "/cy/elements/measure/")
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.locator("section").first.get_attribute("lang") == "cy"
    assert axe(page) == []
    page.watch.failed.clear()  # the offline page stands in for failed pages; nothing else may fail

    # One visit is enough for a page of every kind, in both languages (the home template and
    # the case-study walk-through, review and documents pages included).
    go_online(sw_context, server)
    for lang in LANGS:
        for kind in KINDS:
            page.goto(server.url + path(lang, kind), wait_until="networkidle")
    go_offline(sw_context, server)
    for lang in LANGS:
        for kind in KINDS:
            page.goto(server.url + path(lang, kind))
            assert o("page_title", "en") not in page.title(), (lang, kind)
            assert page.locator("html").get_attribute("lang") == lang
            assert page.locator(".md-content h1").count() == 1, (lang, kind)
    page.watch.clean()


def test_the_offline_page_lists_only_pages_that_open(sw_context, sw_page, server, axe):
    """English pages kept, no Welsh one: a Welsh page offline lists no Welsh link (its home page
    would only bring the offline page back), says none is kept and points to the English list;
    every link listed opens."""
    page = sw_page
    open_control(page, server.url + "/elements/change/")
    keep(page, "en", "en")
    assert not [u for u in cached_urls(page) if u.startswith(server.url + "/cy/") and u.endswith("/")]
    go_offline(sw_context, server)
    page.goto(server.url + "/cy/elements/change/")
    assert o("page_title", "cy") in page.title()
    page.locator("[data-list='en'] a").nth(1).wait_for()
    welsh = page.locator("section[data-lang='cy']")
    # It says no Welsh page is kept, and lists the English pages that are instead: no Welsh link.
    assert welsh.locator("[data-none-here]").is_visible()
    welsh_hrefs = welsh.evaluate("s => [...s.querySelectorAll('a')].filter((a) => a.offsetParent).map((a) => a.href)")
    assert welsh_hrefs and not [h for h in welsh_hrefs if "/cy/" in h], welsh_hrefs
    assert axe(page) == []
    hrefs = page.evaluate("() => [...document.querySelectorAll('[data-list] a')].filter((a) => a.offsetParent).map((a) => a.href)")
    assert len(hrefs) > 5
    for href in hrefs[:8]:
        page.goto(href)
        assert o("page_title", "en") not in page.title(), href
    page.watch.failed.clear()  # moving on at once aborts the page's last requests
    page.watch.clean()


@pytest.mark.parametrize("lang", LANGS)
def test_control_states_axe_and_remove(sw_context, sw_page, server, axe, lang):
    page = sw_page
    home = open_control(page, server.url + path(lang))
    assert home.evaluate("e => e.tagName") == "SECTION" and home.locator("h2").inner_text() == o("title", lang)
    home.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"offline-{lang}-0-home.png"))
    assert axe(page, OFFLINE) == []
    control = open_control(page, server.url + path(lang, "about/privacy/"))
    open_details(page)
    assert control.locator(f"input[value='{lang}']").is_checked()
    assert axe(page, OFFLINE) == []
    control.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"offline-{lang}-1-start.png"))
    # The downloading and failed states, as the worker reports them (a real download on this
    # machine is over too fast to look at).
    fake = "m => navigator.serviceWorker.dispatchEvent(new MessageEvent('message', {data: m}))"
    page.evaluate(fake, {"type": "progress", "langs": [lang], "done": 1_200_000, "total": 2_800_000, "files": 100})
    assert control.locator("progress").is_visible() and control.locator("[data-keep]").is_disabled()
    assert control.locator("[data-status]").inner_text().startswith(o("starting", lang, size="")[:10])
    assert axe(page, OFFLINE) == []
    page.screenshot(path=str(SHOTS / f"offline-{lang}-2-downloading.png"))
    page.evaluate(fake, {"type": "failed", "reason": "changed"})
    assert control.locator("[data-status]").inner_text() == o("failed_changed", lang)
    assert not control.locator("progress").is_visible()
    assert axe(page, OFFLINE) == []
    keep(page, lang, lang)
    assert axe(page, OFFLINE) == []
    control.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"offline-{lang}-3-kept.png"))
    other = "cy" if lang == "en" else "en"
    # The other language's pages were not downloaded.
    assert not any(u.startswith(server.url + path(other, "elements/")) and u.endswith("/") for u in cached_urls(page))
    assert server.url + path(lang, "elements/measure/") in cached_urls(page)
    control.locator("[data-remove]").click()
    until(page, "document.querySelector('[data-module=offline][data-ready] [data-status]').textContent === arg", o("removed", lang))
    assert axe(page, OFFLINE) == []
    page.screenshot(path=str(SHOTS / f"offline-{lang}-4-removed.png"))
    assert not control.locator("[data-remove]").is_visible()
    assert not any(u.endswith("/elements/change/") for u in cached_urls(page))
    page.watch.clean()


def test_download_stopped_by_lost_signal_says_so(sw_context, sw_page, server, axe):
    page = sw_page
    control = open_control(page, server.url + "/")
    go_offline(sw_context, server)
    control.locator("input[value='both']").check()
    control.locator("[data-keep]").click()
    until(page, "document.querySelector('[data-module=offline][data-ready] [data-status]').textContent === arg", o("failed_network", "en"))
    assert axe(page, OFFLINE) == []
    assert not control.locator("[data-remove]").is_visible()


def page_version(page) -> dict:
    """Which version the page's HTML and its site.css are from (fetched as the page would)."""
    return page.evaluate("""async (arg) => {
        const css = [...document.styleSheets].find(s => s.href && s.href.endsWith('/assets/site.css'));
        const text = await (await fetch(css.href)).text();
        return {html: document.body.textContent.includes(arg.text), css: text.includes(arg.css)};
    }""", {"text": VERSION_TWO, "css": VERSION_TWO_CSS.split(" ")[0].lstrip(".")})


def test_new_build_offers_reload_and_never_mixes_versions(sw_context, sw_page, server, variant, axe):
    """The variant build is a new version: one page and site.css changed (helpers.VERSION_TWO)."""
    page = sw_page
    open_control(page, server.url + "/elements/change/")
    keep(page, "en", "en")
    assert page_version(page) == {"html": False, "css": False}

    # Offline, a new build cannot arrive: the reader keeps their version.
    shutil.rmtree(server.directory)
    shutil.copytree(variant, server.directory)
    go_offline(sw_context, server)
    page.goto(server.url + "/elements/change/")
    assert page_version(page) == {"html": False, "css": False}

    # Online: the old version still answers (one version per page), the new one installs and
    # the page says so; the reader's click brings the new version, whole.
    go_online(sw_context, server)
    page.goto(server.url + "/elements/change/")
    assert page_version(page) == {"html": False, "css": False}
    update = page.locator("[data-offline-update] [data-reload]")
    update.wait_for(state="visible", timeout=60000)
    assert page.locator("[data-offline-update] [role=status]").inner_text() == o("updated", "en")
    assert axe(page, "[data-offline-update]") == []
    page.screenshot(path=str(SHOTS / "offline-en-4-updated.png"))
    # Another page opened before the click is still the old version, html and css alike.
    page.goto(server.url + "/elements/measure/")
    assert page_version(page)["css"] is False
    page.goto(server.url + "/elements/change/")
    page.locator("[data-offline-update] [data-reload]").wait_for(state="visible", timeout=60000)
    with page.expect_navigation():
        page.locator("[data-offline-update] [data-reload]").click()
    scroll_to_control(page)
    assert page_version(page) == {"html": True, "css": True}
    # The new version is kept too, whole: offline again, every English page is there.
    go_offline(sw_context, server)
    page.goto(server.url + "/elements/change/")
    assert page_version(page) == {"html": True, "css": True}
    page.goto(server.url + "/practice/plans/")
    assert page.locator(".md-content h1").count() == 1
    names = page.evaluate("caches.keys()")
    assert len([n for n in names if n.startswith("ecp-offline-v-")]) == 1, names
    page.watch.clean()


def test_delete_my_data_removes_the_copy_and_the_worker(sw_context, sw_page, server):
    page = sw_page
    open_control(page, server.url + "/about/privacy/")
    keep(page, "en", "en")
    page.evaluate("localStorage.setItem('ecp:test', '1'); localStorage.setItem('other', 'x')")
    page.reload()
    root = page.locator("[data-module='delete-data']")
    root.locator("[data-delete]").wait_for(state="visible")
    assert o("data_copy", "en") in root.locator("[data-count]").inner_text()
    page.once("dialog", lambda d: d.accept())
    root.locator("[data-delete]").click()
    until(page, "document.querySelector('[data-module=delete-data] [data-status]').textContent.includes(arg)", o("data_deleted_copy", "en"))
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert page.evaluate("localStorage.getItem('other')") == "x"


# --- Cost -----------------------------------------------------------------------------------------

def test_the_control_loads_only_when_it_comes_near(sw_context, sw_page, server):
    """A long page loads the footer's control when the reader scrolls near it, not before; it then
    works as on any page, and the worker's install never fetches it."""
    page = sw_page
    page.set_viewport_size({"width": 412, "height": 823})
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(server.url + "/case-studies/teulu-hughes/", wait_until="networkidle")
    until(page, "navigator.serviceWorker.controller !== null")
    page.wait_for_timeout(500)
    assert not [u for u in fetched if "offline-control" in u]
    assert page.locator(OFFLINE).count() == 0
    page.locator("[data-module='offline']").evaluate("e => e.parentElement.scrollIntoView()")
    scroll_to_control(page)
    assert {u.rsplit("/", 1)[-1] for u in fetched if "offline-control" in u} == {"offline-control.js", "offline-control.css"}
    open_details(page)
    until(page, f"/\\d/.test(document.querySelector(\"{OFFLINE} [data-size='en']\").textContent)")
    assert page.locator(f"{OFFLINE} [data-keep]").is_visible()


def test_worker_and_manifest_cost_a_page_only_a_few_kib(site):
    """What offline use adds to a page: its module, CSS and manifest link; the worker loads once
    per visit, off the page's critical path (registered after load)."""
    per_page = sum(len(gzip.compress((site / p).read_bytes(), 9)) for p in (
        "assets/components/offline/offline.js", "assets/components/offline/offline.css"))
    worker = len(gzip.compress((site / "sw.js").read_bytes(), 9))
    manifest = len(gzip.compress((site / "manifest.webmanifest").read_bytes(), 9))
    print(f"offline per page {per_page} B gzip; sw.js {worker} B gzip; manifest {manifest} B gzip")
    assert per_page < 4 * 1024
    assert worker < 12 * 1024
    assert manifest < 1024
