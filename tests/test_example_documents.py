"""The example documents: made from the scenario file, marked fictional, one per A4 page; restricted texts
are labelled with whose copy leaves them out."""
from __future__ import annotations

import re

import pytest

from helpers import LANGS, broken_words, plain, read_built, url
from macros import strings, welsh
from macros.views import first_names, long_date
from macros.loader import load_all
from macros.case_pages import page_path
from macros.textfmt import block, inline


def shown(text: str) -> str:
    """A scenario text as the page shows it: its limited Markdown (bold, italic, lists) applied,
    as plain words."""
    return plain(str(block(text)))

SCENARIOS = sorted(load_all())
DOCS = ("report", "assessment", "decisions", "minutes", "invitation")
LEFT_OUT = re.compile(r'\s*<span class="ecp-doc__left-out">.*?</span>', re.S)
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
        restricted = {st.id for st in s.statements if st.text.restricted}
        copy_for = s.conference.report.shared_without_restricted
        for sid_, text in listed:
            assert plain(LEFT_OUT.sub("", text)) == plain(str(inline(texts[sid_])))
            # A restricted statement says whose copy leaves it out, and only that one does.
            assert ('ecp-doc__left-out' in text) == (sid_ in restricted and bool(copy_for)), sid_
    # Grey areas are not worries, positives or changes.
    for st in s.statements:
        if st.domain.value == "grey-area":
            assert f'data-statement="{st.id}"' not in report
    c = s.conference
    assert f'data-shared="{c.report.shared.isoformat()}"' in report
    # The date as the sentence composes it ("ar ddydd Iau 28 Mai 2026": mutated after "ar").
    names = first_names(s, c.report.shared_with + c.report.shared_without_restricted, lang)
    assert strings.t("doc.shared_on", lang, names=names, date=long_date(c.report.shared, lang)) in plain(report)
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
    assert strings.t("walk.plan_runs", lang, months=welsh.count(c.plan_months, "month", lang),
                     first=long_date(c.first_core_group, lang), review=long_date(c.review, lang)) in decisions
    invitation = plain(article(page, "invitation"))
    assert strings.t("doc.dear", lang, names=first_names(s, c.invitation.to, lang)) in invitation
    for who in c.invitation.who_comes:
        assert plain(who[lang]) in invitation
    for key in ("doc.inv_bring", "doc.inv_language"):
        assert strings.t(key, lang) in invitation
    # What the conference can decide, and who decides.
    assert strings.t("doc.inv_what", lang, about=c.about[lang]) in invitation
    assert strings.t("doc.inv_when", lang, date=long_date(c.date, lang), time=c.time) in invitation


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_the_assessment_sets_out_the_threshold_and_the_proposed_areas(site, sid, lang):
    s = load_all()[sid]
    a = s.conference.assessment
    body = article(read_built(site, lang, page_path(sid, "documents")), "assessment")
    text = plain(body)
    assert strings.t("doc.threshold", lang) in text and strings.t("doc.proposed_areas", lang) in text
    assert plain(a.recommendation[lang]) in text and plain(a.voice[lang]) in text
    for paragraph in a.threshold[lang].split("\n\n"):
        assert plain(paragraph.replace("**", "")) in text
    for area in s.areas_of_change:
        for t in (area.name, area.not_good_enough, area.good_enough):
            assert plain(t[lang]) in text
    assert f'data-shared="{a.shared.isoformat()}"' in body


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_the_minutes_record_who_came_what_each_said_the_decision_and_the_core_group(site, sid, lang):
    s = load_all()[sid]
    c = s.conference
    m = c.minutes
    text = plain(article(read_built(site, lang, page_path(sid, "documents")), "minutes"))
    for t in (*m.present, *m.apologies, m.child, c.coordinator, *c.core_group, c.decision.reason, *c.decision.categories):
        assert plain(t[lang]) in text
    for v in m.views:
        for t in (v.agency, v.worries, v.positives, v.changes):
            assert plain(t[lang]) in text
    for f in m.family:
        assert plain(f.view[lang]) in text
    assert plain(c.decision.dissent[lang]) in text if c.decision.dissent else strings.t("doc.no_dissent", lang) in text
    if m.closed:
        assert plain(m.closed[lang]) in text
        if c.sent_without_restricted:
            assert strings.t("doc.left_out", lang, names=first_names(s, c.sent_without_restricted, lang)) in text
    for d in c.core_groups:
        assert long_date(d, lang) in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_decisions_name_the_category_the_core_group_and_when_they_were_sent(site, sid, lang):
    s = load_all()[sid]
    c = s.conference
    body = article(read_built(site, lang, page_path(sid, "documents")), "decisions")
    text = plain(body)
    for t in (c.coordinator, *c.core_group, *c.decision.categories):
        assert plain(t[lang]) in text
    assert f'data-sent="{c.decisions_sent.isoformat()}"' in body and long_date(c.decisions_sent, lang) in text
    restricted = [a for a in s.areas_of_change if a.contingency.restricted] + \
        [st for a in s.areas_of_change for st in a.steps if st.text.restricted]
    labels = body.count("ecp-doc__left-out")
    assert labels == (len(restricted) if c.sent_without_restricted else 0)


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
    """Each document starts a page, and every page it takes carries its running header (after the
    site's own printed page header):
    the fictional mark, the document's title and the family."""
    mark = strings.t("doc.fictional", lang)
    titles = [strings.t(f"doc.{doc}_title", lang, about=s.conference.about[lang]) for doc in DOCS]
    order = []
    for n, text in enumerate(pages, 1):
        header = next((i for i, title in enumerate(titles) if f"{mark} {title} · {s.title[lang]}" in text), None)
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


# Every table inside a document (the page wrappers aside): its width against its container's,
# each cell's font size against the body's, how it may break words, its label and how it shows.
DOC_TABLES_JS = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset')).fontSize);
  const out = {body, tables: 0, wide: [], small: [], breaking: [], labels: [], shown: []};
  for (const t of document.querySelectorAll('.ecp-doc table:not(.ecp-doc__page)')) {
    out.tables++;
    const name = `${t.closest('.ecp-doc').id} table ${t.className}`;
    const box = t.parentElement.clientWidth;
    if (t.getBoundingClientRect().width > box + 0.5 || t.scrollWidth > t.clientWidth + 0.5)
      out.wide.push(`${name}: ${Math.round(t.getBoundingClientRect().width)}px in ${box}px`);
    out.shown.push(getComputedStyle(t).display);
    const heads = [...t.querySelectorAll('thead th')].map((h) => h.textContent.trim());
    for (const c of t.querySelectorAll('tbody th, tbody td')) {
      const cs = getComputedStyle(c);
      if (parseFloat(cs.fontSize) < Math.max(16, body) - 0.01) out.small.push(`${name}: ${cs.fontSize}`);
      if (cs.overflowWrap === 'anywhere' || ['break-all', 'break-word'].includes(cs.wordBreak))
        out.breaking.push(`${name}: overflow-wrap ${cs.overflowWrap}, word-break ${cs.wordBreak}`);
      if (c.scrollWidth > c.clientWidth + 0.5) out.wide.push(`${name}: a cell's text is wider than the cell`);
      if (heads.length && c.tagName === 'TD') {
        const want = heads[c.cellIndex], label = c.dataset.label;
        if (label !== want) out.labels.push(`${name}: cell labelled ${label} under ${want}`);
      }
    }
  }
  return out;
}"""

LABEL_SHOWN_JS = """() => [...document.querySelectorAll('.ecp-doc table:not(.ecp-doc__page) td[data-label]')]
    .filter((c) => getComputedStyle(c, '::before').content !== JSON.stringify(c.dataset.label))
    .map((c) => c.dataset.label)"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_document_tables_read_on_a_phone_and_stay_paper_on_a_wide_screen(make_tab, base_url, sid, lang):
    """At 320px every table of every document fits its box, its text is body size, no word is
    broken mid-word, and each value shows its column's heading (rows stacked as summary lists).
    At 1280px the tables stay tables, body size, with no word broken."""
    with make_tab(viewport={"width": 320, "height": 800}) as tab:
        tab.goto(url(base_url, lang, page_path(sid, "documents")), wait_until="load")
        got = tab.evaluate(DOC_TABLES_JS)
        assert got["tables"] >= len(DOCS) - 1, got["tables"]
        assert not got["wide"], "tables wider than their box at 320px:\n  " + "\n  ".join(got["wide"])
        assert not got["small"], f"table text under the body size ({got['body']}px) at 320px:\n  " + "\n  ".join(got["small"])
        assert not got["breaking"], "tables set to break words anywhere:\n  " + "\n  ".join(got["breaking"])
        assert not got["labels"], "\n".join(got["labels"])
        assert set(got["shown"]) == {"block"}, f"tables not stacked at 320px: {got['shown']}"
        assert tab.evaluate(LABEL_SHOWN_JS) == [], "a value does not show its column's heading at 320px"
        broken = broken_words(tab, ".ecp-doc")
        assert broken == [], "words broken mid-word at 320px:\n  " + "\n  ".join(broken)

        tab.set_viewport_size({"width": 1280, "height": 900})
        tab.wait_for_timeout(100)
        got = tab.evaluate(DOC_TABLES_JS)
        assert set(got["shown"]) == {"table"}, f"tables not shown as tables at 1280px: {got['shown']}"
        assert not got["wide"] and not got["small"] and not got["breaking"], got
        assert broken_words(tab, ".ecp-doc") == []
        assert tab.errors == [] and tab.requests.external() == []

