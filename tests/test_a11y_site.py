"""Site-wide accessibility beyond each page's own axe run (that is in test_pages.py, one visit per
page): the 404 page's language, the header's names, the skip link, the drawer and search open, the
language link by keyboard, the side nav's toggles and focus that is always visible.
One browser context and one tab are reused for the whole module to keep the run short.
"""
from __future__ import annotations

import pytest

from helpers import AXE, LANGS, axe_report, axe_violations, url
from macros.loader import load_all
from macros.case_pages import page_path

_SID = sorted(load_all())[0]


@pytest.fixture(scope="module")
def tab(make_tab):
    # bypass_csp: wait_for_function evaluates in the page; see conftest
    with make_tab(bypass_csp=True, console=True) as pg:
        yield pg


def _load(tab, url: str, width: int) -> None:
    tab.set_viewport_size({"width": width, "height": 900})
    tab.requests.clear()
    tab.errors.clear()
    response = tab.goto(url, wait_until="load")
    assert response is not None
    # Let Material's document$ and the components' scripts run.
    tab.wait_for_function("() => document.readyState === 'complete'")
    tab.wait_for_timeout(150)
    return response


@pytest.mark.parametrize("lang", LANGS)
def test_missing_page_gets_the_404_in_its_language(tab, base_url, lang):
    # The server answers 404 with its own body; load the built page itself for its language.
    _load(tab, url(base_url, lang, "404.html"), 1280)
    assert tab.evaluate("document.documentElement.lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_header_controls_have_names_in_the_page_language(tab, base_url, lang):
    _load(tab, url(base_url, lang, ""), 1280)
    names = tab.evaluate("""() => {
        const name = (el) => el && (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent.trim());
        return {
          skip: name(document.querySelector('a.md-skip')),
          lang: document.querySelector('.md-header a.ecp-lang__link').textContent.replace(/\\s+/g, ' ').trim(),
          search: name(document.querySelector('.md-search[role="dialog"]')),
          input: name(document.querySelector('.md-search__input')),
        };
    }""")
    # The language link is named in the other language, in that language (lang on the link).
    expected = {"en": ("Skip to content", "Cymraeg: newid yr iaith i'r Gymraeg", "Search"),
                "cy": ("Neidio i'r cynnwys", "English: change the language to English", "Chwilio")}[lang]
    assert names["skip"] == expected[0]
    assert names["lang"] == expected[1]
    assert names["search"] == expected[2], names
    assert names["input"] == expected[2], names


@pytest.mark.parametrize("path", ["elements/conversations/", page_path(_SID, "exercise")])
@pytest.mark.parametrize("lang", LANGS)
def test_skip_link_is_first_and_moves_focus_to_content(tab, base_url, lang, path):
    _load(tab, url(base_url, lang, path), 1280)
    tab.keyboard.press("Tab")
    first = tab.evaluate("document.activeElement.className")
    assert "md-skip" in first
    visible = tab.evaluate("(() => { const r = document.activeElement.getBoundingClientRect();"
                           " return r.width > 0 && r.height > 0 && r.top >= 0; })()")
    assert visible, "skip link must be visible when focused"
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(100)
    assert tab.evaluate("location.hash").startswith("#")
    tab.keyboard.press("Tab")
    inside = tab.evaluate("!!document.activeElement.closest('.md-content')")
    assert inside, "after the skip link, the next Tab stop must be in the content"


# ------------------------------------------------------------- states of the site's own chrome

def _axe_ok(tab, what: str) -> None:
    violations = axe_violations(tab)
    assert not violations, f"{what}:\n" + axe_report(violations)


@pytest.mark.parametrize("lang", LANGS)
def test_mobile_drawer_open(tab, base_url, lang):
    _load(tab, url(base_url, lang, "elements/conversations/"), 375)
    tab.click('.md-header label[for="__drawer"]')
    tab.wait_for_timeout(400)
    _axe_ok(tab, f"{lang} drawer open at 375px")
    assert not tab.errors


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("lang", LANGS)
def test_search_open_with_results(tab, base_url, lang, width):
    _load(tab, url(base_url, lang, "elements/conversations/"), width)
    if width < 960:
        tab.click('.md-header__inner > label[for="__search"]')
    else:
        tab.click(".md-search__input")
    tab.wait_for_timeout(300)
    tab.keyboard.type("plan")
    tab.wait_for_selector(".md-search-result__item", timeout=10000)
    _axe_ok(tab, f"{lang} search results at {width}px")
    assert not tab.errors
    assert not tab.requests.external()


@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_by_keyboard(tab, base_url, lang):
    """Tab reaches the header's language link (shown, with the site's focus style); Enter goes to the twin page."""
    _load(tab, url(base_url, lang, "elements/conversations/"), 1280)
    other = "cy" if lang == "en" else "en"
    for _ in range(6):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.getAttribute('hreflang')") == other:
            break
    else:
        pytest.fail("the other language's link cannot be reached with Tab")
    assert tab.evaluate("!!document.activeElement.closest('.md-header')")
    _axe_ok(tab, f"{lang} language link focused")
    tab.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    ring = tab.evaluate("""() => { const e = document.activeElement, cs = getComputedStyle(e), r = e.getBoundingClientRect();
        return {background: cs.backgroundColor, shadow: cs.boxShadow, visible: r.width > 0 && r.height > 0}; }""")
    assert ring["visible"] and ring["background"] == "rgb(255, 221, 0)" and ring["shadow"] != "none", ring
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.evaluate("document.documentElement.lang") == other
    assert tab.url.rstrip("/").endswith("elements/conversations")


@pytest.mark.parametrize("lang", LANGS)
def test_side_nav_toggles_are_named_buttons(tab, base_url, lang):
    # Not the home page: from issue 14 it hides the side nav on wide screens (the menu keeps it).
    # The button is a span inside Material's label: a label may take no role (ARIA in HTML).
    _load(tab, url(base_url, lang, "elements/change/"), 1280)
    toggles = tab.evaluate("""() => [...document.querySelectorAll('label.md-nav__link[for]')]
        .filter((l) => l.getClientRects().length && l.querySelector(':scope > [tabindex="0"]'))
        .map((l) => { const b = l.querySelector(':scope > [tabindex="0"]');
            return {role: b.getAttribute('role'), name: (b.getAttribute('aria-label') || b.textContent).trim(),
                    expanded: b.getAttribute('aria-expanded'), label: l.id,
                    labelAria: [...l.attributes].map((a) => a.name).filter((n) => n === 'role' || n.startsWith('aria-'))}; })""")
    assert toggles, "expected collapsible sections in the side nav"
    for t in toggles:
        assert t["role"] == "button" and t["name"] and t["expanded"] in ("true", "false"), t
        assert not t["labelAria"], t
    button = f"#{toggles[0]['label']} > [role=button]"
    for key in (" ", "Enter"):
        tab.focus(button)
        before = tab.get_attribute(button, "aria-expanded")
        tab.keyboard.press(key)
        tab.wait_for_timeout(100)
        assert tab.get_attribute(button, "aria-expanded") != before, f"{key!r} must toggle the section"


@pytest.mark.parametrize("width", [1280, 375])
def test_focus_is_always_visible_on_the_home_page(tab, base_url, width):
    """Tab through the home page: every stop is on screen and drawn with an outline or a shadow."""
    _load(tab, url(base_url, "en", ""), width)
    seen = 0
    for _ in range(80):
        tab.keyboard.press("Tab")
        info = tab.evaluate("""() => { const e = document.activeElement;
            if (!e || e === document.body) return null;
            const cs = getComputedStyle(e), r = e.getBoundingClientRect();
            return {what: e.outerHTML.slice(0, 80), ring: cs.outlineStyle !== 'none' || cs.boxShadow !== 'none',
                    onscreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight}; }""")
        if info is None:
            break
        seen += 1
        assert info["ring"] and info["onscreen"], info
    assert seen > 5


@pytest.mark.parametrize("lang", LANGS)
def test_mobile_drawer_by_keyboard(tab, base_url, lang):
    """In the 375px drawer, Tab only reaches what is on show, the panel title goes back up, and
    sections without their own page (Practice, Tools...) can be opened from the keyboard."""
    _load(tab, url(base_url, lang, "elements/conversations/"), 375)
    tab.focus(".ecp-header__menu > [role=button]")
    tab.keyboard.press("Enter")  # focus goes to the drawer's first item
    tab.wait_for_timeout(400)
    stops = []
    for i in range(12):
        if i:
            tab.keyboard.press("Tab")
        info = tab.evaluate("""() => { const e = document.activeElement, d = document.querySelector('.md-sidebar--primary');
            if (!d.contains(e)) return null;
            const r = e.getBoundingClientRect(), dr = d.getBoundingClientRect();
            return {text: (e.getAttribute('aria-label') || e.textContent).trim(), tag: e.tagName, role: e.getAttribute('role'),
                    title: !!e.closest('.md-nav__title'),
                    shown: r.left >= dr.left - 1 && r.right <= dr.right + 1 && r.width > 0
                           && getComputedStyle(e).visibility === 'visible'}; }""")
        if info:
            stops.append(info)
            assert info["shown"], f"focus went to a nav item that is not on show: {info}"
    assert stops and stops[0]["title"] and stops[0]["role"] == "button", \
        f"the open panel's title (back) must be a Tab stop: {stops}"
    tab.focus(".md-sidebar--primary .md-nav__title > [role=button] >> visible=true")
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(400)
    sections = tab.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary label.md-nav__link > .ecp-toggle')]
        .filter((l) => l.getClientRects().length && getComputedStyle(l).visibility === 'visible')
        .map((l) => [l.textContent.trim() || l.getAttribute('aria-label'), l.tabIndex, l.getAttribute('role')])""")
    assert sections and all(t >= 0 and r == "button" for _, t, r in sections), sections
    assert tab.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "focus lost after going back"
    _axe_ok(tab, f"{lang} drawer top level")


MENU = {"en": "Menu", "cy": "Dewislen"}


@pytest.mark.parametrize("width", [320, 768])
@pytest.mark.parametrize("lang", LANGS)
def test_the_menu_opens_and_closes_by_keyboard(tab, base_url, lang, width):
    """Below 1220px the drawer holds the site's navigation: its button is a Tab stop with a name and
    a state, Enter opens the drawer and puts focus in it, Escape closes it and focus comes back."""
    _load(tab, url(base_url, lang, "elements/change/"), width)
    for _ in range(15):
        tab.keyboard.press("Tab")
        if tab.evaluate("!!document.activeElement.closest('.ecp-header__menu')"):
            break
    else:
        pytest.fail("Tab never reaches the menu button")
    button = tab.evaluate("""() => { const e = document.activeElement;
        return {role: e.getAttribute('role'), name: e.getAttribute('aria-label'), expanded: e.getAttribute('aria-expanded')}; }""")
    assert button == {"role": "button", "name": MENU[lang], "expanded": "false"}, button
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(400)
    assert tab.evaluate("document.getElementById('__drawer').checked"), "Enter did not open the drawer"
    assert tab.evaluate("document.querySelector('.ecp-header__menu > .ecp-toggle').getAttribute('aria-expanded')") == "true"
    assert tab.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "focus did not go into the drawer"
    tab.keyboard.press("Tab")
    assert tab.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "Tab left the drawer"
    _axe_ok(tab, f"{lang} drawer opened by keyboard at {width}px")
    tab.keyboard.press("Escape")
    tab.wait_for_timeout(400)
    assert not tab.evaluate("document.getElementById('__drawer').checked"), "Escape did not close the drawer"
    assert tab.evaluate("!!document.activeElement.closest('.ecp-header__menu')"), "focus did not come back to the menu button"


def test_the_menu_button_is_no_tab_stop_where_the_nav_is_shown(tab, base_url):
    _load(tab, url(base_url, "en", "elements/change/"), 1280)
    assert tab.evaluate("""() => { const b = document.querySelector('.ecp-header__menu > .ecp-toggle');
        return !b.hasAttribute('role') && !b.hasAttribute('tabindex') && !b.getClientRects().length; }""")


FOCUS_INFO = """() => { const e = document.activeElement;
    if (!e || e === document.body) return null;
    const cs = getComputedStyle(e), r = e.getBoundingClientRect();
    return {what: e.outerHTML.slice(0, 90), header: !!e.closest('.md-header, [data-module="search"]'),
            scrollwrap: e.classList.contains('md-search__scrollwrap'), result: !!e.closest('.md-search-result__item'),
            ring: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none',
            onscreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && cs.visibility === 'visible'}; }"""


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("lang", LANGS)
def test_no_invisible_focus_stop_in_the_header_and_search(tab, base_url, lang, width):
    """Every Tab stop through the header and search shows its focus; the results area is never a
    stop of its own (its result links are), empty or not."""
    _load(tab, url(base_url, lang, "elements/change/"), width)
    stops = []
    for _ in range(16):
        tab.keyboard.press("Tab")
        info = tab.evaluate(FOCUS_INFO)
        if info is None or not info["header"]:
            if stops:
                break
            continue  # the skip link comes first
        stops.append(info)
    assert stops, "nothing in the header takes focus"
    for s in stops:
        assert not s["scrollwrap"], f"the empty results area took focus: {s}"
        assert s["ring"] and s["onscreen"], f"a focus stop shows no focus: {s}"
    # With results: from the box, Tab goes to the results themselves.
    _load(tab, url(base_url, lang, "elements/change/"), width)
    if width < 960:
        tab.click('.md-header__inner > label[for="__search"]')
    else:
        tab.click(".md-search__input")
    tab.keyboard.type("plan")
    tab.wait_for_selector(".md-search-result__item", timeout=10000)
    tab.focus(".md-search__input")
    reached = False
    for _ in range(6):
        tab.keyboard.press("Tab")
        info = tab.evaluate(FOCUS_INFO)
        assert info and not info["scrollwrap"], f"the results area took focus: {info}"
        assert info["ring"] and info["onscreen"], f"a focus stop shows no focus: {info}"
        if info["result"]:
            reached = True
            break
    assert reached, "Tab from the search box never reached a result"
    tab.keyboard.press("Escape")


# ARIA in HTML: a <label> takes no role, and without a role it takes no aria-label. axe files both
# under best practice (not the WCAG tags the other axe runs use), so they are run here by name, in
# each state the frame's toggles change: the page as loaded, the drawer and a section in it open,
# search open. Lighthouse's accessibility score counts them.
ARIA_RULES = ["aria-allowed-role", "aria-prohibited-attr", "aria-allowed-attr"]


def _aria_ok(tab, what: str) -> None:
    tab.evaluate("""async () => { const settled = () => document.getAnimations().every(a => a.playState !== 'running');
        for (const end = Date.now() + 3000; !settled() && Date.now() < end;) await new Promise(r => requestAnimationFrame(r)); }""")
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.evaluate(AXE.read_text(encoding="utf-8"))
    found = tab.evaluate("""async (rules) => {
        const r = await axe.run(document, {runOnly: {type: "rule", values: rules}});
        return r.violations.map(v => v.id + ": " + v.nodes.map(n => n.html.slice(0, 140)).join("\\n    "));
    }""", ARIA_RULES)
    assert not found, f"{what}:\n  " + "\n  ".join(found)


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", ["", "elements/change/"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_label_takes_a_role_or_aria_it_may_not(tab, base_url, lang, path, width):
    _load(tab, url(base_url, lang, path), width)
    _aria_ok(tab, f"{lang} /{path} at {width}px")
    if width < 960:
        tab.click('.md-header label[for="__drawer"]')
        tab.wait_for_timeout(400)
        _aria_ok(tab, f"{lang} /{path} at {width}px, drawer open")
        # Back up to the top level of the drawer (if a section's panel is open), then into the
        # first section without a page of its own.
        back = tab.locator(".md-sidebar--primary .md-nav__title:not([for='__drawer']) >> visible=true")
        if back.count():
            back.first.click()
            tab.wait_for_timeout(400)
            _aria_ok(tab, f"{lang} /{path} at {width}px, drawer at its top level")
        tab.click(".md-sidebar--primary .md-nav__item--nested > label.md-nav__link >> visible=true")
        tab.wait_for_timeout(400)
        _aria_ok(tab, f"{lang} /{path} at {width}px, a section open in the drawer")
        _load(tab, url(base_url, lang, path), width)
        tab.click(".md-header__inner > label[for='__search']")
    else:
        tab.click(".md-search__input")
    tab.wait_for_timeout(400)
    _aria_ok(tab, f"{lang} /{path} at {width}px, search open")
