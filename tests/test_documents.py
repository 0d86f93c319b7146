"""The example documents (issue 12): made from the scenario's grid data, marked fictional, one per A4 page."""
from __future__ import annotations

import re

import pytest

from helpers import LANGS, plain, read_built, url
from macros import strings, welsh
from macros.views import first_names, long_date
from macros.loader import load_all
from macros.case_pages import page_path

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
            assert plain(text) == " ".join(texts[sid_].split())
    # Grey areas are not worries, positives or changes.
    for st in s.statements:
        if st.domain.value == "grey-area":
            assert f'data-statement="{st.id}"' not in report
    c = s.conference
    assert f'data-shared="{c.report.shared.isoformat()}"' in report
    # The date as the sentence composes it ("ar ddydd Iau 28 Mai 2026": mutated after "ar").
    assert strings.t("doc.shared_on", lang, names=first_names(s, c.report.shared_with, lang),
                     date=long_date(c.report.shared, lang)) in plain(report)
    assert " ".join(c.report.voice[lang].split()) in plain(report)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_decisions_and_invitation_come_from_the_scenario(site, sid, lang):
    s = load_all()[sid]
    c = s.conference
    page = read_built(site, lang, page_path(sid, "documents"))
    decisions = plain(article(page, "decisions"))
    assert " ".join(c.decision.reason[lang].split()) in decisions
    for area in s.areas_of_change:
        for text in (area.not_good_enough, area.good_enough, area.checked, area.contingency):
            assert " ".join(text[lang].split()) in decisions
        for step in area.steps:
            assert plain(step.who[lang]) in decisions and plain(step.by[lang]) in decisions
    assert strings.t("walk.plan_runs", lang, months=welsh.count(c.plan_months, "month", lang),
                     first=long_date(c.first_core_group, lang), review=long_date(c.review, lang)) in decisions
    invitation = plain(article(page, "invitation"))
    assert strings.t("doc.dear", lang, names=first_names(s, c.invitation.to, lang)) in invitation
    for who in c.invitation.who_comes:
        assert plain(who[lang]) in invitation
    for key in ("doc.inv_bring", "doc.inv_language"):
        assert strings.t(key, lang) in invitation
    assert strings.t("doc.inv_when", lang, date=long_date(c.date, lang), time=c.time) in invitation


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_every_document_is_marked_fictional(site, sid, lang):
    page = read_built(site, lang, page_path(sid, "documents"))
    mark = strings.t("doc.fictional", lang)
    for doc in DOCS:
        body = article(page, doc)
        assert plain(body).startswith(mark), doc


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_print_gives_one_clean_a4_page_per_document(page, base_url, sid, lang):
    page.goto(url(base_url, lang, page_path(sid, "documents")))
    page.emulate_media(media="print")
    # Each document starts a page, and each fits on its own A4 page.
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert pages == len(DOCS), f"{sid} {lang}: {pages} pages"
    # Only the documents print; each keeps its fictional mark.
    visible = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.offsetParent !== null && e.children.length === 0 && e.textContent.trim())
        .filter(e => !e.closest('.ecp-doc')).map(e => e.textContent.trim())""")
    assert visible == [], visible
    marks = page.locator(".ecp-doc__mark")
    assert marks.count() == len(DOCS) and all(marks.nth(i).is_visible() for i in range(len(DOCS)))


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
