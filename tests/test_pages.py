"""Every built page, both languages, in ONE visit each, under the site's own Content Security Policy.

Each visit loads the page at 320px (phone first) and checks there: no sideways scrolling, no word
broken mid-word across two lines (Welsh words are long), the header's site name shown whole, the language link as words to the twin page, and axe. Then at
1280px: axe on the whole document again and the skip link. On a page of every
kind it then uses the page lightly (search, the first controls of each component). Throughout, a
`securitypolicyviolation` listener, the console and the script errors must stay empty, and no
request may leave 127.0.0.1.

The tab is shared by the module (one context), so storage is cleared after each visit.
"""
from __future__ import annotations

import pytest

from helpers import DOCS, LANGS, OTHER, axe_report, axe_violations, broken_words, twin_path, url
from macros.loader import load_all
from macros.case_pages import KINDS, page_path


def _source_paths() -> list[str]:
    """Site paths ('', 'about/', ...) from docs/*.en.md and the scenarios, known before the build."""
    paths = {"404.html"}
    for md in DOCS.rglob("*.en.md"):
        rel = md.relative_to(DOCS).as_posix()
        if rel.startswith("case-studies/"):
            continue  # generated from scenarios/ (git-ignored); listed below
        stem = rel[: -len(".en.md")]
        if stem == "index":
            paths.add("")
        elif stem.endswith("/index"):
            paths.add(stem[: -len("index")])
        else:
            paths.add(stem + "/")
    paths.add("case-studies/")
    for sid in load_all():
        for kind in KINDS:
            paths.add(page_path(sid, kind))
    return sorted(paths)


PATHS = _source_paths()
PAGES = [(lang, p) for lang in LANGS for p in PATHS]
SID = sorted(load_all())[0]

# Used lightly under the CSP: a page of every kind.
EXERCISE = {"", "elements/change/", "practice/conference/", "case-studies/teulu-hughes/",
            "case-studies/teulu-hughes/rewrites/", "case-studies/teulu-hughes/steps/", "plans/rewrites/",
            "plans/checker/", "steps/workbook/", "learn/self-study/", "learn/glossary/", "about/privacy/", "404.html"}
NAME = {"en": "English", "cy": "Cymraeg"}
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def _id(item) -> str:
    lang, path = item
    return f"{lang}:/{path}"


@pytest.fixture(scope="module")
def tab(make_tab):
    with make_tab(console=True) as pg:  # the CSP is enforced
        pg.add_init_script(WATCH)
        pg.on("dialog", lambda d: d.dismiss())
        yield pg


def test_page_list_matches_the_build(site):
    """The parametrised list must cover every built page (search, sitemap and the service
    worker's offline pages aside: tests/test_offline.py runs axe on those)."""
    built = set()
    for f in site.rglob("*.html"):
        rel = f.relative_to(site).as_posix()
        if "search" in rel or "sitemap" in rel or rel in ("offline.html", "cy/offline.html"):
            continue
        built.add(rel)
    expected = {("cy/" if lang == "cy" else "") + (p if p.endswith(".html") else p + "index.html") for lang, p in PAGES}
    assert built == expected, f"only built: {sorted(built - expected)}; only listed: {sorted(expected - built)}"
    assert EXERCISE <= set(PATHS)


PHONE = """() => {
    const d = document.documentElement, name = document.querySelector('.ecp-header__name');
    const shown = name && [...name.querySelectorAll('span')].find((s) => s.getClientRects().length);
    const wide = [...document.querySelectorAll('.md-header *, .md-content *, .md-footer *')]
        .filter((e) => e.clientWidth && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'
            && !e.closest('.md-visually-hidden, .ecp-vh, .ecp-sr-only'))
        .slice(-3).map((e) => e.tagName + '.' + e.className);
    const link = document.querySelector('.md-header a.ecp-lang__link');
    const controls = [...document.querySelectorAll('.md-header__inner > *')].filter((e) => e.getClientRects().length)
        .map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right]);
    return {
      scroll: d.scrollWidth, client: d.clientWidth, wide,
      name: shown ? {text: shown.textContent.trim(), sw: shown.scrollWidth, cw: shown.clientWidth,
                     lsw: name.scrollWidth, lcw: name.clientWidth, h: name.getBoundingClientRect().height} : null,
      link: link && {text: link.querySelector('.ecp-lang__name').textContent.trim(), lang: link.lang,
                     hreflang: link.hreflang, href: new URL(link.href).pathname,
                     name: link.textContent.replace(/\\s+/g, ' ').trim(), h: link.getBoundingClientRect().height},
      controls,
    };
}"""

SKIP = """() => {
    const a = document.querySelector('a.md-skip');
    if (!a) return 'no skip link';
    const first = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
        .find((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0);
    if (first !== a) return 'skip link is not the first focusable element';
    const id = decodeURIComponent(new URL(a.href).hash.slice(1));
    const target = document.getElementById(id);
    if (!target) return 'skip link target #' + id + ' is missing';
    if (!target.closest('.md-content')) return 'skip link target #' + id + ' is outside the content';
    return '';
}"""


def _phone(tab, lang: str, path: str) -> list[str]:
    got = tab.evaluate(PHONE)
    problems = []
    if got["scroll"] > got["client"]:
        problems.append(f"scrolls sideways at 320px ({got['scroll']} > {got['client']}): {got['wide']}")
    name = got["name"]
    if not (name and name["text"]):
        problems.append("no site name in the header")
    elif not (name["sw"] <= name["cw"] and name["lsw"] <= name["lcw"]) or name["h"] > 56:
        problems.append(f"site name cut off or too tall: {name}")
    if not all(left >= 0 and right <= got["client"] + 0.5 for left, right in got["controls"]):
        problems.append(f"header controls off screen: {got['controls']}")
    broken = broken_words(tab)
    if broken:
        problems.append(f"words broken mid-word at 320px: {'; '.join(broken[:8])}")
    link, other = got["link"], OTHER[lang]
    if not link:
        problems.append("no language link in the header")
    elif not (link["text"] == NAME[other] and link["lang"] == other and link["hreflang"] == other
              and link["name"].startswith(NAME[other])  # the accessible name starts with its visible words (2.5.3)
              and link["h"] >= 24 and link["href"] == twin_path(lang, path)):
        problems.append(f"language link: {link}")
    return problems


def _exercise(page):
    """Use the page lightly: search, and the first few controls of each component."""
    search = page.locator("input[type=search]:visible, .md-search__input:visible").first
    if search.count():
        search.click()
        search.press_sequentially("plan", delay=20)
        page.wait_for_timeout(300)
        page.keyboard.press("Escape")
    for sel in ('[data-action="example"]', '[data-act="start-example"]'):
        if page.locator(f"{sel}:visible").count():
            page.locator(f"{sel}:visible").first.click()
    abbr = page.locator("abbr:visible")
    if abbr.count():
        abbr.first.hover()  # Material's tooltip
    radios = page.locator("[data-module]:not([data-module=search]) input[type=radio]:visible")
    if radios.count():
        radios.first.check()
    # Search is used above; copy-link buttons (tested in test_journeys) animate their label.
    buttons = page.locator("[data-module]:not([data-module=search]) button:not(.ecp-copy-link):visible")
    for i in range(min(buttons.count(), 3)):
        b = buttons.nth(i)
        text = (b.inner_text() + (b.get_attribute("data-act") or "") + (b.get_attribute("data-action") or "")).lower()
        if any(w in text for w in ("print", "argraff", "delete", "dileu", "import", "mewnforio", "clear", "clirio")):
            continue
        if b.is_enabled():
            b.click(timeout=2000)
    page.wait_for_timeout(200)


@pytest.mark.parametrize("item", PAGES, ids=_id)
def test_every_page_once(tab, base_url, item):
    lang, path = item
    problems = []
    tab.set_viewport_size({"width": 320, "height": 700})
    tab.requests.clear()
    tab.errors.clear()
    response = tab.goto(url(base_url, lang, path), wait_until="load")
    assert response is not None and response.status == 200, f"HTTP {response and response.status}"
    assert tab.evaluate("typeof __md_get === 'function'"), "the theme's inline script did not run"
    tab.wait_for_timeout(150)  # Material's document$ and the components' scripts
    problems += _phone(tab, lang, path)
    violations = axe_violations(tab)  # every page at both widths, in this one visit
    if violations:
        problems.append("axe at 320px:\n" + axe_report(violations))
    skip = tab.evaluate(SKIP)
    if skip:
        problems.append(skip + " at 320px")

    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.wait_for_timeout(100)
    violations = axe_violations(tab)
    if violations:
        problems.append("axe at 1280px:\n" + axe_report(violations))
    skip = tab.evaluate(SKIP)
    if skip:
        problems.append(skip)

    if path in EXERCISE:
        try:
            _exercise(tab)
        finally:
            tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    violations = tab.evaluate("window.__violations")
    if violations:
        problems.append(f"CSP violations: {violations}")
    external = tab.requests.external()
    if external:
        problems.append(f"requests left 127.0.0.1: {external}")
    if tab.errors:
        problems.append(f"script or console errors: {tab.errors}")
    assert not problems, f"{lang}:/{path}:\n" + "\n".join(problems)


def test_the_policy_is_enforced(csp_page, base_url):
    """The watch works and the policy bites: an injected inline script is refused and reported."""
    page = csp_page
    page.add_init_script(WATCH)
    page.goto(f"{base_url}/", wait_until="networkidle")
    ran = page.evaluate("""() => {
        const s = document.createElement("script");
        s.textContent = "window.__ran = true";
        document.body.append(s);
        return new Promise((r) => setTimeout(() => r(window.__ran === true), 100));
    }""")
    assert ran is False
    assert any("script-src" in v for v in page.evaluate("window.__violations"))
