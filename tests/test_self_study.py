"""The self-study path in real Chromium: progress and the learning record survive a reload, in
both languages; keyboard use; print view; axe in each state; nothing leaves the machine."""
from __future__ import annotations

import json

import pytest

from helpers import broken_words
from macros.components.self_study import route

STEPS = route()

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "cy": ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
           "Hydref", "Tachwedd", "Rhagfyr"],
}
LANGS = {
    "en": {"prefix": "", "progress": "3 of 15 steps done.", "mark": "Mark as done", "print": "Print the learning record"},
    "cy": {"prefix": "/cy", "progress": "3 o 15 cam wedi'u cwblhau.", "mark": "Wedi'i gwblhau",
           "print": "Argraffu'r cofnod dysgu"},
}


def open_page(page, base_url, lang):
    page.goto(f"{base_url}{LANGS[lang]['prefix']}/learn/self-study/")
    page.wait_for_selector("[data-module='self-study'][data-ready]")


def test_steps_have_stable_unique_ids():
    ids = [s.id for s in STEPS]
    assert len(ids) == len(set(ids)) == 15
    assert ids[0] == "home" and ids[-1] == "mentoring"
    assert all(s.minutes > 0 for s in STEPS)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_route_is_readable_without_javascript(browser, base_url, lang):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(f"{base_url}{LANGS[lang]['prefix']}/learn/self-study/")
    steps = pg.locator(".ecp-self-study__steps > li")
    assert steps.count() == len(STEPS)
    for step in STEPS:
        link = pg.locator(f"#step-{step.id} a")
        href = link.get_attribute("href")
        assert href, step.id
        # Welsh steps lead to Welsh pages.
        url = pg.evaluate("h => new URL(h, location.href).pathname", href)
        assert url.startswith("/cy/") == (lang == "cy"), url
    assert pg.locator("input[type=checkbox][data-done]").count() == len(STEPS)
    ctx.close()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_progress_and_record_survive_a_reload(page, base_url, axe, lang):
    words = LANGS[lang]
    open_page(page, base_url, lang)
    assert axe(page, ".md-content") == [], "axe, empty state"

    for sid in ("home", "conversations", "workbook"):
        page.locator(f"label[for='done-{sid}']").click()
    page.fill("#record-name", "A. N. Other")
    page.locator("#record-learned").press_sequentially("Name three areas of change, not ten.")
    page.locator("#record-supervision").press_sequentially("How do I keep the second core group on change?")
    assert page.locator("[data-module=self-study] [data-progress]").inner_text() == words["progress"]

    page.reload()
    page.wait_for_selector("[data-module='self-study'][data-ready]")
    for sid in ("home", "conversations", "workbook"):
        assert page.locator(f"#done-{sid}").is_checked(), sid
    assert not page.locator("#done-thresholds").is_checked()
    assert page.locator("[data-module=self-study] [data-progress]").inner_text() == words["progress"]
    assert page.locator("#record-name").input_value() == "A. N. Other"
    assert page.locator("#record-learned").input_value() == "Name three areas of change, not ten."
    assert page.locator("#record-supervision").input_value() == "How do I keep the second core group on change?"
    done = page.locator("[data-done-list] li")
    assert done.count() == 3
    assert page.locator(".ecp-step--done").count() == 3
    # Dates are written in the page's language, e.g. "22 Tachwedd 2026".
    months = MONTHS[lang]
    # The heading sits in a copy-link wrapper (issue 17): find its step, not its parent.
    date_text = page.locator("#step-home").locator("xpath=ancestor::li[1]").locator("[data-date]").inner_text()
    assert any(m in date_text for m in months), date_text

    keys = page.evaluate("Object.keys(localStorage)")
    assert set(keys) == {"ecp:self-study:progress", "ecp:self-study:record"}
    progress = json.loads(page.evaluate("localStorage.getItem('ecp:self-study:progress')"))
    assert set(progress) == {"home", "conversations", "workbook"}
    assert axe(page, ".md-content") == [], "axe, with progress and a record"

    # Unticking removes the step again.
    page.locator("label[for='done-home']").click()
    page.reload()
    page.wait_for_selector("[data-module='self-study'][data-ready]")
    assert not page.locator("#done-home").is_checked()
    assert page.locator("[data-done-list] li").count() == 2

    assert page.errors == []
    assert page.requests.external() == []


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_keyboard_marks_a_step_done(page, base_url, lang):
    open_page(page, base_url, lang)
    page.locator("#step-change a").focus()
    # From the step's link: its copy-link button, then the checkbox.
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "done-change":
            break
    assert page.evaluate("document.activeElement.id") == "done-change"
    page.keyboard.press("Space")
    assert page.locator("#done-change").is_checked()
    assert LANGS[lang]["mark"] in page.locator("label[for='done-change']").inner_text()
    status = page.locator("[data-module=self-study] [data-progress]")
    assert status.get_attribute("role") == "status"
    assert status.inner_text().startswith("1 ")


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_learning_record_prints(page, base_url, lang):
    open_page(page, base_url, lang)
    page.locator("label[for='done-measure']").click()
    page.locator("#record-practice").press_sequentially("Ask the family to choose the words for step 10.")
    button = page.get_by_role("button", name=LANGS[lang]["print"])
    assert button.is_visible()
    page.emulate_media(media="print")
    assert not page.locator("#record-practice").is_visible()
    mirror = page.locator("[data-print-of='practice']")
    assert mirror.is_visible()
    assert mirror.inner_text() == "Ask the family to choose the words for step 10."
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("[data-done-list]").is_visible()


# Moved from test_journeys.py (issue 17).

def test_self_study_progress_is_shared_across_languages(page, base_url):
    page.goto(f"{base_url}/learn/self-study/")
    box = page.locator("input[data-done]").first
    step = box.get_attribute("data-done")
    box.check()
    page.goto(f"{base_url}/cy/learn/self-study/")
    page.locator("[data-module='self-study'][data-ready]").first.wait_for()
    assert page.locator(f'input[data-done="{step}"]').is_checked()
    page.locator("#record-learned").fill("Dysgais")
    page.goto(f"{base_url}/learn/self-study/")
    page.locator("[data-module='self-study'][data-ready]").first.wait_for()
    assert page.locator("#record-learned").input_value() == "Dysgais"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_step_titles_wrap_only_between_words_on_a_phone(make_tab, base_url, lang):
    """At 320px every step's title has the step's width: it wraps between words, never inside one."""
    with make_tab(viewport={"width": 320, "height": 800}) as tab:
        open_page(tab, base_url, lang)
        tab.wait_for_timeout(100)  # site.js has added the copy links
        titles = tab.locator(".ecp-self-study__steps h3")
        assert titles.count() == len(STEPS)
        broken = broken_words(tab, "[data-module=self-study]")
        assert broken == [], "words broken mid-word at 320px:\n  " + "\n  ".join(broken)
        narrow = tab.evaluate("""() => [...document.querySelectorAll('.ecp-self-study__steps h3')]
            .filter((h) => h.scrollWidth > h.clientWidth + 0.5).map((h) => h.textContent.trim())""")
        assert narrow == [], f"titles wider than their box: {narrow}"

