"""The plan checker page, in real Chromium. Its module's Node tests (tests/node/) run once, from
`make test` (`node --test tests/node/*.test.mjs`)."""
from __future__ import annotations

import gzip
import re

import pytest

from helpers import LANGS, LAPTOP, PHONE, README, ZOOMED, component_assets, in_view, no_axe, prefix, read_built
from macros import strings

COMPONENT = component_assets("plan-checker")
PAGES = {"en": "/plans/checker/", "cy": "/cy/plans/checker/"}
KEY = "ecp:plan-checker:text"


def test_budget_under_15_kib_gzip():
    code = sum(len(gzip.compress(p.read_bytes(), 9)) for p in COMPONENT.glob("*") if p.suffix in (".js", ".css"))
    data = len(gzip.compress((COMPONENT / "wording.json").read_bytes(), 9))
    print(f"plan-checker JS+CSS {code} B gzip; wording.json {data} B gzip")
    assert code < 15 * 1024
    assert code + data < 25 * 1024


# axe runs on the page content: the site's navigation belongs to the foundation and is tested there.


def open_checker(page, base_url, lang):
    page.goto(base_url + PAGES[lang])
    page.wait_for_selector('[data-module="plan-checker"][data-ready] [data-action="check"]:not([disabled])')
    reach_checker(page)
    return page.locator('[data-module="plan-checker"]')


def reach_checker(page):
    """The checker loads its word lists when the reader first reaches it: focus it, as they would."""
    assert page.locator('[data-module="plan-checker"]:not([data-engine])').count() == 1, "loaded before use"
    page.locator("#ecp-checker-input").focus()
    page.wait_for_selector('[data-module="plan-checker"][data-engine="ready"]')


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_keyboard_use_findings_announced_axe_clean(page, base_url, axe, lang):
    root = open_checker(page, base_url, lang)
    assert axe(page, ".md-content") == [], "axe, empty state"
    assert page.locator("[data-results]").is_hidden()

    # Keyboard only: type in the textarea, Tab to the button, Enter.
    page.locator("#ecp-checker-input").focus()
    page.keyboard.type("Parents to engage with services.")
    page.keyboard.press("Enter")
    page.keyboard.type("Ni fydd alcohol yn cael ei gadw yn y cartref." if lang == "cy" else "No alcohol will be kept in the home.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "check"
    page.keyboard.press("Enter")

    status = root.locator("[data-status]")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    # Issue 17: focus moves to the results summary (its counts are read there, not announced).
    expected = "Llinellau wedi'u gwirio: 2" if lang == "cy" else "Lines checked: 2"
    assert page.evaluate("document.activeElement.matches('[data-summary]')")
    assert expected in root.locator("[data-counts]").text_content()
    lines = root.locator(".ecp-line")
    assert lines.count() == 2
    assert "ecp-line--vague" in lines.nth(0).get_attribute("class")
    assert "ecp-line--ok" in lines.nth(1).get_attribute("class")
    # The verdict is a word and a symbol, not a colour.
    verdict = lines.nth(0).locator(".ecp-line__verdict").inner_text()
    assert ("Angen ei hailysgrifennu" if lang == "cy" else "Needs rewriting") in verdict
    # The standing rule gets no findings; the vague line gets its question and guidance link.
    assert lines.nth(1).locator(".ecp-finding").count() == 0
    hrefs = lines.nth(0).locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert any(h.endswith("practice/plans/#phrases-to-avoid") for h in hrefs), hrefs
    assert lines.nth(0).locator("mark").first.inner_text().lower() == "engage"
    assert root.locator("[data-plan] .ecp-finding").count() >= 1  # no contingency
    assert axe(page, ".md-content") == [], "axe, with findings"

    # Ctrl+Enter from the textarea checks again.
    page.locator("#ecp-checker-input").focus()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("Mum will keep the children safe.")
    page.keyboard.press("Control+Enter")
    page.wait_for_function("() => document.querySelectorAll('.ecp-line').length === 3")

    assert page.requests.external() == []
    assert page.errors == []
    assert page.evaluate("Object.keys(localStorage).filter(k => !k.startsWith('__'))") == []


def test_each_line_language_detected_on_the_page(page, base_url):
    root = open_checker(page, base_url, "en")
    page.fill("#ecp-checker-input", "Bydd Siân yn parhau i weithio gyda gwasanaethau.\nParents to engage.")
    root.locator('[data-action="check"]').click()
    first = root.locator(".ecp-line").nth(0)
    assert first.locator(".ecp-line__text").get_attribute("lang") == "cy"
    assert "written in Welsh" in first.inner_text()
    assert root.locator(".ecp-line").nth(1).locator(".ecp-line__text").get_attribute("lang") == "en"


def test_example_clear_and_typed_html_is_text(page, base_url, axe):
    root = open_checker(page, base_url, "cy")
    root.locator('[data-action="example"]').click()
    assert root.locator(".ecp-line").count() == 4
    page.fill("#ecp-checker-input", '<img src=x onerror="window.__x=1"> Parents to engage')
    root.locator('[data-action="check"]').click()
    assert page.evaluate("window.__x") is None
    assert "<img" in root.locator(".ecp-line__text").inner_text()
    root.locator('[data-action="clear"]').click()
    assert page.input_value("#ecp-checker-input") == ""
    assert page.locator("[data-results]").is_hidden()
    assert page.evaluate("document.activeElement.id") == "ecp-checker-input"


def test_nothing_stored_unless_asked(page, base_url):
    root = open_checker(page, base_url, "en")
    page.fill("#ecp-checker-input", "Dad to stop drinking")
    root.locator('[data-action="check"]').click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.check("#ecp-checker-keep")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "Dad to stop drinking"
    page.reload()
    page.wait_for_selector(".ecp-line")
    assert page.input_value("#ecp-checker-input") == "Dad to stop drinking"
    assert page.is_checked("#ecp-checker-keep")
    page.uncheck("#ecp-checker-keep")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert page.requests.external() == []


def test_page_without_javascript_explains_itself(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(base_url + PAGES["cy"])
        assert pg.locator('[data-action="check"]').is_disabled()
        html = pg.content()
        assert "Mae angen JavaScript ar y gwiriwr cynlluniau" in html
        # No <form>: nothing typed can ever be submitted to a server.
        assert pg.locator('[data-module="plan-checker"] form').count() == 0
    finally:
        ctx.close()


# ---------------------------------------------------------------- plan checker

@pytest.mark.parametrize("width", [PHONE, ZOOMED, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_plan_checker_moves_focus_to_a_results_summary(page, base_url, axe, lang, width):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(f"{base_url}{prefix(lang)}/plans/checker/")
    page.wait_for_selector('[data-module="plan-checker"][data-ready] [data-action="check"]:not([disabled])')
    reach_checker(page)
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
    html = read_built(site, lang, "plans/checker/")
    article = html.split('<article', 1)[1].split('</article>', 1)[0]
    text = re.sub(r"<[^>]+>", " ", re.sub(r"data-strings='[^']*'", "", article))
    assert "wording.json" not in text
    assert "wording.json" in README.read_text(encoding="utf-8")
