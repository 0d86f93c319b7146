"""Worked plan rewrites: each scenario's rewrites page and the gallery, in both languages."""
from __future__ import annotations

import gzip

import pytest

from helpers import component_assets
from macros.loader import load_all

COMPONENT = component_assets("plan-rewrite")
SCENARIOS = load_all()
MARK_WORDS = {
    "en": {"who": "Who", "what": "What exactly", "when": "When or how often", "check": "How the core group will know",
           "contingency": "Contingency", "child": "The child's safe role"},
    "cy": {"who": "Pwy", "what": "Beth yn union", "when": "Pryd neu ba mor aml", "check": "Sut bydd y grŵp craidd yn gwybod",
           "contingency": "Cynllun wrth gefn", "child": "Rôl ddiogel y plentyn"},
}
GALLERY = {"en": "/plans/rewrites/", "cy": "/cy/plans/rewrites/"}


def prefix(lang: str) -> str:
    return "/cy" if lang == "cy" else ""


def all_rewrites():
    return [(sid, r) for sid, s in SCENARIOS.items() for r in s.rewrites]


def test_budget_under_15_kib_gzip():
    size = sum(len(gzip.compress(p.read_bytes(), 9)) for p in COMPONENT.glob("*") if p.suffix in (".js", ".css"))
    print(f"plan-rewrite JS+CSS {size} B gzip")
    assert size < 15 * 1024


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_scenario_rewrites_page(page, base_url, axe, sid, lang):
    page.goto(f"{base_url}{prefix(lang)}/case-studies/{sid}/rewrites/")
    s = SCENARIOS[sid]
    for r in s.rewrites:
        article = page.locator(f'article[aria-labelledby="rewrite-{r.id}"]')
        assert article.count() == 1, r.id
        heading = page.locator(f"#rewrite-{r.id}")
        assert r.vague[lang].split()[0] in heading.inner_text()
        rules = article.locator(".ecp-rule")
        assert rules.count() == len(r.rules)
        for i, rule in enumerate(r.rules):
            marks = rules.nth(i).locator(".ecp-mark")
            # Markers are words on the page, readable and announced, never colour alone.
            assert marks.all_inner_texts() == [MARK_WORDS[lang][m.value] for m in rule.marks]
            assert rules.nth(i).locator(".ecp-marks__label").is_visible()
        both = article.locator(".ecp-rewrite__both")
        assert both.count() == (1 if r.both_parents else 0)
        if r.both_parents:
            assert r.both_parents[lang][:20] in both.inner_text()
    assert axe(page, ".md-content") == []
    assert page.requests.external() == []
    assert page.errors == []


def test_each_rewrite_prints_as_its_own_page(page, base_url):
    sid = max(SCENARIOS, key=lambda k: len(SCENARIOS[k].rewrites))
    page.goto(f"{base_url}/case-studies/{sid}/rewrites/")
    page.emulate_media(media="print")
    styles = page.locator("article.ecp-rewrite").evaluate_all(
        "els => els.map(e => [getComputedStyle(e).breakBefore, getComputedStyle(e).breakInside])")
    assert styles[0][1] == "avoid"
    assert all(b == "page" and i == "avoid" for b, i in styles[1:]), styles
    assert page.locator(".ecp-rewrite__print").first.is_hidden()  # the button is not printed


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_gallery_lists_every_rewrite_with_stable_links(page, base_url, site, axe, lang):
    page.goto(base_url + GALLERY[lang])
    items = page.locator(".ecp-gallery__item")
    assert items.count() == len(all_rewrites())
    for sid, r in all_rewrites():
        anchor = page.locator(f"#{sid}--{r.id}")
        assert anchor.count() == 1, f"{sid}--{r.id}"
        item = page.locator(".ecp-gallery__item", has=anchor)
        assert item.get_attribute("data-theme") == r.theme.value
        href = item.locator(".ecp-rewrite__case a").get_attribute("href")
        assert href.endswith(f"case-studies/{sid}/rewrites/#rewrite-{r.id}"), href
        built = site / ("cy" if lang == "cy" else "") / "case-studies" / sid / "rewrites" / "index.html"
        assert f'id="rewrite-{r.id}"' in built.read_text(encoding="utf-8")
    assert axe(page, ".md-content") == []
    assert page.requests.external() == []


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_gallery_filter_by_theme_with_the_keyboard(page, base_url, axe, lang):
    page.goto(base_url + GALLERY[lang])
    fieldset = page.locator("[data-filter]")
    fieldset.wait_for(state="visible")
    themes = fieldset.locator('input[type="radio"]').evaluate_all("els => els.map(e => e.value)")
    assert themes[0] == "" and len(themes) >= 2
    total = len(all_rewrites())
    page.locator('input[name="ecp-theme"][value=""]').focus()
    page.keyboard.press("ArrowRight")  # native radio group: arrows move and select
    chosen = themes[1]
    assert page.evaluate("document.activeElement.value") == chosen
    expected = sum(1 for _, r in all_rewrites() if r.theme.value == chosen)
    visible = page.locator(".ecp-gallery__item:not([hidden])")
    assert visible.count() == expected
    assert all(t == chosen for t in visible.evaluate_all("els => els.map(e => e.dataset.theme)"))
    status = page.locator(".ecp-gallery__status")
    assert status.get_attribute("role") == "status"
    word = "Yn dangos" if lang == "cy" else "Showing"
    # The count is worded once welsh.js has loaded (on the first filter): wait for it.
    page.wait_for_function("(t) => document.querySelector('.ecp-gallery__status').textContent.includes(t)",
                           arg=f"{word} {expected} ", timeout=5000)
    assert str(total) in status.inner_text()
    assert f"theme={chosen}" in page.url
    assert axe(page, ".md-content") == []
    # A filtered link opens filtered; "all" shows everything again.
    page.goto(page.url)
    page.locator(".ecp-gallery__item[hidden]").first.wait_for(state="attached")
    assert page.locator(".ecp-gallery__item:not([hidden])").count() == expected
    page.locator('input[name="ecp-theme"][value=""]').check()
    assert page.locator(".ecp-gallery__item:not([hidden])").count() == total
    assert page.requests.external() == []
    assert page.errors == []


def test_gallery_without_javascript_shows_everything(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(base_url + GALLERY["cy"] + "?theme=alcohol")
        assert pg.locator(".ecp-gallery__item:visible").count() == len(all_rewrites())
        assert pg.locator("[data-filter]").is_hidden()
    finally:
        ctx.close()


def test_print_this_rewrite_prints_only_that_one(page, base_url):
    page.goto(base_url + GALLERY["en"])
    page.evaluate("window.print = () => {}")
    buttons = page.locator(".ecp-rewrite__print")
    buttons.first.wait_for(state="visible")
    buttons.nth(1).click()
    page.emulate_media(media="print")
    shown = page.locator("article.ecp-rewrite").evaluate_all(
        "els => els.filter(e => e.getClientRects().length > 0).map(e => e.getAttribute('aria-labelledby'))")
    assert len(shown) == 1
    assert page.locator(".md-content__inner h1").is_hidden()
    assert page.evaluate("getComputedStyle(document.querySelector('.ecp-print-target')).breakBefore") == "auto"
