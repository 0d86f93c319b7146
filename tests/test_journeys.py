"""Issue 17: every journey works for the person doing it, in both languages, on a phone (375 and
320 px), a laptop at 125% zoom (about 1024 px) and a laptop (1280 px), by keyboard where it
applies. Each test here failed before the fix it checks."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from helpers import LANGS, MAKEFILE, MKDOCS_YML, README, prefix
from macros import strings
from macros.loader import load_all

PHONE, SMALL_PHONE, ZOOMED, LAPTOP = 375, 320, 1024, 1280
CONFIG = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def case_url(base_url: str, sid: str, lang: str, frag: str = "") -> str:
    return f"{base_url}{prefix(lang)}/case-studies/{sid}/{frag}"


def in_view(page, selector: str) -> bool:
    """The element's top is on screen, below Material's fixed header."""
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
           const head = document.querySelector('.md-header').getBoundingClientRect().bottom;
           return r.top >= head - 1 && r.top < innerHeight - 40; }""", selector)


def no_axe(axe, page, state: str):
    v = axe(page)
    assert v == [], f"{state}: {json.dumps(v, indent=1, ensure_ascii=False)}"


def tab_until(page, js: str, limit: int = 150):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(js):
            return
    raise AssertionError(f"keyboard never reached: {js}")


# ---------------------------------------------------------------- grid exercise

@pytest.mark.parametrize("width", [PHONE, ZOOMED, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_check_answers_moves_focus_to_a_summary_at_the_top(page, base_url, axe, lang, width):
    sid = "teulu-hughes"
    s = load_all()[sid]
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(case_url(base_url, sid, lang, "#exercise"))
    page.locator('[data-component="grid-exercise"][data-ready]').wait_for()
    # Two right, one wrong, the rest left unanswered: an early check.
    first, second, third = s.statements[:3]
    page.locator(f"#st-{first.id}-{first.domain.value}").check()
    page.locator(f"#st-{second.id}-{second.domain.value}").check()
    wrong = next(d for d in ("grey-area", "working-well", "needs-to-change") if d not in third.accepted)
    page.locator(f"#st-{third.id}-{wrong}").check()
    page.locator('[data-component="grid-exercise"] [data-action="check"]').focus()
    page.keyboard.press("Enter")

    summary = page.locator("[data-summary]")
    assert page.evaluate("document.activeElement.matches('[data-summary]')"), "focus goes to the summary"
    assert in_view(page, "[data-summary]"), "the summary is on screen, not under the header or below"
    # It sits at the top of the exercise, before the statements.
    assert page.evaluate("document.querySelector('[data-summary]').compareDocumentPosition("
                         "document.querySelector('.ecp-grid__list')) & Node.DOCUMENT_POSITION_FOLLOWING")
    n = len(s.statements)
    assert summary.locator("[data-summary-score]").text_content() == strings.t("exercise.score", lang, score=2, total=n)
    links = summary.locator("a")
    assert links.count() == n - 2
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs == [f"#statement-{st.id}" for st in s.statements[2:]]
    assert strings.t("exercise.summary_unanswered", lang) in links.nth(1).text_content()
    assert strings.t("exercise.summary_unanswered", lang) not in links.nth(0).text_content()
    no_axe(axe, page, f"summary shown at {width}px")

    # A link goes to the statement and puts focus on its choices.
    links.nth(0).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == f"st-{third.id}"
    assert in_view(page, f"#statement-{third.id}")


@pytest.mark.parametrize("lang", LANGS)
def test_checking_early_does_not_give_the_answers_away(page, base_url, lang):
    sid = "teulu-ellis"
    s = load_all()[sid]
    page.goto(case_url(base_url, sid, lang))
    page.locator('[data-component="grid-exercise"] [data-action="check"]').click()
    for st in s.statements:
        fs = page.locator(f"#statement-{st.id}")
        assert fs.locator("[data-verdict]").text_content() == strings.t("exercise.unanswered", lang)
        assert not fs.locator(".ecp-grid__explanation").is_visible(), st.id
        assert fs.locator(".ecp-grid__arguable").count() == 0 or not fs.locator(".ecp-grid__arguable").is_visible()
    # An answered, wrong statement still explains itself.
    st = s.statements[0]
    wrong = next(d for d in ("grey-area", "working-well", "needs-to-change") if d not in st.accepted)
    page.locator(f"#st-{st.id}-{wrong}").check()
    page.locator('[data-component="grid-exercise"] [data-action="check"]').click()
    assert page.locator(f"#statement-{st.id} .ecp-grid__explanation").is_visible()


# ---------------------------------------------------------------- one state in two languages

def test_one_saved_state_per_case_study_in_either_language(page, base_url):
    sid = "teulu-hughes"
    s = load_all()[sid]
    st = s.statements[0]
    page.goto(case_url(base_url, sid, "en"))
    page.locator(f"#st-{st.id}-grey-area").check()
    page.locator('[data-notes="grey-area"]').fill("Ask the police")
    page.locator(f"#scale-{sid}-4").check(force=True)
    page.locator(f"#scale-{sid}-why").fill("Nain helps")
    page.goto(case_url(base_url, sid, "cy"))
    page.locator('[data-component="safety-scale"][data-ready]').wait_for()
    assert page.locator(f"#st-{st.id}-grey-area").is_checked()
    assert page.locator('[data-notes="grey-area"]').input_value() == "Ask the police"
    assert page.locator(f"#scale-{sid}-4").is_checked()
    assert page.locator(f"#scale-{sid}-why").input_value() == "Nain helps"
    # And back: a change made in Welsh shows in English.
    page.locator(f"#st-{st.id}-working-well").check()
    page.goto(case_url(base_url, sid, "en"))
    page.locator('[data-component="grid-exercise"][data-ready]').wait_for()
    assert page.locator(f"#st-{st.id}-working-well").is_checked()
    keys = page.evaluate("Object.keys(localStorage)")
    assert sorted(keys) == [f"ecp:exercise:{sid}", f"ecp:scale:{sid}"]


def test_work_saved_per_language_before_is_moved_not_lost(page, base_url):
    sid = "teulu-pritchard"
    s = load_all()[sid]
    a, b = s.statements[0], s.statements[1]
    page.goto(case_url(base_url, sid, "cy"))
    page.evaluate("""([sid, a, b]) => {
        localStorage.clear();
        localStorage.setItem(`ecp:exercise:${sid}:en`, JSON.stringify({answers: {[a]: 'grey-area'}, checked: false, notes: {worries: 'English note'}}));
        localStorage.setItem(`ecp:exercise:${sid}:cy`, JSON.stringify({answers: {[b]: 'working-well'}, checked: false, notes: {worries: 'Nodyn Cymraeg'}}));
        localStorage.setItem(`ecp:scale:${sid}:en`, JSON.stringify({rating: 6, stage: 1, fields: {why: 'Because'}}));
    }""", [sid, a.id, b.id])
    page.reload()
    page.locator('[data-component="safety-scale"][data-ready]').wait_for()
    assert page.locator(f"#st-{a.id}-grey-area").is_checked()
    assert page.locator(f"#st-{b.id}-working-well").is_checked()
    notes = page.locator('[data-notes="worries"]').input_value()
    assert "English note" in notes and "Nodyn Cymraeg" in notes
    assert page.locator(f"#scale-{sid}-6").is_checked()
    assert page.locator(f"#scale-{sid}-why").input_value() == "Because"
    assert sorted(page.evaluate("Object.keys(localStorage)")) == [f"ecp:exercise:{sid}", f"ecp:scale:{sid}"]


def test_self_study_progress_is_shared_across_languages(page, base_url):
    page.goto(f"{base_url}/learn/self-study/")
    box = page.locator("input[data-done]").first
    step = box.get_attribute("data-done")
    box.check()
    page.goto(f"{base_url}/cy/learn/self-study/")
    page.locator("[data-component='self-study'][data-ready]").first.wait_for()
    assert page.locator(f'input[data-done="{step}"]').is_checked()
    page.locator("#record-learned").fill("Dysgais")
    page.goto(f"{base_url}/learn/self-study/")
    page.locator("[data-component='self-study'][data-ready]").first.wait_for()
    assert page.locator("#record-learned").input_value() == "Dysgais"


# ---------------------------------------------------------------- safety scale

@pytest.mark.parametrize("width", [SMALL_PHONE, PHONE, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_safety_scale_keeps_0_to_10_on_one_line_and_hints_beside_it(page, base_url, axe, lang, width):
    sid = "teulu-pritchard"
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(case_url(base_url, sid, lang, "#safety-scale"))
    page.locator('[data-component="safety-scale"][data-ready]').wait_for()
    boxes = page.evaluate(f"""() => [...Array(11).keys()].map(n => {{
        const r = document.querySelector('label[for="scale-{sid}-' + n + '"]').getBoundingClientRect();
        return [r.left, r.top, r.width, r.height]; }})""")
    tops = {round(b[1]) for b in boxes}
    assert len(tops) == 1, f"0-10 wraps at {width}px: {boxes}"
    lefts = [b[0] for b in boxes]
    assert lefts == sorted(lefts), "0 on the left, 10 on the right"
    assert all(b[2] >= 24 and b[3] >= 24 for b in boxes), f"targets under 24px at {width}px: {boxes}"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "no sideways scrolling"

    # Asking for the parents' view first: the hint shows beside the radios, in view, with focus there.
    page.locator('[data-action="parents"]').focus()
    page.keyboard.press("Enter")
    error = page.locator("[data-error]")
    assert error.is_visible() and error.text_content() == strings.t("scale.need_rating", lang)
    assert page.evaluate("document.activeElement.name") == f"scale-{sid}"
    assert in_view(page, "[data-error]")
    assert f"scale-{sid}-error" in page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    no_axe(axe, page, f"scale hint at {width}px")
    page.keyboard.press("Space")
    assert not error.is_visible()


# ---------------------------------------------------------------- plan checker

@pytest.mark.parametrize("width", [PHONE, ZOOMED, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_plan_checker_moves_focus_to_a_results_summary(page, base_url, axe, lang, width):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(f"{base_url}{prefix(lang)}/plans/checker/")
    page.wait_for_selector('[data-component="plan-checker"][data-ready] [data-action="check"]:not([disabled])')
    page.locator("#ecp-checker-input").fill("Parents to engage with services.\nNo alcohol will be kept in the home.\nMum will keep the children safe.")
    page.locator('[data-action="check"]').focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('[data-summary]')")
    assert in_view(page, "[data-summary]")
    summary = page.locator("[data-summary]")
    assert strings.t("checker.results", lang) in summary.locator("h2").text_content()
    assert summary.locator("[data-counts]").text_content().startswith(strings.t("checker.summary", lang).split("{")[0])
    links = summary.locator("a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == ["#ecp-line-1", "#ecp-line-3"]
    no_axe(axe, page, f"checker results at {width}px")


@pytest.mark.parametrize("lang", LANGS)
def test_checker_page_has_no_notes_for_maintainers(site, lang):
    html = (site / prefix(lang).lstrip("/") / "plans/checker/index.html").read_text(encoding="utf-8")
    article = html.split('<article', 1)[1].split('</article>', 1)[0]
    text = re.sub(r"<[^>]+>", " ", re.sub(r"data-strings='[^']*'", "", article))
    assert "wording.json" not in text
    assert "wording.json" in README.read_text(encoding="utf-8")


# ---------------------------------------------------------------- workbook

WB_READY = '[data-component="steps-workbook"][data-ready]'


def import_rating(page, **change):
    wb = {"format": "ecp-steps-workbook", "version": 1, "name": "Imported", "lang": "en", "updated": "2026-07-01",
          "areas": [{"name": f"Area {i}", "not_good_enough": "", "good_enough": "", "contingency": "",
                     "ratings": [{"date": "2026-06-02", "meeting": "", "family": 5, "professionals": 2, "moved": ""},
                                 {"date": "2026-06-09", "meeting": "", "family": 5, "professionals": 2, "moved": ""}]}
                    for i in (1, 2, 3)]}
    wb["areas"][2]["ratings"][1].update(change)
    page.locator(".wb-import").set_input_files({"name": "x.json", "mimeType": "application/json", "buffer": json.dumps(wb).encode()})


@pytest.mark.parametrize("lang", LANGS)
def test_import_errors_are_said_in_words(page, base_url, lang):
    page.goto(f"{base_url}{prefix(lang)}/steps/workbook/")
    page.wait_for_selector(WB_READY)
    alert = page.locator(".wb-alert")
    import_rating(page, family=11)
    expected = (strings.t("workbook.err_where_rating", lang).format(n=3, m=2) + ": "
                + strings.t("workbook.err_family", lang))
    page.wait_for_function("() => document.querySelector('.wb-alert').textContent.length > 0")
    assert alert.text_content() == strings.t("workbook.err_not_imported", lang) + " " + expected
    if lang == "en":
        assert expected == "Area 3, rating 2: the family's rating must be a number from 1 to 10."
    import_rating(page, date="2026-02-30")
    page.wait_for_function("s => document.querySelector('.wb-alert').textContent.includes(s)",
                           arg=strings.t("workbook.err_date", lang))
    assert "areas." not in alert.text_content()


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_workbook_puts_the_work_before_the_file_actions(page, base_url, axe, lang, width):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(f"{base_url}{prefix(lang)}/steps/workbook/")
    page.wait_for_selector(WB_READY)
    first_field = page.locator(".wb-area [data-k=name]").first
    # From the start of the workbook to its first field: the privacy note, the workbook chooser and
    # name, then the area's heading. Before issue 17 the file buttons came first too (about 1,500px).
    gap = first_field.evaluate("e => e.getBoundingClientRect().top - document.querySelector('[data-component=steps-workbook]').getBoundingClientRect().top")
    assert gap < 1050, f"the first field of the work starts {gap}px into the workbook at {width}px"
    for act in ("export", "delete", "delete-all"):
        btn = page.locator(f'[data-component="steps-workbook"] [data-act="{act}"]')
        assert btn.evaluate("(b, f) => f.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING",
                            first_field.element_handle()), f"{act} comes after the work (DOM and Tab order)"
    # The import field's alert sits with the import field.
    assert page.locator(".wb-files .wb-alert").count() == 1
    no_axe(axe, page, f"workbook at {width}px")


# ---------------------------------------------------------------- copy link, headings, landmarks

@pytest.mark.parametrize("lang", LANGS)
def test_headings_are_named_by_their_text_alone(page, base_url, lang):
    from playwright.sync_api import expect
    page.goto(case_url(base_url, "teulu-hughes", lang))
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
    ctx = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = ctx.new_page()
    try:
        page.goto(case_url(base_url, "teulu-hughes", lang))
        button = page.locator("h2#exercise + .ecp-copy-link")
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, "visible without hover, a real target"
        assert button.evaluate("b => getComputedStyle(b).opacity") == "1"
        label = button.locator(".ecp-copy-link__label")
        narrow = label.bounding_box()["width"]
        button.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
        assert label.bounding_box()["width"] > 40 > narrow, "its words show on focus"
        assert label.is_visible() and label.text_content() == strings.t("site.copy_link", lang)
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


@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_says_when_it_failed_and_shows_the_link(page, base_url, axe, lang):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new Error('denied'))}})")
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(case_url(base_url, "teulu-hughes", lang))
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
    page.goto(case_url(base_url, "teulu-hughes", lang))
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
    page.goto(case_url(base_url, "teulu-hughes", lang))
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
    published = CONFIG["site_url"]
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


def test_every_page_carries_the_worried_about_a_child_notice(site):
    sg = yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8").split("\nextra:\n", 1)[1].split("\nnav:", 1)[0]
                        .replace("\n  ", "\n"))["safeguarding"] if False else None
    pages = all_pages(site)
    assert len(pages) > 40
    for p in pages:
        html = p.read_text(encoding="utf-8")
        assert html.count('class="ecp-worried"') == 1, p
        lang = "cy" if 'lang="cy"' in html.split(">", 2)[1] else "en"
        notice = html.split('class="ecp-worried"', 1)[1].split("</aside>", 1)[0]
        assert strings.t("worried.title", lang) in notice.replace("&#39;", "'"), p
        assert 'href="tel:999"' in notice and 'href="tel:01766771000"' in notice, p
        assert "#urgent" in notice


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
