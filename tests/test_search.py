"""Search (issue 9): Pagefind, one index per language, loaded only when the reader opens search.

Built-site checks, then real Chromium: Welsh queries in mutated and unaccented forms find the
Welsh pages holding the radical, and only Welsh pages; English pages only from English;
nothing of search is fetched before the reader opens it; the keyboard shortcut; without
JavaScript there is no box. Ranking (exact form first, accents) is checked on a copy of the
site with two small extra pages. Accessibility of the open results is in test_a11y_site.py.
"""
from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import pytest

from helpers import LANGS, SiteServer

SEARCH_FILES = re.compile(r"/pagefind/|/assets/components/search/(?!loader\.js)")


def _article_words(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', text, re.S)
    if not m:
        return set()
    body = re.sub(r"<(script|style|template|nav|footer)\b.*?</\1>", " ", m.group(1), flags=re.S)
    body = re.sub(r'<p class="ecp-print-only[^"]*">.*?</p>', " ", body, flags=re.S)
    return {w.lower() for w in re.findall(r"\w+", htmllib.unescape(re.sub(r"<[^>]+>", " ", body)))}


def pages_with(site: Path, lang: str, word: str) -> set[str]:
    """URLs of the pages in one language whose content holds the word as written."""
    root = site / "cy" if lang == "cy" else site
    out = set()
    for f in root.rglob("index.html"):
        rel = f.relative_to(site).as_posix()
        if lang == "en" and rel.startswith("cy/") or "/assets/" in "/" + rel:
            continue
        if word in _article_words(f):
            out.add("/" + rel[: -len("index.html")])
    return out


def find(page, query: str) -> list[str]:
    """Every result URL the site's own search module returns for a query, best first."""
    return page.evaluate("""async (q) => {
        const m = await import('/assets/components/search/search.js');
        const found = await m.find(q, document.documentElement.lang);
        const data = await Promise.all(found.map((r) => r.result.data()));
        return data.map((d) => d.url);
    }""", query)


def open_and_type(page, query: str) -> list[str]:
    page.click(".md-search__input")
    page.keyboard.type(query)
    page.wait_for_function("""() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)
                              && !document.querySelector('.md-search-result__meta').textContent.includes('…')""",
                           timeout=15000)
    return page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.getAttribute('href'))")


# ------------------------------------------------------------------------------------ the build

def test_build_writes_one_index_per_language_and_no_lunr_index(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(LANGS), entry
    en = [p for p in site.rglob("index.html") if not p.relative_to(site).as_posix().startswith(("cy/", "assets/", "pagefind/"))]
    cy = list((site / "cy").rglob("index.html"))
    assert entry["languages"]["en"]["page_count"] == len(en)
    assert entry["languages"]["cy"]["page_count"] == len(cy)
    assert not (site / "search" / "search_index.json").exists(), "Material's lunr search is still on"
    assert not list((site / "pagefind").glob("pagefind-*ui*")), "Pagefind's unused UIs are removed"
    assert "search_index.json" not in (site / "index.html").read_text(encoding="utf-8")


def test_forms_file_groups_welsh_mutations(site):
    forms = json.loads((site / "pagefind" / "forms.cy.json").read_text(encoding="utf-8"))
    assert {"plant", "blant", "phlant"} <= set(forms["plant"]), forms.get("plant")
    assert {"gofal", "ofal"} <= set(forms["gofal"])
    assert "plan" not in forms  # p is never a mutated form: English words stay as they are


@pytest.mark.parametrize("lang", LANGS)
def test_search_box_is_an_inert_template_and_its_strings_are_translated(site, lang):
    text = (site / ("cy/" if lang == "cy" else "") / "elements" / "change" / "index.html").read_text(encoding="utf-8")
    tpl = re.search(r'<template id="ecp-search">(.*?)</template>', text, re.S)
    assert tpl, "the search box must sit in a <template> (no box without JavaScript)"
    assert 'class="md-search"' not in text.replace(tpl.group(0), "")
    strings = json.loads(htmllib.unescape(re.search(r"data-strings='([^']*)'", tpl.group(1)).group(1)))
    assert strings["placeholder"] == {"en": "Search", "cy": "Chwilio"}[lang]
    assert strings["hint"] == {"en": "Type to start searching", "cy": "Teipiwch i ddechrau chwilio"}[lang]
    assert re.search(r'<script type="module" src="[^"]*assets/components/search/loader\.js">', text)
    labels = re.findall(r'aria-label="([^"]*)"', htmllib.unescape(tpl.group(1)))
    assert {"en": "Clear search", "cy": "Clirio'r chwiliad"}[lang] in labels, labels
    assert {"en": "Open search", "cy": "Agor chwilio"}[lang] in labels, labels
    assert "<script" not in tpl.group(1), "no script inside the search markup (CSP without unsafe-inline)"


# ------------------------------------------------------------------------------- in the browser

@pytest.mark.parametrize("lang", LANGS)
def test_nothing_of_search_is_fetched_until_search_opens(page, base_url, lang):
    page.goto(f"{base_url}/{'cy/' if lang == 'cy' else ''}elements/change/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 800)
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    early = [u for u in page.requests if SEARCH_FILES.search(u)]
    assert not early, f"fetched before search was opened: {early}"
    assert any(u.endswith("/assets/components/search/loader.js") for u in page.requests)
    page.click(".md-search__input")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.length > 0")
    page.wait_for_timeout(1000)
    assert any("/pagefind/pagefind.js" in u for u in page.requests), "opening search loads it"


WELSH = [  # query, the radical (or accented) form the pages hold
    ("ty", "tŷ"), ("blant", "plant"), ("mhlant", "plant"), ("phlant", "plant"),
    ("ofal", "gofal"), ("nghartref", "cartref"), ("ngwaith", "gwaith"),
]


@pytest.mark.parametrize("query,radical", WELSH, ids=[q for q, _ in WELSH])
def test_welsh_query_finds_welsh_pages_with_the_radical_and_no_english_page(page, base_url, site, query, radical):
    page.goto(f"{base_url}/cy/elements/conversations/")
    urls = find(page, query)
    assert urls, f"{query}: no results"
    english = [u for u in urls if not u.startswith("/cy/")]
    assert not english, f"{query}: English pages listed from a Welsh page: {english}"
    want = pages_with(site, "cy", radical)
    assert want, f"no Welsh page holds {radical!r}: pick another example"
    missing = want - set(urls)
    assert not missing, f"{query} should find every page with {radical!r}; missing {sorted(missing)}"


@pytest.mark.parametrize("query,word", [("plans", "plan"), ("conferences", "conference"), ("plan", "plans")])
def test_english_query_is_stemmed_and_finds_english_pages_only(page, base_url, site, query, word):
    page.goto(f"{base_url}/elements/conversations/")
    urls = find(page, query)
    assert urls and not [u for u in urls if u.startswith("/cy/")], urls
    missing = pages_with(site, "en", word) - set(urls)
    assert not missing, f"{query} should find every page with {word!r}; missing {sorted(missing)}"


@pytest.mark.parametrize("lang", LANGS)
def test_results_list_title_section_excerpt_and_count(page, base_url, lang):
    page.goto(f"{base_url}/{'cy/' if lang == 'cy' else ''}elements/conversations/")
    hrefs = open_and_type(page, {"en": "children", "cy": "mhlant"}[lang])
    assert hrefs and all(h.startswith("/cy/") == (lang == "cy") for h in hrefs), hrefs
    assert any("#" in h for h in hrefs), "results link straight to a section"
    first = page.locator(".md-search-result__item").first
    assert first.locator(".ecp-search__title").inner_text().strip()
    assert first.locator(".ecp-search__excerpt mark").count() >= 1
    status = page.locator(".md-search-result__meta")
    assert status.get_attribute("role") == "status"
    assert re.fullmatch({"en": r"\d+ results?", "cy": r"\d+ canlyniad"}[lang], status.inner_text().strip())
    assert not page.errors and not page.requests.external()
    page.fill(".md-search__input", "")
    page.keyboard.type("xqzvwk")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('xqzvwk')")
    assert status.inner_text().startswith({"en": "No results", "cy": "Dim canlyniadau"}[lang])


def test_ten_at_a_time_then_show_more_and_arrow_keys(page, base_url):
    page.goto(f"{base_url}/cy/elements/conversations/")
    open_and_type(page, "plant")
    total = int(re.match(r"\d+", page.inner_text(".md-search-result__meta")).group(0))
    assert total > 10
    assert page.locator(".md-search-result__item").count() == 10
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement === document.querySelector('.md-search-result__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    more = page.locator(".ecp-search__more")
    assert more.inner_text() == "Dangos rhagor o ganlyniadau"
    more.click()
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 10")
    assert page.locator(".md-search-result__item").count() == min(20, total)
    assert page.evaluate("document.activeElement === document.querySelectorAll('.md-search-result__link')[10]")


def test_a_result_opens_its_section(page, base_url):
    page.goto(f"{base_url}/cy/elements/conversations/")
    open_and_type(page, "nghartref")
    link = page.locator(".md-search-result__link[href*='#']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize("key", ["/", "s"])
def test_keyboard_shortcut_opens_search_and_escape_closes_it(page, base_url, key):
    page.goto(f"{base_url}/cy/elements/change/")
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.input_value(".md-search__input") == "", "the shortcut key is not typed into the box"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_shortcut_keys_type_normally_in_other_fields(page, base_url):
    page.goto(f"{base_url}/plans/checker/")
    field = page.locator(".md-content textarea, .md-content input[type=text]").first
    field.click()
    page.keyboard.type("s/")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert field.input_value().endswith("s/")


def test_mobile_header_button_opens_search(page, base_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{base_url}/cy/")
    # The button is a span inside Material's label: a label may take no role (ARIA in HTML).
    button = page.locator('.md-header__inner > label[for="__search"] > [role=button]')
    assert button.get_attribute("aria-label") == "Agor chwilio"
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.locator(".md-search__input").is_visible()


def test_closed_search_is_out_of_the_tab_order_on_small_screens(page, base_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{base_url}/elements/change/")
    page.focus('.md-header__inner > label[for="__search"] > [role=button]')
    page.keyboard.press("Tab")
    assert not page.evaluate("!!document.activeElement.closest('.md-search')"), "Tab went into the closed panel"
    assert not page.evaluate("document.getElementById('__search').checked")
    page.focus('.md-header__inner > label[for="__search"] > [role=button]')
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.matches('.md-header__inner > label[for=\"__search\"] > [role=button]')"), \
        "Escape gives focus back to the search button"


def test_without_javascript_there_is_no_search_box(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(f"{base_url}/cy/elements/change/")
        assert pg.locator(".md-search__input").count() == 0
        assert pg.locator('.md-header label[for="__search"]').count() == 0
        assert pg.locator("h1").first.is_visible()
    finally:
        ctx.close()


# ------------------------------------------------- ranking and excerpts, on the variant build's small extra pages

@pytest.fixture(scope="module")
def ranked_url(variant, browser):
    """The variant build has small extra pages (helpers.SEARCH_PAGES)."""
    server = SiteServer(variant)
    yield server.url
    server.close()


def _order(page, base, query):
    page.goto(f"{base}/cy/search-a/")
    hrefs = [h.split("#")[0] for h in open_and_type(page, query)]
    return [h for h in hrefs if h in ("/cy/search-a/", "/cy/search-b/")]


@pytest.mark.parametrize("query,first", [
    ("tân", "/cy/search-a/"),   # exact accented match first
    ("tan", "/cy/search-b/"),   # exact unaccented match first, the accented one still found
])
def test_exact_accents_rank_first(page, ranked_url, query, first):
    order = _order(page, ranked_url, query)
    assert len(order) == 2, f"{query}: both pages should be found, got {order}"
    assert order[0] == first, f"{query}: {order}"


def test_a_mutated_form_ranks_like_its_radical(page, ranked_url):
    """A mutation is grammar, not another word: every form finds both pages, in one order."""
    orders = {q: _order(page, ranked_url, q) for q in ("pysgod", "bysgod", "mhysgod")}
    assert all(len(o) == 2 for o in orders.values()), orders
    assert len({tuple(o) for o in orders.values()}) == 1, orders


@pytest.mark.parametrize("lang,query,want", [
    ("cy", "sgwarnog", [("lwyd", "Draenog"), ("Tylluan", "Gwiwer"), ("Mochyn", "Dafad")]),
    ("en", "hare", [("hare", "Small"), ("Owl", "Squirrel"), ("Pig", "Sheep")]),
])
def test_an_excerpt_keeps_a_space_between_blocks(page, ranked_url, lang, query, want):
    """A term and its definition, or two table cells, stay separate words in a result's excerpt."""
    page.goto(f"{ranked_url}{'/cy' if lang == 'cy' else ''}/search-c/")
    hrefs = open_and_type(page, query)
    assert hrefs, query
    excerpt = re.sub(r"\s+", " ", page.locator(".md-search-result__item .ecp-search__excerpt").first.inner_text())
    for a, b in want:
        assert re.search(rf"{a}\W*\s\W*{b}", excerpt), f"{a!r} and {b!r} run together in the excerpt: {excerpt!r}"


@pytest.mark.parametrize("radical,mutated", [("graddfa", "raddfa"), ("cynllun", "gynllun"), ("plant", "blant")])
def test_welsh_results_rank_the_same_for_a_word_and_its_mutation_on_the_real_site(page, base_url, radical, mutated):
    page.goto(f"{base_url}/cy/elements/change/")
    assert find(page, radical)[:5] == find(page, mutated)[:5]


@pytest.mark.parametrize("lang,query", [("en", "plan rewrites"), ("cy", "camau tuag at newid")])
def test_a_case_study_result_names_its_family(page, base_url, lang, query):
    """Several families have the same parts: each result from a case study says whose it is."""
    from macros.loader import load_all
    page.goto(f"{base_url}{'/cy' if lang == 'cy' else ''}/elements/change/")
    open_and_type(page, query)
    items = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => [e.getAttribute('href'), e.textContent])")
    cases = [(m.group(1), h, t) for h, t in items if (m := re.search(r"/case-studies/([a-z0-9-]+)/", h))]
    assert len(cases) >= 2, items
    for sid, href, text in cases:
        assert load_all()[sid].title[lang] in text, (href, text)


# ----------------------------------------------------------- under a CSP without 'unsafe-eval'

CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; worker-src 'self'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data:")


@pytest.fixture(scope="module")
def csp_url(site):
    """The site served with a Content-Security-Policy header that forbids eval. ('unsafe-inline'
    is there only for Material's own inline scripts; search adds none.)"""
    server = SiteServer(site, headers={"Content-Security-Policy": CSP})
    yield server.url
    server.close()


@pytest.mark.parametrize("lang,query", [("en", "plans"), ("cy", "mhlant")])
def test_search_works_under_a_csp_without_unsafe_eval(page, csp_url, lang, query):
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{csp_url}/{'cy/' if lang == 'cy' else ''}elements/change/")
    assert open_and_type(page, query), "no results under the CSP"
    assert not refused, refused
