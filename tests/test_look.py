"""Issue 14: the frame looks and works like a public service, on a phone first, in both languages.

Every page at 320px (no sideways scrolling, the header's site name shown whole, the language link
as words to the twin page) and axe at 320px are in test_pages.py, in the one visit per page. Here:
the language link keeping #section. Plus contrast of titles and nav,
the type scale, one focus style, sidebar titles that never cover items, the case-study steps,
and the home page's starts, elements and case cards linking to real pages.
"""
from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from helpers import LANGS, OTHER, axe_violations, twin_path, url
from macros.loader import load_all
from macros.case_pages import KINDS, page_path

SID = sorted(load_all())[0]
ELEMENTS = ("conversations", "thresholds", "change", "measure")

# One page of each kind, for the slower checks that click through.
KIND_PAGES = ["", "elements/", "elements/change/", "plans/checker/", "steps/workbook/", "learn/self-study/",
              "learn/glossary/", "about/privacy/", "case-studies/"] + [page_path(SID, k) for k in KINDS]


@pytest.fixture(scope="module")
def tab(make_tab):
    with make_tab(viewport={"width": 320, "height": 700}) as pg:  # the CSP is enforced
        yield pg


def _open(tab, url: str, width: int = 320) -> None:
    tab.set_viewport_size({"width": width, "height": 700})
    tab.errors.clear()
    tab.goto(url, wait_until="load")
    tab.wait_for_timeout(100)


def _settled(tab) -> None:
    """Wait for running transitions (Material opens nav sections with one) to end."""
    tab.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)


# ---------------------------------------------------------------- the language link, clicked

@pytest.mark.parametrize("path", KIND_PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_language_link_lands_on_the_twin_section(tab, base_url, lang, path):
    _open(tab, url(base_url, lang, path), 1280)
    section = tab.evaluate("""() => { const h = [...document.querySelectorAll('.md-content h2[id], .md-content h3[id]')];
        return (h[Math.min(2, h.length - 1)] || {}).id || ''; }""")
    assert section, "expected a section id to link to"
    tab.goto(url(base_url, lang, path) + "#" + section)
    with tab.expect_navigation():
        tab.click(".md-header a.ecp-lang__link")
    other = OTHER[lang]
    assert tab.url == base_url + twin_path(lang, path) + "#" + section
    assert tab.evaluate("document.documentElement.lang") == other
    assert tab.locator(f"[id='{section}']").count() == 1, f"the twin has no #{section}"
    assert not tab.requests.external()


def test_language_link_works_without_javascript(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(base_url + "/elements/change/")
    with pg.expect_navigation():
        pg.click(".md-header a.ecp-lang__link")
    assert pg.url == base_url + "/cy/elements/change/"
    assert pg.evaluate("document.documentElement.lang") == "cy"
    ctx.close()


# --------------------------------------------------------------------- type, colour, focus

def _contrast_js() -> str:
    return """(el) => {
        const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
        const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
        let bg = el, c;
        while (bg) { c = rgb(getComputedStyle(bg).backgroundColor); if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) break; bg = bg.parentElement; }
        const b = bg ? rgb(getComputedStyle(bg).backgroundColor).slice(0, 3) : [255, 255, 255];
        const f = rgb(getComputedStyle(el).color).slice(0, 3);
        const [hi, lo] = [lum(f), lum(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
    }"""


@pytest.mark.parametrize("path", ["elements/change/", page_path(SID, "exercise"), ""])
@pytest.mark.parametrize("lang", LANGS)
def test_titles_and_nav_contrast(tab, base_url, lang, path):
    _open(tab, url(base_url, lang, path), 1280)
    title = tab.locator(".md-content h1").first.evaluate(_contrast_js())
    assert title >= 15, f"page title contrast {title:.2f}: titles are in full-contrast ink"
    for sel in [".md-sidebar--primary .md-nav__link", ".md-sidebar--primary .md-nav__title", ".md-header .ecp-header__name",
                ".md-header .ecp-lang__link", ".md-sidebar--secondary .md-nav__link"]:
        ratios = tab.eval_on_selector_all(sel, f"(els) => els.filter((e) => e.getClientRects().length).map({_contrast_js()})")
        assert all(r >= 4.5 for r in ratios), f"{sel}: contrast below AA: {min(ratios):.2f}"


@pytest.mark.parametrize("width,size", [(320, 16), (1280, 19)])
def test_type_scale(tab, base_url, width, size):
    _open(tab, url(base_url, "en", "elements/change/"), width)
    got = tab.evaluate("""() => ({p: parseFloat(getComputedStyle(document.querySelector('.md-content article > p')).fontSize),
        h1: parseFloat(getComputedStyle(document.querySelector('.md-content h1')).fontSize),
        measure: parseFloat(getComputedStyle(document.querySelector('.md-content article > p')).maxWidth),
        ch: (() => { const s = document.createElement('span'); s.style.cssText = 'display:inline-block;width:72ch';
             document.querySelector('.md-content article > p').append(s); const w = s.getBoundingClientRect().width; s.remove(); return w; })()})""")
    assert got["p"] == size, got
    assert got["h1"] >= 1.5 * size, got
    assert got["measure"] <= got["ch"], f"lines may run past about 70 characters: {got}"


def test_one_focus_style(tab, base_url):
    """Links in the header, nav and content share one focus look; so do buttons and radios."""
    _open(tab, url(base_url, "en", page_path(SID, "exercise")), 1280)
    looks = {}
    for what, sel in [("header link", ".md-header a.ecp-lang__link"), ("nav link", ".md-sidebar--primary a.md-nav__link"),
                      ("content link", ".md-content article .ecp-scenario-links a[href]"), ("contents link", ".ecp-contents a")]:
        tab.locator(sel).first.focus()
        tab.keyboard.press("Shift+Tab")
        tab.keyboard.press("Tab")
        _settled(tab)
        looks[what] = tab.evaluate("(() => { const cs = getComputedStyle(document.activeElement); return [cs.backgroundColor, cs.color, cs.boxShadow]; })()")
    assert len({tuple(v) for v in looks.values()}) == 1, "\n".join(f"{k}: {v}" for k, v in looks.items())
    assert looks["header link"][0] == "rgb(255, 221, 0)", looks
    rings = []
    for sel in [".ecp-grid__option input", ".ecp-grid [data-action='check']", ".md-search__input"]:
        tab.evaluate(f"document.querySelector({sel!r}).hidden = false")
        tab.locator(sel).first.focus()
        tab.keyboard.press("Shift+Tab")
        tab.keyboard.press("Tab")
        _settled(tab)
        target = "document.activeElement.matches('input[type=radio]') ? document.activeElement.nextElementSibling : document.activeElement"
        rings.append(tab.evaluate(f"(() => {{ const cs = getComputedStyle({target}); return [cs.outlineColor, cs.outlineWidth, cs.boxShadow]; }})()"))
    assert len({tuple(r) for r in rings}) == 1 and rings[0][0] == "rgb(255, 221, 0)", rings


# ------------------------------------------------------------------ phone targets, sidebar

@pytest.mark.parametrize("lang", LANGS)
def test_targets_and_exercise_radios(tab, base_url, lang):
    _open(tab, url(base_url, lang, page_path(SID, "exercise")), 320)
    sizes = tab.evaluate("""() => [...document.querySelectorAll('.md-header a, .md-header label, .md-header button, .ecp-contents a')]
        .filter((e) => e.getClientRects().length && !e.closest('.md-search')).map((e) => { const r = e.getBoundingClientRect(); return [e.className, r.width, r.height]; })""")
    small = [s for s in sizes if s[1] < 24 or s[2] < 24]
    assert sizes and not small, small
    radio = tab.evaluate("(() => { const r = document.querySelector('.ecp-grid__option input').getBoundingClientRect(); return [r.width, r.height]; })()")
    label = tab.evaluate("document.querySelector('.ecp-grid__option label').getBoundingClientRect().height")
    assert min(radio) >= 24 and label >= 44, (radio, label)


# Layout shifts since the page began to load (the browser's own measure, as Lighthouse's CLS).
SHIFTS = """() => new Promise((done) => {
    let total = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
        .observe({type: "layout-shift", buffered: true});
    setTimeout(() => done(total), 200);
})"""


@pytest.mark.parametrize("width", [412, 1350])
@pytest.mark.parametrize("lang", LANGS)
def test_nothing_moves_when_the_scripts_arrive(tab, base_url, lang, width):
    """Copy links, the search box, the offline control and the components' scripts arrive after
    the first paint: none of them may push the text about (cumulative layout shift below 0.01 on a
    page of every kind; Lighthouse's "good" is 0.1, and a reader loses their place at far less)."""
    moved = {}
    for path in KIND_PAGES:
        _open(tab, url(base_url, lang, path), width)
        shift = tab.evaluate(SHIFTS)
        if shift >= 0.01:
            moved[path] = round(shift, 4)
    assert not moved, moved


@pytest.mark.parametrize("lang", LANGS)
def test_sidebar_titles_never_cover_items(tab, base_url, lang):
    """Wherever the reader has scrolled (the side nav's own scroll area if it has one, else the
    page), no title sits over an item of the side nav that is in view below the header."""
    _open(tab, url(base_url, lang, page_path(SID, "steps")), 1280)
    _settled(tab)
    for frac in (0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1):
        covered = tab.evaluate("""(frac) => {
            const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
            const own = wrap.scrollHeight > wrap.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(wrap).overflowY);
            const scroller = own ? wrap : document.scrollingElement;
            scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * frac;
            const head = document.querySelector('.md-header').getBoundingClientRect().bottom;
            const box = own ? wrap.getBoundingClientRect() : { top: 0, bottom: innerHeight };
            const top = Math.max(box.top, head), bottom = Math.min(box.bottom, innerHeight);
            const out = [];
            for (const item of wrap.querySelectorAll('.md-nav__link')) {
              if (!item.checkVisibility({checkOpacity: true, visibilityProperty: true})) continue;
              const r = item.getBoundingClientRect();
              if (!r.height || r.top < top + 2 || r.bottom > bottom - 2) continue;
              // Every part of a visible item is on top: nothing (a sticky title) lies over it.
              for (const y of [r.top + 4, r.top + r.height / 2, r.bottom - 4]) {
                const hit = document.elementFromPoint(r.left + 8, y);
                if (!hit || !(item.contains(hit) || hit.contains(item))) { out.push([item.textContent.trim(), hit && hit.tagName + "." + hit.className]); break; }
              }
            }
            return out;
        }""", frac)
        assert not covered, f"at {frac:.0%} scrolled, covered: {covered}"


@pytest.mark.parametrize("lang", LANGS)
def test_wide_side_nav_opens_at_its_top(tab, base_url, lang):
    """At 1280px, on a page deep in the nav (a case's last part), the side nav starts at its top:
    the site's title and the first section are in view, whole, when the page opens."""
    _open(tab, url(base_url, lang, page_path(SID, "steps")), 1280)
    _settled(tab)
    seen = tab.evaluate("""() => {
        const nav = document.querySelector('.md-sidebar--primary .md-nav--primary');
        const head = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const first = [nav.querySelector('.md-nav__title'), nav.querySelector('.md-nav__list > .md-nav__item > .md-nav__link')];
        return first.map((el) => { const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
          return [el.textContent.trim().slice(0, 40), r.top >= head && r.bottom <= innerHeight && !!hit && (el.contains(hit) || hit.contains(el))]; });
    }""")
    assert all(ok for _, ok in seen), f"not in view at the nav's top when the page opens: {seen}"


# -------------------------------------------------------------------------- case-study steps

@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_case_study_steps_show_where_the_reader_is(site, lang, kind):
    """A case's parts are listed under its title: every other part a link to its page, the
    current one marked and not a link."""
    for sid in load_all():
        rel = ("cy/" if lang == "cy" else "") + page_path(sid, kind) + "index.html"
        html = (site / rel).read_text(encoding="utf-8")
        nav = re.search(r'<div class="ecp-contents".*?</ol>\s*</div>', html, re.S)
        assert nav, f"{rel}: no list of parts"
        items = re.findall(r'<li class="ecp-contents__item[^"]*"([^>]*)>(.*?)</li>', nav.group(0), re.S)
        assert len(items) == len(KINDS), rel
        current = [i for i, (attrs, _) in enumerate(items) if 'aria-current="step"' in attrs]
        assert current == [KINDS.index(kind)], rel
        base = posixpath.dirname("/" + rel)
        for (attrs, body), k in zip(items, KINDS):
            href = re.search(r'href="([^"]+)"', body)
            if k == kind:
                assert href is None, f"{rel}: the current part is a link"
                continue
            assert posixpath.normpath(posixpath.join(base, href.group(1))) + "/" == "/" + ("cy/" if lang == "cy" else "") + page_path(sid, k)


# ------------------------------------------------------------------------------ home page

class _Links(HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.found: dict[str, list[str]] = {}
        self.ids: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        cls = a.get("class") or ""
        self.stack.append(cls)
        if tag == "a" and a.get("href"):
            for c in self.stack:
                for name in c.split():
                    self.found.setdefault(name, []).append(a["href"])

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()


def _resolve(site, page_rel: str, href: str):
    parts = urlsplit(href)
    base = posixpath.dirname("/" + page_rel)
    target = posixpath.normpath(posixpath.join(base, parts.path)) if not parts.path.startswith("/") else parts.path
    file = site / target.lstrip("/")
    if file.is_dir() or href.split("#")[0].endswith("/"):
        file = file / "index.html"
    return file, parts.fragment


@pytest.mark.parametrize("lang", LANGS)
def test_home_has_three_starts_four_elements_and_cases_linking_to_real_pages(site, lang):
    rel = "cy/index.html" if lang == "cy" else "index.html"
    page = _Links((site / rel).read_text(encoding="utf-8"))
    starts = [c for c in ("ecp-start__go", "ecp-start__links") if c in page.found]
    assert {"for-staff", "for-mentors", "for-families"} <= page.ids
    assert len(page.found.get("ecp-start__go", [])) >= 1 and len(page.found.get("ecp-start__links", [])) == 7, starts  # the families start also links to the notice
    for e in ELEMENTS:
        assert f"element-{e}" in page.ids
        assert len(page.found.get(f"ecp-element--{e}", [])) == 1
    cases = page.found.get("ecp-case", [])
    assert len(cases) == len(load_all())
    hrefs = (page.found["ecp-start"] + page.found["ecp-piece"] + cases)
    for href in hrefs:
        file, frag = _resolve(site, rel, href)
        assert file.exists(), f"{href} -> {file}"
        assert (file.relative_to(site).as_posix().startswith("cy/")) == (lang == "cy"), f"{href} leaves the language"
        if frag:
            assert f'id="{frag}"' in file.read_text(encoding="utf-8"), f"{href}: no #{frag}"


@pytest.mark.parametrize("lang", LANGS)
def test_home_carries_on_where_you_left_off(tab, base_url, lang):
    _open(tab, url(base_url, lang, ""), 320)
    assert tab.locator("[data-study-resume]").is_hidden()
    assert tab.locator("[data-study-start]").is_visible()
    tab.evaluate("localStorage.setItem('ecp:self-study:progress', JSON.stringify({home: '2026-01-01', elements: '2026-01-02'}))")
    try:
        _resumed(tab, base_url, lang)
    finally:
        tab.evaluate("localStorage.clear()")


def _resumed(tab, base_url, lang):
    _open(tab, url(base_url, lang, ""), 320)
    link = tab.locator("[data-study-next]")
    assert link.is_visible() and link.get_attribute("href").endswith("#step-conversations")
    assert ("Conversations" if lang == "en" else "Sgyrsiau") in link.text_content()
    assert "2" in tab.locator("[data-study-progress]").text_content()
    assert not tab.locator("[data-study-start]").is_visible()
    assert not axe_violations(tab)
