"""Issue 17: every journey works for the person doing it, in both languages, on a phone (375 and
320 px), a laptop at 125% zoom (about 1024 px) and a laptop (1280 px), by keyboard where it
applies. Each test here failed before the fix it checks. This file keeps the site frame's
journeys; a component's are in its own file (test_grid_exercise, test_checker, test_workbook,
test_self_study)."""
from __future__ import annotations

import html as html_text

import re
from pathlib import Path

import pytest
import yaml

from helpers import LANGS, LAPTOP, MAKEFILE, MKDOCS_YML, PHONE, SMALL_PHONE, ZOOMED, no_axe, prefix, url
from macros import strings
from macros.case_pages import page_path

CONFIG = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


# ---------------------------------------------------------------- copy link, headings, landmarks

@pytest.mark.parametrize("lang", LANGS)
def test_headings_are_named_by_their_text_alone(page, base_url, lang):
    from playwright.sync_api import expect
    page.goto(url(base_url, lang, page_path("teulu-hughes", "exercise")))
    page.locator(".ecp-copy-link").first.wait_for()
    heads = page.locator(".md-content h2[id], .md-content h3[id]")
    assert heads.count() >= 3
    for i in range(heads.count()):
        h = heads.nth(i)
        if not h.is_visible():
            continue
        expect(h).to_have_accessible_name(h.text_content().strip())
        assert h.locator("button").count() == 0
    # Each heading with an id still has its copy-link button right after it, named for it.
    button = page.locator("h2#exercise + .ecp-copy-link")
    expect(button).to_have_accessible_name(f"{strings.t('site.copy_link', lang)}: {page.locator('h2#exercise').text_content().strip()}")


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_is_visible_says_what_it_does_on_focus_and_works(browser, base_url, axe, lang, width):
    """The control is quiet: a link icon shown on hover and focus, a 44px target that never
    moves or grows when hovered; its words are for screen readers."""
    ctx = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = ctx.new_page()
    try:
        page.goto(url(base_url, lang, page_path("teulu-hughes", "exercise")))
        button = page.locator("h2#exercise + .ecp-copy-link")
        button.scroll_into_view_if_needed()
        page.mouse.move(0, 0)
        box = button.bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44, "a 44px target"
        assert button.evaluate("b => getComputedStyle(b).opacity") == "0", "quiet until hover or focus"
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(200)
        assert button.bounding_box() == box, "hovering never moves the control"
        assert button.evaluate("b => getComputedStyle(b).opacity") == "1", "shown on hover"
        page.mouse.move(0, 0)
        label = button.locator(".ecp-copy-link__label")
        button.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
        page.wait_for_timeout(200)
        assert button.evaluate("b => getComputedStyle(b).opacity") == "1", "shown on focus"
        now = button.bounding_box()
        assert (now["x"], now["width"], now["height"]) == (box["x"], box["width"], box["height"]), "focus never moves or grows it"
        assert label.text_content() == strings.t("site.copy_link", lang)
        no_axe(axe, page, f"copy link focused at {width}px")
        page.keyboard.press("Enter")
        # Polled inside one evaluated function, not wait_for_function: this context keeps the site's
        # CSP, which (rightly) refuses the eval its polling uses whenever the first check is too early.
        said = page.evaluate("""async () => {
            const said = () => [...document.querySelectorAll('[role=status]')].some(s => s.textContent.length);
            for (const end = Date.now() + 5000; !said() && Date.now() < end;) await new Promise(r => setTimeout(r, 50));
            return said(); }""")
        assert said, "a status message says the link was copied"
        assert strings.t("site.link_copied", lang) in page.locator("body > [role=status]").all_text_contents()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.endswith("/case-studies/teulu-hughes/#exercise")
        assert button.get_attribute("data-copied") == "true"
        assert page.locator(".ecp-copy-fallback").count() == 0
    finally:
        ctx.close()


# A page with many headings, and the home page's cards: where the review found the control dodging the pointer.
POINTER_PAGES = ["elements/change/", ""]


@pytest.mark.parametrize("touch", [False, True], ids=["mouse", "touch"])
@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_copies_with_one_click_or_tap_on_every_heading(browser, base_url, lang, touch):
    """Point at each control with a real mouse (or tap it on a phone): it does not move, and one
    click or tap copies that section's link and says so."""
    size = {"width": 360, "height": 740} if touch else {"width": LAPTOP, "height": 800}
    ctx = browser.new_context(viewport=size, has_touch=touch, is_mobile=touch, service_workers="block", bypass_csp=True)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = ctx.new_page()
    try:
        for path in POINTER_PAGES:
            page.goto(url(base_url, lang, path))
            page.locator(".ecp-copy-link").first.wait_for()
            buttons = page.locator(".ecp-copy-link")
            assert buttons.count() > 2
            for i in range(buttons.count()):
                button = buttons.nth(i)
                if not button.is_visible():
                    continue
                page.mouse.move(0, 0) if not touch else None
                button.evaluate("b => b.scrollIntoView({block: 'center'})")
                heading_id = button.evaluate("b => b.parentElement.querySelector('h2, h3').id")
                page.evaluate("navigator.clipboard.writeText('')")
                before = button.bounding_box()
                x, y = before["x"] + before["width"] / 2, before["y"] + before["height"] / 2
                if touch:
                    page.touchscreen.tap(x, y)
                else:
                    page.mouse.move(x, y)
                    page.wait_for_timeout(50)
                    assert button.bounding_box() == before, f"{path}#{heading_id}: the control moved under the pointer"
                    page.mouse.click(x, y)
                copied = page.evaluate("""async () => {
                    for (const end = Date.now() + 3000; Date.now() < end;) {
                        const t = await navigator.clipboard.readText(); if (t) return t;
                        await new Promise(r => setTimeout(r, 50)); }
                    return ''; }""")
                assert copied.endswith("#" + heading_id), f"{lang}:/{path}: {'tap' if touch else 'click'} on #{heading_id} copied {copied!r}"
                assert strings.t("site.link_copied", lang) in page.locator("body > [role=status]").all_text_contents()
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_says_when_it_failed_and_shows_the_link(page, base_url, axe, lang):
    # Neither way of copying works: the clipboard refuses, and so does copying a selection.
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new Error('denied'))}});"
                         " document.execCommand = () => false;")
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(url(base_url, lang, page_path("teulu-hughes", "exercise")))
    button = page.locator("h2#exercise + .ecp-copy-link")
    button.focus()
    page.keyboard.press("Enter")
    box = page.locator(".ecp-copy-fallback input")
    box.wait_for()
    assert box.input_value().endswith("/case-studies/teulu-hughes/#exercise")
    assert page.evaluate("document.activeElement === document.querySelector('.ecp-copy-fallback input')")
    assert page.locator(".ecp-copy-fallback label").text_content() == strings.t("site.copy_failed", lang)
    assert button.get_attribute("data-copied") is None
    statuses = page.locator("body > [role=status]").all_text_contents()
    assert strings.t("site.link_copied", lang) not in statuses
    assert strings.t("site.copy_failed", lang) in statuses
    no_axe(axe, page, "copy failed")


def landmarks(page) -> list[tuple[str, str]]:
    return page.evaluate("""() => {
        const sel = 'header, footer, main, nav, aside, section[aria-label], section[aria-labelledby], form[aria-label], [role=navigation], [role=search], [role=region], [role=complementary], [role=banner], [role=contentinfo], [role=main]';
        return [...document.querySelectorAll(sel)].filter(e => !e.closest('article header, article footer') || e.matches('[role]'))
          .map(e => { const role = e.getAttribute('role') || ({HEADER: 'banner', FOOTER: 'contentinfo', MAIN: 'main', NAV: 'navigation', ASIDE: 'complementary', SECTION: 'region', FORM: 'form'})[e.tagName];
            const by = e.getAttribute('aria-labelledby');
            const name = e.getAttribute('aria-label') || (by ? by.split(' ').map(id => document.getElementById(id)?.textContent.trim()).join(' ') : '');
            return [role, name]; });
    }""")


@pytest.mark.parametrize("lang", LANGS)
def test_landmarks_are_few_and_named(page, base_url, lang):
    page.goto(url(base_url, lang, page_path("teulu-hughes", "exercise")))
    marks = landmarks(page)
    navs = [m for m in marks if m[0] == "navigation"]
    # Was 23 landmarks, 13 of them navigation (one per nav section).
    assert len(navs) <= 6, navs
    assert len(marks) <= 14, marks
    for role, name in marks:
        if role in ("navigation", "region", "complementary"):  # search: one, and i9 replaces it
            assert name, f"unnamed {role}"
    names = [n for r, n in navs]
    assert len(names) == len(set(names)), f"two navigation landmarks share a name: {names}"


@pytest.mark.parametrize("width", [PHONE, ZOOMED, 1200])
@pytest.mark.parametrize("lang", LANGS)
def test_closed_drawer_never_takes_focus(page, base_url, lang, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url(base_url, lang, page_path("teulu-hughes", "exercise")))
    page.locator(".ecp-copy-link").first.wait_for()
    for _ in range(12):
        page.keyboard.press("Tab")
        inside = page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
        assert not inside, f"Tab reached the closed drawer at {width}px: {page.evaluate('document.activeElement.outerHTML.slice(0, 120)')}"
        # Tabbing on past the header's search box (issue 9) closes search: its overlay would hide the focus.
        assert not page.evaluate("document.getElementById('__search').checked && !document.activeElement.closest('.md-search')")
    # Open it with Material's menu button: now its links take focus, and closing hides them again.
    page.locator('.md-header label[for="__drawer"]').click()
    page.wait_for_timeout(400)
    assert not page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    page.locator(".md-sidebar--primary a.md-nav__link:visible").first.focus()
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.locator("label.md-overlay").click(position={"x": width - 5, "y": 400})  # tap outside: Material closes it
    page.wait_for_timeout(400)
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")


# ---------------------------------------------------------------- glossary abbreviations

@pytest.mark.parametrize("lang", LANGS)
def test_abbreviation_text_promises_only_what_works(page, base_url, lang):
    page.goto(f"{base_url}{prefix(lang)}/learn/glossary/")
    focusable = page.evaluate("[...document.querySelectorAll('.md-content abbr')].every(a => a.tabIndex >= 0)")
    text = page.locator(".md-content").inner_text()
    promise = ("bysellfwrdd" if lang == "cy" else "focus them")
    if not focusable:
        assert promise not in text
    for p in (f"{prefix(lang)}/about/accessibility/",):
        page.goto(base_url + p)
        t = page.locator(".md-content").inner_text()
        sentence = [s for s in re.split(r"(?<=\.)\s", t) if "byrfodd" in s.lower() or "abbreviation" in s.lower()]
        assert sentence and not any(("bysellfwrdd" in s or "keyboard" in s or "focus" in s) for s in sentence), sentence


# ---------------------------------------------------------------- the real address

def test_built_site_names_no_local_address(site):
    """No canonical link, sitemap entry or printed address points at a developer's machine.
    Material's own source map quotes 'localhost' in a code comment: it is the theme's, not ours."""
    hits = []
    for f in site.rglob("*"):
        if not f.is_file() or f.suffix in (".png", ".jpg", ".woff2", ".ico", ".gz"):
            continue
        if f.name.endswith(".min.js.map") and f.parent.name == "javascripts":
            continue
        text = f.read_text(encoding="utf-8", errors="ignore")
        if "127.0.0.1" in text or "localhost" in text:
            hits.append(str(f.relative_to(site)))
    assert hits == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="canonical" href="https://[^"]+/"', home)
    assert "https://" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_make_serve_still_serves_locally():
    """What `make serve` runs (make's dry run, not the Makefile's text): the local address, both
    as site_url and as the address it serves at."""
    import subprocess
    run = subprocess.run(["make", "-n", "-C", str(MAKEFILE.parent), "-o", ".venv/.installed",
                          "-o", "node_modules/.installed", "serve"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    serve = [ln for ln in run.stdout.splitlines() if " serve" in ln and "mkdocs" in ln]
    assert len(serve) == 1, run.stdout
    assert "SITE_URL=http://127.0.0.1:8000/ " in serve[0] and "--dev-addr 127.0.0.1:8000" in serve[0], serve[0]


# ---------------------------------------------------------------- worried about a child?

def all_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "search" not in p.parts]


def _safeguarding() -> list[dict]:
    """The configured numbers (extra.publisher.safeguarding in mkdocs.yml), as read by MkDocs."""
    from mkdocs.config import load_config
    return load_config(str(MKDOCS_YML))["extra"]["publisher"]["safeguarding"]


def _tel(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def test_every_page_carries_the_worried_about_a_child_notice(site):
    # The numbers come from who publishes this copy (extra.publisher.safeguarding), each with what it is.
    numbers = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["publisher"]["safeguarding"]
    pages = all_pages(site)
    assert len(pages) > 40
    for p in pages:
        html = p.read_text(encoding="utf-8")
        assert html.count('class="ecp-worried"') == 1, p
        lang = "cy" if 'lang="cy"' in html.split(">", 2)[1] else "en"
        notice = html.split('class="ecp-worried"', 1)[1].split("</aside>", 1)[0]
        assert strings.t("worried.title", lang) in notice.replace("&#39;", "'"), p
        for n in numbers:
            assert f'href="tel:{n["number"].replace(" ", "")}"' in notice and n["what"][lang] in html_text.unescape(notice), p
        assert "#urgent" in notice


# A page of every kind, and the 404 page.
WORRIED_PAGES = ["", "elements/change/", "practice/conference/", "plans/checker/", "steps/workbook/",
                 "case-studies/", page_path("teulu-pritchard", "walkthrough"), page_path("teulu-hughes", "review"),
                 "learn/glossary/", "about/privacy/", "404.html"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_worried_reader_reaches_what_to_do_in_one_tap_from_any_page(browser, base_url, lang):
    """On a phone, the first screen of every page holds a link to the notice; one tap on it brings the
    notice into view with its numbers ready to tap. The home page's families start links to it too."""
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                              service_workers="block", bypass_csp=True)
    try:
        page = ctx.new_page()
        for path in WORRIED_PAGES:
            page.goto(url(base_url, lang, path))
            link = page.locator('a[href$="#ecp-worried"]:visible').first
            assert link.count(), f"{lang}:/{path}: no link to the notice"
            box = link.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= 740, f"{lang}:/{path}: not in the first screen: {box}"
            assert box["height"] >= 24 and box["width"] >= 24
            link.tap()
            page.wait_for_timeout(300)
            shown = page.evaluate("""() => { const n = document.getElementById('ecp-worried');
                const r = n.getBoundingClientRect(); const tel = n.querySelector('a[href^="tel:"]').getBoundingClientRect();
                return r.top < innerHeight && r.bottom > 0 && tel.top >= 0 && tel.bottom <= innerHeight; }""")
            assert shown, f"{lang}:/{path}: the tap did not bring the notice and its numbers into view"
        page.goto(url(base_url, lang, ""))
        assert page.locator('#start-families a[href$="#ecp-worried"]').count() == 1
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_contact_page_gives_the_same_advice_as_the_notice(page, base_url, lang):
    page.goto(url(base_url, lang, "about/contact/"))
    read = r"""(root) => [...root.querySelectorAll('a[href^="tel:"]')].map((a) => [a.getAttribute('href'),
        a.closest('li') ? a.closest('li').textContent.replace(/\s+/g, ' ').trim() : ''])"""
    assert page.locator(".md-content .ecp-worried__numbers").count() == 1, "the contact page lists no numbers to ring"
    urgent = page.evaluate(f"() => ({read})(document.querySelector('.md-content .ecp-worried__numbers'))")
    assert page.evaluate("""() => { const h = document.getElementById('urgent'), list = document.querySelector('.md-content .ecp-worried__numbers');
        return !!(h.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING); }"""), "the numbers are not under #urgent"
    notice = page.evaluate(f"() => ({read})(document.getElementById('ecp-worried'))")
    assert urgent and urgent == notice
    assert [h for h, _ in urgent] == [_tel(n["number"]) for n in _safeguarding()]
    for (_, text), n in zip(urgent, _safeguarding()):
        assert text.endswith(n["what"][lang]), text


@pytest.mark.parametrize("width", [SMALL_PHONE, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_worried_notice_reads_calmly_and_links_to_help(page, base_url, axe, lang, width):
    from playwright.sync_api import expect
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base_url}{prefix(lang)}/elements/change/")
    notice = page.get_by_role("complementary", name=strings.t("worried.title", lang))
    expect(notice).to_be_visible()
    assert "999" in notice.inner_text()
    link = notice.get_by_role("link", name=strings.t("worried.more", lang))
    link.click()
    page.wait_for_url(re.compile(rf"{prefix(lang)}/about/contact/#urgent$"))
    no_axe(axe, page, f"contact page with notice at {width}px")
