"""The grid exercise and the safety scale (issue 4): rendering, and real Chromium in both languages."""
from __future__ import annotations

import json
import re

import pytest

from helpers import LANGS, LAPTOP, PHONE, SMALL_PHONE, ZOOMED, in_view, no_axe, parse, tab_until, url
from macros import strings
from macros.loader import load_all
from macros.case_pages import KINDS, page_path
from macros.render import render

DOMAINS = ["worry-concern", "worry-impact", "working-well", "grey-area", "needs-to-change"]
SCENARIOS = sorted(load_all())


def exercise_html(sid: str, lang: str, scenario=None) -> str:
    s = scenario or load_all()[sid]
    return render("grid-exercise-page", lang, page_path(sid, "exercise"), sid=sid, s=s,
                  paths={k: page_path(sid, k) for k in KINDS})


# ---------------------------------------------------------------- rendering (no browser)

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_every_statement_is_a_fieldset_with_five_native_radios(sid, lang):
    s = load_all()[sid]
    html = exercise_html(sid, lang)
    doc = parse(html)
    assert len(doc.find_all(data_module="grid-exercise")) == 1
    assert len(doc.find_all(data_module="safety-scale")) == 1
    fieldsets = doc.find_all("fieldset", cls="ecp-grid__statement")
    assert [f.get("id") for f in fieldsets] == [f"statement-{st.id}" for st in s.statements]
    for fs, st in zip(fieldsets, s.statements):
        assert fs.find("legend") is not None
        radios = [r for r in fs.find_all("input", type="radio") if r.get("name") == f"st-{st.id}"]
        assert [r.get("value") for r in radios] == DOMAINS
        assert all(r.get("id", "").startswith("st-") for r in radios)
        labels = {lab.get("for") for lab in fs.find_all("label")}
        for d in DOMAINS:
            assert f"st-{st.id}-{d}" in labels
    # Stable ids for mentors, the same in both languages.
    ids = [e.get("id") for e in doc.iter() if e.get("id")]
    for anchor in ("exercise", "model-grid", "safety-scale"):
        assert ids.count(anchor) == 1, anchor
    # Every id on the page is unique.
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_answers_explanations_and_arguable_notes_are_rendered(sid, lang):
    s = load_all()[sid]
    doc = parse(exercise_html(sid, lang))
    arguable = strings.t("exercise.arguable", lang)
    accepted = {e.get("data-accepted") for e in doc.iter() if e.get("data-accepted") is not None}
    for st in s.statements:
        block = doc.find("fieldset", id=f"statement-{st.id}")
        assert " ".join(st.accepted) in accepted
        assert (arguable in block.text()) == st.arguable, st.id
    # The model grid puts each statement under its own domain's column.
    model = doc.find(id="model-grid")
    items = [li.get("id") for li in model.find_all("li") if (li.get("id") or "").startswith("model-")]
    assert sorted(items) == sorted(f"model-{st.id}" for st in s.statements)


def test_the_strings_for_the_script_are_in_the_pages_language():
    for lang, check in (("en", "Check answers"), ("cy", "Gwirio atebion")):
        html = exercise_html("teulu-hughes", lang)
        raw = re.search(r"data-strings='([^']*)'", html).group(1)
        data = json.loads(raw)
        assert data["check"] == check
        assert "{score}" in data["score"] and "{total}" in data["score"]
        assert f">{check}</button>" in html


@pytest.mark.parametrize("lang", LANGS)
def test_safety_scale_states_direction_and_puts_parents_first(lang):
    s = load_all()["teulu-pritchard"]
    scale = parse(exercise_html("teulu-pritchard", lang)).find(data_module="safety-scale")
    assert strings.t("scale.direction", lang) in scale.text()
    order = [e.get("data-stage") or e.get("id") for e in scale.iter()
             if e.get("data-stage") in ("parents", "professionals") or e.get("id") == "one-point-up"]
    assert order == ["parents", "professionals", "one-point-up"], order
    radios = [r.get("id") for r in scale.find_all("input", type="radio") if r.get("id", "").startswith("scale-teulu-pritchard-")]
    assert radios == [f"scale-teulu-pritchard-{n}" for n in range(11)]
    parents = scale.find(data_stage="parents").text()
    for v in s.safety_scale:
        assert (" ".join(v.who[lang].split()) in parents) == (v.kind == "parent")


def test_scenario_text_is_escaped_everywhere():
    s = load_all()["teulu-hughes"].model_copy(deep=True)
    evil = '<img src=x onerror="alert(1)">'
    st = s.statements[0]
    st.text.en = f"{evil} *careful*"
    st.explanation.en = "</p><script>alert(2)</script>"
    s.safety_scale[0].reason.en = "'); alert(3); //"
    s.title.en = "<b>Title</b>"
    s.child.name = "<i>Cai</i>"
    html = exercise_html("teulu-hughes", "en", s)
    assert "<img" not in html and "<script>alert" not in html and "<b>Title" not in html and "<i>Cai" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; <em>careful</em>" in html or \
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <em>careful</em>" in html
    assert "&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html
    # The board shows legends with textContent in JS, so no HTML path exists there either.


# ---------------------------------------------------------------- real Chromium

def answer_by_keyboard(page, sid: str, choices: dict[str, str]):
    """Tab into each statement's radio group and choose with the arrow keys only."""
    s = load_all()[sid]
    for st in s.statements:
        tab_until(page, f"document.activeElement.name === 'st-{st.id}'")
        assert page.evaluate("document.activeElement.value") == DOMAINS[0], "Tab should land on the first radio"
        k = DOMAINS.index(choices[st.id])
        if k == 0:
            page.keyboard.press("Space")
        for _ in range(k):
            page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.checked && document.activeElement.value") == choices[st.id]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_exercise_by_keyboard_alone_with_score_saving_and_axe(page, base_url, axe, sid, lang):
    s = load_all()[sid]
    page.goto(url(base_url, lang, page_path(sid, "exercise")) + "#exercise")
    root = page.locator('[data-module="grid-exercise"]')
    assert root.get_attribute("data-ready") == "true"
    no_axe(axe, page, "before checking")

    # All right except the first statement, which goes somewhere it is not accepted.
    choices = {st.id: st.domain.value for st in s.statements}
    wrong = next(d for d in DOMAINS if d not in s.statements[0].accepted)
    choices[s.statements[0].id] = wrong
    answer_by_keyboard(page, sid, choices)

    tab_until(page, "document.activeElement.dataset.action === 'check'")
    assert page.evaluate("document.activeElement.textContent") == strings.t("exercise.check", lang)
    page.keyboard.press("Enter")
    total = len(s.statements)
    live = page.locator("[data-score]")
    assert live.get_attribute("aria-live") == "polite"
    expected = strings.t("exercise.score", lang, score=total - 1, total=total)
    assert expected in live.text_content()
    first = page.locator(f"#statement-{s.statements[0].id}")
    assert first.get_attribute("data-result") == "not-yet"
    assert strings.t("exercise.not_yet", lang) in first.locator("[data-verdict]").text_content()
    assert first.locator(".ecp-grid__explanation").is_visible()
    for st in s.statements[1:]:
        assert page.locator(f"#statement-{st.id}").get_attribute("data-result") == "right", st.id
    arguable = [st for st in s.statements if st.arguable]
    for st in arguable:
        assert page.locator(f"#statement-{st.id} .ecp-grid__arguable").is_visible()
    no_axe(axe, page, "after checking")

    # The board shows the learner's choices, column by column.
    board_worry = page.locator('[data-board-list="worry-concern"]').text_content()
    for st in s.statements[1:]:
        if st.domain.value == "worry-concern":
            assert st.text[lang] in board_worry

    # A learner's note, then reload: everything is still there.
    page.locator('[data-notes="grey-area"]').fill("Ask the police about the history")
    page.reload()
    page.locator('[data-module="grid-exercise"][data-ready]').wait_for()
    for st_id, d in choices.items():
        assert page.locator(f"#st-{st_id}-{d}").is_checked(), st_id
    assert expected in page.locator("[data-score]").text_content()
    assert page.locator('[data-notes="grey-area"]').input_value() == "Ask the police about the history"
    key = f"ecp:exercise:{sid}"  # one state for both languages (issue 17)
    assert json.loads(page.evaluate(f"localStorage.getItem('{key}')"))["answers"][s.statements[0].id] == wrong

    # Try again keeps the right answers and clears the others.
    page.locator('[data-action="retry"]').focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == f"st-{s.statements[0].id}"
    assert page.locator(f"input[name='st-{s.statements[0].id}']:checked").count() == 0
    for st in s.statements[1:]:
        assert page.locator(f"#st-{st.id}-{st.domain.value}").is_checked()
    assert page.locator("[data-score]").text_content() == ""

    # Show the model grid.
    page.locator('[data-action="model"]').focus()
    page.keyboard.press("Enter")
    assert page.locator("#model-grid").evaluate("d => d.open")
    assert page.locator(f"#model-{s.statements[0].id}").is_visible()
    no_axe(axe, page, "model grid shown")

    assert page.requests.external() == []
    assert page.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_safety_scale_by_keyboard_with_axe_in_every_state(page, base_url, axe, lang):
    sid = "teulu-pritchard"
    s = load_all()[sid]
    page.goto(url(base_url, lang, page_path(sid, "exercise")) + "#safety-scale")
    parents = page.locator('[data-stage="parents"]')
    pros = page.locator('[data-stage="professionals"]')
    assert page.locator(".ecp-scale__direction").text_content().strip() == strings.t("scale.direction", lang)
    assert not parents.is_visible() and not pros.is_visible(), "views must wait for the learner's own rating"
    no_axe(axe, page, "scale: nothing rated")

    # Asking for the parents' view before rating is refused, politely.
    page.locator('[data-action="parents"]').focus()
    page.keyboard.press("Enter")
    # Said beside the radios that need it (issue 17), not in the status line under the buttons.
    assert page.locator("[data-error]").text_content() == strings.t("scale.need_rating", lang)
    assert not parents.is_visible()
    assert page.evaluate("document.activeElement.name") == f"scale-{sid}"

    page.keyboard.press("Space")          # 0
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # 3
    assert page.locator(f"#scale-{sid}-3").is_checked()
    no_axe(axe, page, "scale: rated")

    tab_until(page, "document.activeElement.dataset.action === 'parents'")
    page.keyboard.press("Enter")
    assert parents.is_visible() and not pros.is_visible()
    for v in s.safety_scale:
        if v.kind == "parent":
            assert v.reason[lang] in parents.text_content()
    no_axe(axe, page, "scale: parents shown")

    tab_until(page, "document.activeElement.dataset.action === 'professionals'")
    page.keyboard.press("Enter")
    assert pros.is_visible()
    compare = page.locator("[data-compare]").text_content()
    assert "3" in compare and all(str(v.score) in compare for v in s.safety_scale)
    assert page.locator("#one-point-up").is_visible()
    page.locator(f"#scale-{sid}-up").fill("Locks changed by Friday")
    no_axe(axe, page, "scale: professionals shown")

    page.reload()
    page.locator('[data-module="safety-scale"][data-ready]').wait_for()
    assert page.locator(f"#scale-{sid}-3").is_checked()
    assert pros.is_visible()
    assert page.locator(f"#scale-{sid}-up").input_value() == "Locks changed by Friday"

    # Reset asks first: cancelling keeps everything, accepting clears it.
    page.once("dialog", lambda d: d.dismiss())
    page.locator('[data-module="safety-scale"] [data-action="reset"]').click()
    assert page.locator(f"#scale-{sid}-3").is_checked()
    page.once("dialog", lambda d: d.accept())
    page.locator('[data-module="safety-scale"] [data-action="reset"]').click()
    assert not page.locator(f"#scale-{sid}-3").is_checked()
    assert not parents.is_visible()
    assert page.evaluate(f"localStorage.getItem('ecp:scale:{sid}')") is None
    assert page.requests.external() == []
    assert page.errors == []


def test_reset_asks_before_clearing_the_grid(page, base_url):
    sid = "teulu-ellis"
    page.goto(url(base_url, "en", page_path(sid, "exercise")))
    first = load_all()[sid].statements[0]
    page.locator(f"#st-{first.id}-grey-area").check()
    page.once("dialog", lambda d: d.dismiss())
    page.locator('[data-module="grid-exercise"] [data-action="reset"]').click()
    assert page.locator(f"#st-{first.id}-grey-area").is_checked()
    page.once("dialog", lambda d: d.accept())
    page.locator('[data-module="grid-exercise"] [data-action="reset"]').click()
    assert not page.locator(f"#st-{first.id}-grey-area").is_checked()
    assert page.evaluate(f"localStorage.getItem('ecp:exercise:{sid}')") is None
    # Keys follow the site-wide convention, so "delete my data" clears them.
    assert page.evaluate("Object.keys(localStorage).every(k => k.startsWith('ecp:'))")


@pytest.mark.parametrize("lang", LANGS)
def test_changing_an_answer_after_checking_says_the_score_is_out_of_date(page, base_url, lang):
    sid = "teulu-hughes"
    s = load_all()[sid]
    page.goto(url(base_url, lang, page_path(sid, "exercise")))
    for st in s.statements:
        page.locator(f"#st-{st.id}-{st.domain.value}").check()
    page.locator('[data-module="grid-exercise"] [data-action="check"]').click()
    live = page.locator('[data-module="grid-exercise"] [data-score]')
    n = len(s.statements)
    assert live.text_content().startswith(strings.t("exercise.score", lang, score=n, total=n))
    first = s.statements[0]
    other = next(d for d in ("grey-area", "working-well") if d not in first.accepted)
    page.locator(f"#st-{first.id}-{other}").check()
    assert live.text_content() == strings.t("exercise.score_stale", lang)
    page.locator('[data-module="grid-exercise"] [data-action="check"]').click()
    assert live.text_content().startswith(strings.t("exercise.score", lang, score=n - 1, total=n))


def test_both_languages_share_one_set_of_answers(page, base_url):
    """Issue 17 changed this: a reader who switches language finds the same answers."""
    sid = "teulu-hughes"
    st = load_all()[sid].statements[0]
    page.goto(url(base_url, "en", page_path(sid, "exercise")))
    page.locator(f"#st-{st.id}-grey-area").check()
    page.goto(url(base_url, "cy", page_path(sid, "exercise")))
    page.locator('[data-module="grid-exercise"][data-ready]').wait_for()
    assert page.locator(f"#st-{st.id}-grey-area").is_checked()


@pytest.mark.parametrize("lang", LANGS)
def test_mentor_link_opens_the_model_grid(page, base_url, lang):
    page.goto(url(base_url, lang, page_path("teulu-pritchard", "exercise")) + "#model-grid")
    assert page.locator("#model-grid").evaluate("d => d.open")
    page.goto(url(base_url, lang, page_path("teulu-pritchard", "exercise")))
    assert not page.locator("#model-grid").evaluate("d => d.open")


@pytest.mark.parametrize("lang", LANGS)
def test_exercise_links_to_rewrites_and_steps_in_the_same_language(page, base_url, lang):
    sid = "teulu-pritchard"
    page.goto(url(base_url, lang, page_path(sid, "exercise")))
    hrefs = page.eval_on_selector_all(".ecp-scenario-links a", "as => as.map(a => new URL(a.href).pathname)")
    prefix = "/cy" if lang == "cy" else ""
    assert f"{prefix}/case-studies/{sid}/rewrites/" in hrefs
    assert f"{prefix}/case-studies/{sid}/steps/" in hrefs


@pytest.mark.parametrize("lang", LANGS)
def test_readable_without_javascript(browser, base_url, lang):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        sid = "teulu-ellis"
        s = load_all()[sid]
        page.goto(url(base_url, lang, page_path(sid, "exercise")))
        assert page.locator("#what-happened").is_visible()
        for st in s.statements:
            assert page.locator(f"#statement-{st.id} legend").is_visible()
        # No dead buttons without the script.
        assert not page.locator('[data-action="check"]').is_visible()
        assert not page.locator("#my-grid").is_visible()
        # The model grid opens natively.
        page.locator("#model-grid > summary").click()
        for st in s.statements:
            assert page.locator(f"#model-{st.id}").is_visible()
            assert st.explanation[lang] in page.locator(f"#model-{st.id}").text_content()
        # Every view on the safety scale can be read.
        for v in s.safety_scale:
            assert v.reason[lang] in page.locator('[data-module="safety-scale"]').text_content()
        assert page.locator('[data-stage="professionals"]').is_visible()
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_my_grid_prints_on_one_a4_landscape_page(page, base_url, lang):
    sid = "teulu-pritchard"
    s = load_all()[sid]
    page.goto(url(base_url, lang, page_path(sid, "exercise")))
    for st in s.statements:
        page.locator(f"#st-{st.id}-{st.domain.value}").check()
    for col in ("worries", "working-well", "grey-area", "needs-to-change"):
        page.locator(f'[data-notes="{col}"]').fill("A point of my own\nand another one")
    page.evaluate("document.documentElement.classList.add('ecp-print-board')")
    page.emulate_media(media="print")
    assert page.locator(".ecp-board__title").is_visible()
    assert s.title[lang] in page.locator(".ecp-board__title").text_content()
    assert re.search(r"\d{4}", page.locator("[data-date]").text_content())
    assert not page.locator("#exercise").is_visible()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert len(pages) == 1, f"{len(pages)} pages"
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    width, height = float(box.group(1)), float(box.group(2))
    assert width > height and abs(width - 842) < 3 and abs(height - 595) < 3, (width, height)


# ---------------------------------------------------------------- grid exercise

@pytest.mark.parametrize("width", [PHONE, ZOOMED, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_check_answers_moves_focus_to_a_summary_at_the_top(page, base_url, axe, lang, width):
    sid = "teulu-hughes"
    s = load_all()[sid]
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(url(base_url, lang, page_path(sid, "exercise")) + "#exercise")
    page.locator('[data-module="grid-exercise"][data-ready]').wait_for()
    # Two right, one wrong, the rest left unanswered: an early check.
    first, second, third = s.statements[:3]
    page.locator(f"#st-{first.id}-{first.domain.value}").check()
    page.locator(f"#st-{second.id}-{second.domain.value}").check()
    wrong = next(d for d in ("grey-area", "working-well", "needs-to-change") if d not in third.accepted)
    page.locator(f"#st-{third.id}-{wrong}").check()
    page.locator('[data-module="grid-exercise"] [data-action="check"]').focus()
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
    page.goto(url(base_url, lang, page_path(sid, "exercise")))
    page.locator('[data-module="grid-exercise"] [data-action="check"]').click()
    for st in s.statements:
        fs = page.locator(f"#statement-{st.id}")
        assert fs.locator("[data-verdict]").text_content() == strings.t("exercise.unanswered", lang)
        assert not fs.locator(".ecp-grid__explanation").is_visible(), st.id
        assert fs.locator(".ecp-grid__arguable").count() == 0 or not fs.locator(".ecp-grid__arguable").is_visible()
    # An answered, wrong statement still explains itself.
    st = s.statements[0]
    wrong = next(d for d in ("grey-area", "working-well", "needs-to-change") if d not in st.accepted)
    page.locator(f"#st-{st.id}-{wrong}").check()
    page.locator('[data-module="grid-exercise"] [data-action="check"]').click()
    assert page.locator(f"#statement-{st.id} .ecp-grid__explanation").is_visible()


# ---------------------------------------------------------------- one state in two languages

def test_one_saved_state_per_case_study_in_either_language(page, base_url):
    sid = "teulu-hughes"
    s = load_all()[sid]
    st = s.statements[0]
    page.goto(url(base_url, "en", page_path(sid, "exercise")))
    page.locator(f"#st-{st.id}-grey-area").check()
    page.locator('[data-notes="grey-area"]').fill("Ask the police")
    page.locator(f"#scale-{sid}-4").check(force=True)
    page.locator(f"#scale-{sid}-why").fill("Nain helps")
    page.goto(url(base_url, "cy", page_path(sid, "exercise")))
    page.locator('[data-module="safety-scale"][data-ready]').wait_for()
    assert page.locator(f"#st-{st.id}-grey-area").is_checked()
    assert page.locator('[data-notes="grey-area"]').input_value() == "Ask the police"
    assert page.locator(f"#scale-{sid}-4").is_checked()
    assert page.locator(f"#scale-{sid}-why").input_value() == "Nain helps"
    # And back: a change made in Welsh shows in English.
    page.locator(f"#st-{st.id}-working-well").check()
    page.goto(url(base_url, "en", page_path(sid, "exercise")))
    page.locator('[data-module="grid-exercise"][data-ready]').wait_for()
    assert page.locator(f"#st-{st.id}-working-well").is_checked()
    keys = page.evaluate("Object.keys(localStorage)")
    assert sorted(keys) == [f"ecp:exercise:{sid}", f"ecp:scale:{sid}"]


def test_work_saved_per_language_before_is_moved_not_lost(page, base_url):
    sid = "teulu-pritchard"
    s = load_all()[sid]
    a, b = s.statements[0], s.statements[1]
    page.goto(url(base_url, "cy", page_path(sid, "exercise")))
    page.evaluate("""([sid, a, b]) => {
        localStorage.clear();
        localStorage.setItem(`ecp:exercise:${sid}:en`, JSON.stringify({answers: {[a]: 'grey-area'}, checked: false, notes: {worries: 'English note'}}));
        localStorage.setItem(`ecp:exercise:${sid}:cy`, JSON.stringify({answers: {[b]: 'working-well'}, checked: false, notes: {worries: 'Nodyn Cymraeg'}}));
        localStorage.setItem(`ecp:scale:${sid}:en`, JSON.stringify({rating: 6, stage: 1, fields: {why: 'Because'}}));
    }""", [sid, a.id, b.id])
    page.reload()
    page.locator('[data-module="safety-scale"][data-ready]').wait_for()
    assert page.locator(f"#st-{a.id}-grey-area").is_checked()
    assert page.locator(f"#st-{b.id}-working-well").is_checked()
    notes = page.locator('[data-notes="worries"]').input_value()
    assert "English note" in notes and "Nodyn Cymraeg" in notes
    assert page.locator(f"#scale-{sid}-6").is_checked()
    assert page.locator(f"#scale-{sid}-why").input_value() == "Because"
    assert sorted(page.evaluate("Object.keys(localStorage)")) == [f"ecp:exercise:{sid}", f"ecp:scale:{sid}"]


# ---------------------------------------------------------------- safety scale

@pytest.mark.parametrize("width", [SMALL_PHONE, PHONE, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_safety_scale_keeps_0_to_10_in_order_and_hints_beside_it(page, base_url, axe, lang, width):
    sid = "teulu-pritchard"
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(url(base_url, lang, page_path(sid, "exercise")) + "#safety-scale")
    page.locator('[data-module="safety-scale"][data-ready]').wait_for()
    boxes = page.evaluate(f"""() => [...Array(11).keys()].map(n => {{
        const r = document.querySelector('label[for="scale-{sid}-' + n + '"]').getBoundingClientRect();
        return [r.left, r.top, r.width, r.height]; }})""")
    # 0 to 10 in reading order: left to right, and where a phone needs a second row, 0-5 above
    # 6-10; each point a 44 by 44px target (GOV.UK size), so it cannot fit one row at 320px.
    rows = sorted({round(b[1]) for b in boxes})
    assert len(rows) <= 2, f"0-10 in more than two rows at {width}px: {boxes}"
    order = sorted(range(11), key=lambda n: (round(boxes[n][1]), boxes[n][0]))
    assert order == list(range(11)), "0 first, 10 last, in reading order"
    assert all(b[2] >= 44 and b[3] >= 44 for b in boxes), f"targets under 44px at {width}px: {boxes}"
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


# ---------------------------------------------------------------- layout at every width

SCALE_JS = """() => {
  const out = [];
  for (const track of document.querySelectorAll('[data-module=safety-scale] .ecp-scale__points')) {
    const t = track.getBoundingClientRect();
    if (track.scrollWidth > track.clientWidth + 0.5) out.push(`the points scroll sideways (${track.scrollWidth} > ${track.clientWidth})`);
    const tops = new Set();
    for (const label of track.querySelectorAll('label')) {
      const r = label.getBoundingClientRect(), n = label.textContent.trim().split(' ')[0];
      tops.add(Math.round(r.top));
      if (r.width < 44 - 0.5 || r.height < 44 - 0.5) out.push(`"${n}" is ${r.width.toFixed(1)} by ${r.height.toFixed(1)}px`);
      if (r.left < t.left - 0.5 || r.right > t.right + 0.5) out.push(`"${n}" sticks out of the scale`);
      if (label.scrollWidth > label.clientWidth + 0.5) out.push(`"${n}" overflows its box`);
      const words = document.createRange();
      words.selectNodeContents(label.firstChild);
      const w = words.getBoundingClientRect();
      if (w.left < r.left - 0.5 || w.right > r.right + 0.5) out.push(`"${n}": its number is outside its box`);
    }
    if (tops.size > 2) out.push(`the points take ${tops.size} rows`);
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('the page scrolls sideways');
  return out;
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_safety_scale_points_are_44px_and_fit_at_every_width(make_tab, base_url, sid, lang):
    """Every point of every case's safety scale is at least 44 by 44px, holds its number and stays
    inside the scale, in one row or two, with nothing scrolling sideways, from 320 to 1280px."""
    with make_tab(viewport={"width": LAPTOP, "height": 900}) as tab:
        tab.goto(url(base_url, lang, page_path(sid, "exercise")), wait_until="load")
        tab.locator('[data-module="safety-scale"][data-ready]').wait_for()
        for width in (SMALL_PHONE, PHONE, 600, 768, ZOOMED, LAPTOP):
            tab.set_viewport_size({"width": width, "height": 900})
            tab.wait_for_timeout(80)
            problems = tab.evaluate(SCALE_JS)
            assert not problems, f"{lang} {sid} at {width}px:\n  " + "\n  ".join(problems)


# Each warning button (anything that deletes) in the content: the other buttons it shares a row
# with, and how far it sits from the left of its block.
WARNING_ROW_JS = """() => {
  const seen = (e) => e.getClientRects().length && e.checkVisibility();
  const buttons = [...document.querySelectorAll('.md-content button, .md-content .md-button')].filter(seen);
  const warning = (b) => b.matches('.ecp-button--warning, .wb-danger');
  return buttons.filter(warning).map((b) => {
    const r = b.getBoundingClientRect(), block = b.parentElement;
    const left = block.getBoundingClientRect().left + parseFloat(getComputedStyle(block).paddingLeft);
    const mates = buttons.filter((o) => o !== b && !warning(o) && !o.closest('.ecp-h')).filter((o) => {
      const q = o.getBoundingClientRect();
      return q.top < r.bottom - 1 && r.top < q.bottom - 1;
    }).map((o) => o.textContent.trim());
    return {name: b.textContent.trim(), mates, offset: Math.round(r.left - left)};
  });
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_warning_buttons_sit_in_a_row_of_their_own_at_the_left(make_tab, base_url, sid, lang):
    """The exercise's Clear and the scale's reset, on a laptop and a phone: each warning button is in
    a row of its own, below the others, at the left of its block like every other button."""
    with make_tab(viewport={"width": LAPTOP, "height": 900}) as tab:
        tab.goto(url(base_url, lang, page_path(sid, "exercise")), wait_until="load")
        tab.locator('[data-module="grid-exercise"][data-ready]').wait_for()
        tab.locator('[data-module="safety-scale"][data-ready]').wait_for()
        for width in (LAPTOP, ZOOMED, SMALL_PHONE):
            tab.set_viewport_size({"width": width, "height": 900})
            tab.wait_for_timeout(80)
            got = tab.evaluate(WARNING_ROW_JS)
            assert len(got) >= 2, got
            for b in got:
                assert b["mates"] == [], f"{width}px: {b['name']!r} shares its row with {b['mates']}"
                assert abs(b["offset"]) <= 1, f"{width}px: {b['name']!r} sits {b['offset']}px from the left of its block"

