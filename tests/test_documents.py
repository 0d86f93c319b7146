"""The example documents (issue 12): made from the scenario's grid data, marked fictional, one per A4 page."""
from __future__ import annotations

import re

import pytest

from helpers import LANGS, plain, read_built, url
from macros import strings
from macros.views import first_names, long_date
from macros.loader import load_all
from macros.case_pages import page_path
from macros.textfmt import block, inline


def shown(text: str) -> str:
    """A scenario text as the page shows it: its limited Markdown (bold, italic, lists) applied,
    as plain words."""
    return plain(str(block(text)))

SCENARIOS = sorted(load_all())
DOCS = ("report", "decisions", "invitation")
SECTIONS = {"worries": ("worry-concern", "worry-impact"), "positives": ("working-well",), "changes": ("needs-to-change",)}


def article(page: str, doc: str) -> str:
    return re.search(rf'<article class="ecp-doc[^"]*" id="{doc}".*?</article>', page, re.S).group(0)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_the_report_lists_the_grids_worries_positives_and_changes(site, sid, lang):
    s = load_all()[sid]
    report = article(read_built(site, lang, page_path(sid, "documents")), "report")
    for section, domains in SECTIONS.items():
        items = re.search(rf'<ul data-section="{section}">(.*?)</ul>', report, re.S).group(1)
        listed = re.findall(r'<li data-statement="([a-z0-9-]+)">(.*?)</li>', items, re.S)
        assert [i for i, _ in listed] == [st.id for st in s.statements if st.domain.value in domains], section
        texts = {st.id: st.text[lang] for st in s.statements}
        for sid_, text in listed:
            assert plain(text) == plain(str(inline(texts[sid_])))
    # Grey areas are not worries, positives or changes.
    for st in s.statements:
        if st.domain.value == "grey-area":
            assert f'data-statement="{st.id}"' not in report
    c = s.conference
    assert f'data-shared="{c.report.shared.isoformat()}"' in report
    assert long_date(c.report.shared, lang) in plain(report)
    assert shown(c.report.voice[lang]) in plain(report)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_decisions_and_invitation_come_from_the_scenario(site, sid, lang):
    s = load_all()[sid]
    c = s.conference
    page = read_built(site, lang, page_path(sid, "documents"))
    decisions = plain(article(page, "decisions"))
    assert plain(str(inline(c.decision.reason[lang]))) in decisions
    for area in s.areas_of_change:
        for text in (area.not_good_enough, area.good_enough, area.checked, area.contingency):
            assert plain(str(inline(text[lang]))) in decisions
        for step in area.steps:
            assert plain(step.who[lang]) in decisions and plain(step.by[lang]) in decisions
    assert long_date(c.first_core_group, lang) in decisions and long_date(c.review, lang) in decisions
    invitation = plain(article(page, "invitation"))
    assert strings.t("doc.dear", lang, names=first_names(s, c.invitation.to, lang)) in invitation
    for who in c.invitation.who_comes:
        assert plain(who[lang]) in invitation
    for key in ("doc.inv_bring", "doc.inv_language"):
        assert strings.t(key, lang) in invitation
    assert long_date(c.date, lang) in invitation and c.time in invitation


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_every_document_is_marked_fictional(site, sid, lang):
    page = read_built(site, lang, page_path(sid, "documents"))
    mark = strings.t("doc.fictional", lang)
    for doc in DOCS:
        body = article(page, doc)
        assert plain(body).startswith(mark), doc


def printed_pages(page) -> list[str]:
    """The documents page printed on A4: each PDF page's text."""
    import io

    from pypdf import PdfReader

    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def check_printed(pages: list[str], s, lang: str) -> None:
    """Each document starts a page, and every page it takes starts with its running header:
    the fictional mark, the document's title and the family."""
    mark = strings.t("doc.fictional", lang)
    titles = [strings.t("doc.report_title", lang), strings.t("doc.decisions_title", lang),
              strings.t("doc.invitation_title", lang, about=s.conference.about[lang])]
    order = []
    for n, text in enumerate(pages, 1):
        header = next((i for i, title in enumerate(titles) if text.startswith(f"{mark} {title} · {s.title[lang]}")), None)
        assert header is not None, f"page {n} has no running header: {text[:160]}"
        order.append(header)
    assert order == sorted(order) and set(order) == set(range(len(titles))), order


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_print_gives_each_document_its_own_a4_pages_with_a_running_header(page, base_url, sid, lang):
    page.goto(url(base_url, lang, page_path(sid, "documents")))
    pages = printed_pages(page)
    check_printed(pages, load_all()[sid], lang)
    # Only the documents print.
    visible = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.offsetParent !== null && e.children.length === 0 && e.textContent.trim())
        .filter(e => !e.closest('.ecp-doc')).map(e => e.textContent.trim())""")
    assert visible == [], visible



@pytest.mark.parametrize("lang", LANGS)
def test_documents_page_is_axe_clean_on_desktop_and_phone(browser, base_url, axe, lang):
    for sid in SCENARIOS:
        for viewport in ({"width": 1280, "height": 900}, {"width": 375, "height": 800}):
            ctx = browser.new_context(viewport=viewport, service_workers="block")
            page = ctx.new_page()
            page.goto(url(base_url, lang, page_path(sid, "documents")))
            assert axe(page) == [], (sid, viewport)
            assert not page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
            ctx.close()
