"""The review conference (issue 12): chart and table from the ratings, judgements with feedback."""
from __future__ import annotations

import json
import re

import pytest

from helpers import LANGS, plain, read_built, url
from macros import strings
from macros.loader import load_all
from macros.model import Judgement, Meeting
from macros.case_pages import page_path

SCENARIOS = sorted(load_all())


@pytest.mark.parametrize("sid", SCENARIOS)
def test_every_case_study_meets_compliance_without_change_and_real_change(sid):
    s = load_all()[sid]
    judgements = {a.review.judgement for a in s.areas_of_change}
    assert Judgement.compliance in judgements
    for area in s.areas_of_change:
        kinds = [r.at for r in area.ratings]
        assert kinds[0] == Meeting.initial and kinds[-1] == Meeting.review
        assert Meeting.core_group in kinds, "the review needs core groups in between"
        if area.review.judgement == Judgement.compliance:
            # Compliance: the family's rating climbs while the professionals' stays low.
            first, last = area.ratings[0], area.ratings[-1]
            assert last.family > first.family and last.professionals - first.professionals <= 1, area.id


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_each_area_has_a_chart_and_a_table_of_the_same_ratings(site, sid, lang):
    s = load_all()[sid]
    page = read_built(site, lang, page_path(sid, "review"))
    for area in s.areas_of_change:
        section = page.split(f'id="review-{area.id}"', 1)[1].split("</section>", 1)[0]
        svg = section.split("<svg", 1)[1].split("</svg>", 1)[0]
        assert 'role="img"' in svg and f'aria-labelledby="chart-{area.id}-t chart-{area.id}-d"' in svg
        desc = plain(svg.split("<desc", 1)[1].split("</desc>", 1)[0])
        assert ", ".join(str(r.family) for r in area.ratings) in desc
        assert ", ".join(str(r.professionals) for r in area.ratings) in desc
        assert svg.count("<circle") == len(area.ratings) and svg.count("<rect") == len(area.ratings)
        rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", section.split("<tbody>", 1)[1], re.S)
        assert len(rows) == len(area.ratings)
        for row, r in zip(rows, area.ratings):
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            assert [cells[0], cells[1]] == [str(r.family), str(r.professionals)]
            assert plain(r.meeting[lang]) in plain(row) and r.date.isoformat() in row
            assert " ".join(r.evidence[lang].split()) in plain(cells[2])
        # Native radios for the judgement, and the scenario's reason as the answer.
        radios = re.findall(rf'<input type="radio" id="judge-{area.id}-([\w-]+)" name="judge-{area.id}"', section)
        assert radios == ["change", "compliance", "not-yet"]
        # The answer shows the record the judgement follows from: each sign, what was seen.
        record = re.findall(r'<tr data-sign="([a-z0-9-]+)" data-result="([a-z-]+)">', section)
        assert record == [(x.sign, x.result.value) for x in area.review.seen]
        for x in area.review.seen:
            assert " ".join(x.evidence[lang].split()) in plain(section)
        assert f'data-answer="{area.review.judgement.value}"' in page
        assert " ".join(area.review.reason[lang].split()) in plain(section)


@pytest.mark.parametrize("lang", LANGS)
def test_judging_gives_feedback_survives_reload_and_is_axe_clean(page, base_url, axe, lang):
    sid = "teulu-hughes"
    s = load_all()[sid]
    page.goto(url(base_url, lang, page_path(sid, "review")))
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("[data-module=review-conference][data-ready]")
    details = page.locator("[data-answer-details]")
    assert details.first.is_hidden(), "the answer waits for the learner's judgement"
    assert axe(page) == [], "before judging"
    right_area, wrong_area = s.areas_of_change[0], s.areas_of_change[1]
    # Keyboard only: tab to the first area's radios and choose with arrow keys.
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.name === 'judge-{right_area.id}'"):
            break
    else:
        raise AssertionError("Tab never reached the judgement")
    want = right_area.review.judgement.value
    if page.evaluate("document.activeElement.value") != want:
        page.keyboard.press("ArrowDown")
    else:
        page.keyboard.press("Space")
    feedback = page.locator(f"#judge-{right_area.id}-feedback")
    assert feedback.text_content().startswith(strings.t("review.right", lang))
    assert " ".join(right_area.review.reason[lang].split())[:40] in feedback.text_content()
    assert feedback.get_attribute("aria-live") == "polite"
    # The other area, judged the wrong way.
    wrong = "change" if wrong_area.review.judgement.value == "compliance" else "compliance"
    page.check(f"#judge-{wrong_area.id}-{wrong}")
    assert page.locator(f"#judge-{wrong_area.id}-feedback").text_content().startswith(strings.t("review.not_yet", lang))
    assert axe(page) == [], "after judging"
    page.reload()
    page.wait_for_selector("[data-module=review-conference][data-ready]")
    assert page.is_checked(f"#judge-{right_area.id}-{want}") and page.is_checked(f"#judge-{wrong_area.id}-{wrong}")
    assert page.locator(f"section#review-{right_area.id} [data-answer-details]").is_visible()
    stored = json.loads(page.evaluate(f"localStorage.getItem('ecp:review:{sid}')"))
    assert stored == {right_area.id: want, wrong_area.id: wrong}
    page.click("[data-action=reset]")
    assert page.evaluate(f"localStorage.getItem('ecp:review:{sid}')") is None
    assert details.first.is_hidden()
    assert axe(page) == [], "after clearing"
    assert page.errors == [] and page.requests.external() == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_review_page_is_axe_clean_on_phone_and_fits(browser, base_url, axe, sid, lang):
    ctx = browser.new_context(viewport={"width": 375, "height": 800}, service_workers="block")
    page = ctx.new_page()
    page.goto(url(base_url, lang, page_path(sid, "review")))
    page.wait_for_selector("[data-module=review-conference][data-ready]")
    assert axe(page) == []
    assert not page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    ctx.close()


def test_without_javascript_the_answers_are_in_details(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(url(base_url, "cy", page_path("teulu-ellis", "review")))
    s = load_all()["teulu-ellis"]
    assert page.locator("[data-answer-details]").count() == len(s.areas_of_change)
    assert page.locator("[data-answer-details]").first.is_visible()
    assert page.locator("svg[role=img]").count() == len(s.areas_of_change)  # the chart needs no script
    ctx.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_the_review_ends_with_its_decision_and_reasons(site, sid, lang):
    s = load_all()[sid]
    out = s.conference.review_outcome
    page = read_built(site, lang, page_path(sid, "review"))
    section = page.split('id="review-outcome"', 1)[1].split("</section>", 1)[0]
    assert f'data-outcome="{out.decision.value}"' in page
    text = plain(section)
    assert strings.t(f"review.outcome_{out.decision.value}", lang) in text
    assert " ".join(out.reason[lang].split()) in text
