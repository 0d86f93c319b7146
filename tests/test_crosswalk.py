"""The crosswalk of the models in real Chromium, in both languages, with the site's CSP enforced.

- Only the models the sources give terms for have a column: no column of empty cells.
- At 320, 768 and 1280px the page never scrolls sideways. The table either fits its region, and
  then no hint says it scrolls; or it scrolls inside a labelled region that takes keyboard focus,
  with the hint showing.
- Cells are at body size and no word is broken or clipped inside its cell.
- axe finds nothing at 320 and 1280px.

Rules, not texts: the column count and names come from the page itself.
"""
from __future__ import annotations

import pytest

from helpers import LANGS, no_axe, url
from macros import strings

PAGE = "learn/crosswalk/"
READY = '[data-module="crosswalk"][data-ready]'


@pytest.fixture(scope="module")
def tab(make_tab):
    with make_tab(console=True) as pg:  # the CSP is enforced
        yield pg


def _until(tab, js: str, timeout_ms: int = 3000):
    """Poll a JS expression until it is true (wait_for_function evaluates strings, which the CSP refuses)."""
    for _ in range(timeout_ms // 50):
        if tab.evaluate(js):
            return True
        tab.wait_for_timeout(50)
    return False


def _open(tab, base_url, lang, width):
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto(url(base_url, lang, PAGE))
    tab.wait_for_selector(READY)
    tab.wait_for_timeout(50)  # one resize observation


STATE = """() => {
  const region = document.querySelector('.ecp-crosswalk'), hint = document.querySelector('.ecp-crosswalk__hint');
  const table = region.querySelector('table');
  const models = [...table.querySelectorAll('thead th')].length - 1;
  const empty = [];
  for (let c = 1; c <= models; c++) {
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) => tr.children[c]);
    if (cells.every((td) => td.classList.contains('ecp-crosswalk__empty'))) empty.push(table.querySelector(`thead th:nth-child(${c + 1})`).textContent);
  }
  const body = parseFloat(getComputedStyle(document.querySelector('.md-content article > p')).fontSize);
  const cells = [...table.querySelectorAll('tbody th, tbody td')];
  return {
    page: document.documentElement.scrollWidth, view: innerWidth, models, empty,
    scrolls: region.scrollWidth > region.clientWidth + 1,
    focusable: region.tabIndex === 0 && region.getAttribute('tabindex') === '0',
    role: region.getAttribute('role'), label: region.getAttribute('aria-label'),
    hint: hint.checkVisibility(),
    small: cells.filter((c) => parseFloat(getComputedStyle(c).fontSize) < body).length,
    clipped: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.slice(0, 40)),
    broken: cells.filter((c) => { const s = getComputedStyle(c); return s.wordBreak !== 'normal' || s.overflowWrap !== 'normal' || s.hyphens === 'auto'; }).length,
  };
}"""


@pytest.mark.parametrize("width", [320, 768, 1280])
@pytest.mark.parametrize("lang", LANGS)
def test_crosswalk_fits_or_says_it_scrolls(tab, base_url, lang, width):
    _open(tab, base_url, lang, width)
    s = tab.evaluate(STATE)
    where = f"{lang} at {width}px"
    assert s["page"] <= s["view"], f"{where}: the page scrolls sideways ({s['page']}px)"
    assert s["models"] >= 2 and s["empty"] == [], f"{where}: a model column with nothing in it: {s['empty']}"
    assert s["role"] == "region" and s["label"] == strings.t("crosswalk.region", lang), where
    if s["scrolls"]:
        assert s["focusable"] and s["hint"], f"{where}: the table scrolls, unseen or out of the keyboard's reach"
    else:
        assert not s["hint"], f"{where}: the table fits, yet the hint says it scrolls"
    assert s["small"] == 0, f"{where}: {s['small']} cells smaller than body text"
    assert s["clipped"] == [] and s["broken"] == 0, f"{where}: words clipped or broken: {s['clipped']}"
    assert tab.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_crosswalk_that_cannot_fit_scrolls_in_a_focusable_region_with_its_hint(tab, base_url, lang):
    """If the table is ever wider than its region (a longer model name, a narrower frame), the region
    takes focus, arrow keys scroll it and the hint shows; when it fits again, both go."""
    _open(tab, base_url, lang, 1280)
    table = tab.locator(".ecp-crosswalk table")
    table.evaluate("t => { t.style.minWidth = '2000px'; }")
    _until(tab, "() => document.querySelector('.ecp-crosswalk').tabIndex === 0")
    s = tab.evaluate(STATE)
    assert s["scrolls"] and s["focusable"] and s["hint"], s
    assert s["page"] <= s["view"], "the region scrolls, not the page"
    region = tab.locator(".ecp-crosswalk")
    region.focus()
    tab.keyboard.press("ArrowRight")
    tab.keyboard.press("ArrowRight")
    assert _until(tab, "() => document.querySelector('.ecp-crosswalk').scrollLeft > 0"), "arrow keys scroll the region"
    table.evaluate("t => { t.style.minWidth = ''; }")
    _until(tab, "() => document.querySelector('.ecp-crosswalk__hint').hidden")
    s = tab.evaluate(STATE)
    assert not s["scrolls"] and not s["hint"] and not s["focusable"], s


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("lang", LANGS)
def test_crosswalk_axe_clean(tab, base_url, axe, lang, width):
    _open(tab, base_url, lang, width)
    no_axe(axe, tab, f"crosswalk {lang} at {width}px")
