"""Printing for supervision: a page of every kind printed to PDF in real Chromium and read back.

Every printed page carries a running header and footer: the page's title; the family and "fictional
example" on a case study's pages; "page x of y"; the date printed. The walk-through prints every
statement and the finished flip charts; no page prints a button. Blocks that must stay whole (a
chart with its legend, a judgement with both its options, a heading with what follows it) land on
one page: the test drops two tiny marker texts at the top and the bottom of each such block
(absolutely placed, so nothing moves) and finds on which PDF page each one is.
"""
from __future__ import annotations

import datetime
import io
import json
import re
import unicodedata

import pytest
from pypdf import PdfReader

from helpers import LANGS, url
from macros import strings
from macros.case_pages import KINDS, page_path
from macros.loader import load_all

SCENARIOS = sorted(load_all())
SID = SCENARIOS[0]
# A page of every kind that is not one of a case study's own.
OTHER_KINDS = ["", "elements/change/", "practice/conference/", "plans/checker/", "plans/rewrites/",
               "steps/workbook/", "case-studies/", "learn/self-study/", "learn/handouts/change/",
               "learn/crosswalk/", "learn/glossary/", "about/privacy/"]


@pytest.fixture(scope="module")
def tab(make_tab):
    with make_tab(bypass_csp=True) as pg:  # the markers are placed with inline styles
        yield pg


def _norm(text: str) -> str:
    """Spaces collapsed, and the PDF's ligatures ("ﬀ") read as their letters."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _pdf_pages(page) -> list[str]:
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return [_norm(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def _printed_today(lang: str) -> str:
    d = datetime.date.today()
    months = strings.t("site.months", lang).split()
    return strings.t("site.print_date", lang, date=f"{d.day} {months[d.month - 1]} {d.year}")


def _open(tab, base_url, lang, path):
    tab.goto(url(base_url, lang, path), wait_until="load")
    tab.wait_for_timeout(200)


MARK_BLOCKS = """(selector) => { let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length) continue;
    n++;
    if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
    for (const [edge, k] of [['top', 'A'], ['bottom', 'Z']]) {
      const s = document.createElement('span');
      s.textContent = `QX${k}${n}QX`;
      s.style.cssText = `position:absolute;left:0;${edge}:0;font-size:2px;line-height:2px;color:#fff;`;
      el.append(s);
    }
  }
  return n; }"""

# A heading and the first line of what follows it.
MARK_HEADINGS = """(selector) => { let n = 0;
  for (const h of document.querySelectorAll(selector)) {
    const box = h.closest('.ecp-h') || h;
    const next = box.nextElementSibling;
    if (!h.getClientRects().length || !next || !next.getClientRects().length) continue;
    n++;
    for (const [el, k] of [[h, 'A'], [next, 'Z']]) {
      if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
      const s = document.createElement('span');
      s.textContent = `QX${k}${n}QX`;
      s.style.cssText = 'position:absolute;left:0;top:0;font-size:2px;line-height:2px;color:#fff;';
      el.append(s);
    }
  }
  return n; }"""


def _mark(tab, script: str, selector: str) -> int:
    """Place the markers on what shows on paper (print media), then print."""
    tab.emulate_media(media="print")
    try:
        return tab.evaluate(script, selector)
    finally:
        tab.emulate_media(media="null")


def _split(texts: list[str], n: int) -> list[tuple[int, int | None, int | None]]:
    """The marked blocks whose top and bottom markers are not on the same printed page."""
    where: dict[str, int] = {}
    for i, t in enumerate(texts, 1):
        for m in re.findall(r"QX([AZ]\d+)QX", t.replace(" ", "")):
            where.setdefault(m, i)
    return [(k, where.get(f"A{k}"), where.get(f"Z{k}")) for k in range(1, n + 1)
            if where.get(f"A{k}") is None or where.get(f"A{k}") != where.get(f"Z{k}")]


def _buttons_on_paper(tab) -> list[str]:
    tab.emulate_media(media="print")
    try:
        return tab.evaluate("""() => [...document.querySelectorAll('.md-content button')]
            .filter((b) => b.getClientRects().length).map((b) => b.textContent.trim() || b.outerHTML.slice(0, 60))""")
    finally:
        tab.emulate_media(media="null")  # back to no emulation: page.pdf() then prints with print media


def _check_frame(texts: list[str], lang: str, title: str, family: str) -> None:
    """The running header and footer on every printed page."""
    total = len(texts)
    date = _printed_today(lang)
    for i, text in enumerate(texts, 1):
        page_no = strings.t("site.print_pages", lang, page=i, pages=total)
        for want in (title, family, date, page_no):
            assert _norm(want) in text, f"page {i} of {total}: no {want!r} in its running header or footer: {text[:300]!r}"


def _title(tab) -> str:
    return _norm(tab.evaluate("document.querySelector('.md-content h1').textContent"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_a_case_study_page_prints_with_its_running_header(tab, base_url, lang, kind):
    _open(tab, base_url, lang, page_path(SID, kind))
    assert _buttons_on_paper(tab) == []
    title = _title(tab)
    n = _mark(tab, MARK_HEADINGS, ".md-content :is(h2, h3)")
    texts = _pdf_pages(tab)
    family = f"{load_all()[SID].title[lang]} · {strings.t('site.print_fictional', lang)}"
    _check_frame(texts, lang, title, family)
    assert _split(texts, n) == [], "a heading is the last thing on a printed page"


# Each kind once, the languages taking turns (a case study's pages above print in both).
@pytest.mark.parametrize("lang,path", [(LANGS[i % 2], p) for i, p in enumerate(OTHER_KINDS)])
def test_every_other_page_kind_prints_with_its_running_header(tab, base_url, lang, path):
    _open(tab, base_url, lang, path)
    assert _buttons_on_paper(tab) == []
    title = _title(tab)
    # The site's name; on the workbook, the workbook's own name.
    site = tab.evaluate("document.querySelector('[data-print-family]')?.dataset.printFamily") \
        or json.loads(tab.evaluate("document.getElementById('ecp-print').textContent"))["site"]
    n = _mark(tab, MARK_HEADINGS, ".md-content :is(h2, h3)")
    texts = _pdf_pages(tab)
    _check_frame(texts, lang, title, site)
    assert _split(texts, n) == [], "a heading is the last thing on a printed page"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_the_walkthrough_prints_every_statement_and_the_finished_charts(tab, base_url, lang, sid):
    """Stepped on screen (a step in the middle, remembered), but whole on paper."""
    _open(tab, base_url, lang, page_path(sid, "walkthrough"))
    tab.locator('[data-go="next"]').click()
    tab.locator('[data-go="next"]').click()
    statements = tab.evaluate("""() => [...document.querySelectorAll('[data-module="conference-walkthrough"] li[data-step] [data-text]')]
        .map((p) => p.textContent.replace(/\\s+/g, ' ').trim())""")
    assert len(statements) > 3
    assert _buttons_on_paper(tab) == []
    text = " ".join(_pdf_pages(tab))
    for n in range(1, len(statements) + 1):
        count = strings.t("walk.count", lang, n=n, total=len(statements))
        assert _norm(count) in text, f"{count!r} is not printed"
    flat = text.replace(" ", "")
    for s in statements:
        # each statement twice: in the list of steps and on the flip charts
        assert flat.count(s.replace(" ", "")) >= 2, f"statement not printed in full twice: {s!r}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_the_review_conference_keeps_charts_and_judgements_whole(tab, base_url, lang, sid):
    _open(tab, base_url, lang, page_path(sid, "review"))
    tab.locator(".ecp-review__judge input[type=radio]").first.check()
    assert _buttons_on_paper(tab) == []
    n = _mark(tab, MARK_BLOCKS, ".ecp-review__chart, .ecp-review__judge fieldset")
    assert n == 2 * len(load_all()[sid].areas_of_change)
    texts = _pdf_pages(tab)
    assert _split(texts, n) == [], "a chart and its legend, or a judgement, are split across printed pages"


@pytest.mark.parametrize("lang", LANGS)
def test_a_filled_workbook_prints_whole_with_its_name_in_the_header(tab, base_url, lang):
    """Three areas from a case study's example, as a social worker would have them."""
    _open(tab, base_url, lang, page_path(SID, "steps"))
    tab.locator("[data-act=start-example]").click()
    tab.wait_for_url(re.compile(r"/steps/workbook/$"))
    tab.wait_for_selector('[data-module="steps-workbook"][data-ready]')
    tab.locator(".wb-area svg[role=img]").first.wait_for(timeout=5000)  # chart.js loads with the first rating
    tab.wait_for_timeout(200)
    name = tab.locator(".wb-name").input_value()
    assert _buttons_on_paper(tab) == []
    # Where the page breaks fall depends on the work typed in; every heading asks to stay with
    # what follows, wherever it lands.
    loose = _mark(tab, """(sel) => [...document.querySelectorAll(sel)].filter((h) => h.getClientRects().length)
        .filter((h) => getComputedStyle(h.closest('.ecp-h') || h).breakAfter !== 'avoid').map((h) => h.textContent.trim())""",
                  ".md-content :is(h2, h3)")
    assert loose == [], f"headings that may end a printed page: {loose}"
    n = _mark(tab, MARK_HEADINGS, ".md-content :is(h2, h3)")
    texts = _pdf_pages(tab)
    _check_frame(texts, lang, _title(tab), name)
    assert _split(texts, n) == [], "a heading is the last thing on a printed page"
    tab.evaluate("() => localStorage.clear()")


# Every text in a table, as it prints: at least 12pt (16px), as the reader's body text is.
SMALL_TABLE_TEXT = """() => {
  const out = [];
  for (const table of document.querySelectorAll('.md-content table')) {
    const walk = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode());) {
      const el = n.parentElement, s = n.textContent.trim();
      if (!s || !el.checkVisibility() || el.closest('.ecp-vh, .md-visually-hidden')) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 16 - 0.05) out.push(`${(px * 0.75).toFixed(1)}pt "${s.slice(0, 30)}"`);
    }
  }
  return [...new Set(out)];
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_printed_tables_are_at_least_12pt(tab, base_url, site, lang):
    paths = OTHER_KINDS + [page_path(sid, k) for sid in SCENARIOS for k in KINDS]
    checked, small = 0, {}
    for path in paths:
        built = site / ("cy" if lang == "cy" else "") / path / "index.html"
        if "<table" not in built.read_text(encoding="utf-8"):
            continue
        _open(tab, base_url, lang, path)
        tab.emulate_media(media="print")
        try:
            found = tab.evaluate(SMALL_TABLE_TEXT)
        finally:
            tab.emulate_media(media="null")
        checked += 1
        if found:
            small[path] = found[:8]
    assert checked >= 5, f"only {checked} pages with tables"
    assert not small, "table text under 12pt on paper:\n" + json.dumps(small, indent=1, ensure_ascii=False)
