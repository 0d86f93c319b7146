"""The conference walk-through (issue 12): built pages, links, ids, and real Chromium in both languages."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from helpers import COPIED_SECOND, LANGS, SAMPLE_SCENARIO, copy_project, mkdocs_build, plain, read_built, refused, url
from macros import strings
from macros.views import grid_steps
from macros.loader import ScenarioError, load_all, load_file
from macros.model import STAGES
from macros.case_pages import page_path

SCENARIOS = sorted(load_all())
NEW_KINDS = ("walkthrough", "review", "documents")


def ids(html: str) -> list[str]:
    """The ids in the page's content (Material's own start with '__')."""
    body = html.split('<article class="md-content__inner', 1)[1]
    return [i for i in re.findall(r'\sid="([^"]+)"', body) if not i.startswith("__")]


def norm(text: str) -> str:
    """A scenario text as it reads on the page (its light Markdown dropped)."""
    return " ".join(re.sub(r"(\*\*|\*)(\S.*?\S|\S)\1", r"\2", text).split())


# ---------------------------------------------------------------- built HTML

@pytest.mark.parametrize("kind", NEW_KINDS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_every_case_study_has_the_page_in_both_languages_with_the_same_ids(site, sid, kind):
    en, cy = read_built(site, "en", page_path(sid, kind)), read_built(site, "cy", page_path(sid, kind))
    assert 'lang="en"' in en and 'lang="cy"' in cy
    en_ids = [i for i in ids(en) if not i.startswith("__")]
    cy_ids = [i for i in ids(cy) if not i.startswith("__")]
    assert en_ids == cy_ids
    assert len(en_ids) == len(set(en_ids)), [i for i in en_ids if en_ids.count(i) > 1]
    assert len(en_ids) > 5


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_new_pages_are_linked_from_the_case_study_index_nav_and_conference_page(site, sid, lang):
    prefix = site / "cy" if lang == "cy" else site
    case = read_built(site, lang, page_path(sid, "exercise"))
    index = (prefix / "case-studies" / "index.html").read_text(encoding="utf-8")
    conference = (prefix / "practice" / "conference" / "index.html").read_text(encoding="utf-8")
    assert 'id="walk-through"' in conference
    for kind in NEW_KINDS:
        assert f'href="{kind}/"' in case, kind  # from the case study's own page
        assert f'href="{sid}/{kind}/"' in index, kind
        assert f'href="../../case-studies/{sid}/{kind}/"' in conference, kind
        label = strings.t(f"case.open_{kind}", lang)
        assert label in plain(case)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_walkthrough_has_nine_stages_in_order_each_with_story_and_notes(site, sid, lang):
    s = load_all()[sid]
    page = read_built(site, lang, page_path(sid, "walkthrough"))
    positions = [page.index(f'id="stage-{key}"') for key in STAGES]
    assert positions == sorted(positions) and len(STAGES) == 9
    for i, key in enumerate(STAGES):
        section = plain(page[positions[i]: positions[i + 1] if i + 1 < len(STAGES) else None])
        stage = getattr(s.conference.stages, key)
        assert norm(stage.story[lang]) in section, key
        assert norm(stage.watch[lang]) in section, key
        assert strings.t(f"walk.note_{key}", lang) in section, key
    # Staffordshire's timings say they are Staffordshire's.
    assert strings.t("walk.timings", lang) in plain(page[positions[0]:positions[1]])
    assert ("Staffordshire" if lang == "en" else "Swydd Stafford") in strings.t("walk.timings", lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_walkthrough_reuses_the_scenario_data(site, sid, lang):
    s = load_all()[sid]
    page = read_built(site, lang, page_path(sid, "walkthrough"))
    # The grid: every statement, once as a step and once on the flip charts, worries first.
    steps = re.findall(r'<li class="ecp-walk__step" id="grid-step-([a-z0-9-]+)" data-step="(\d+)"', page)
    assert [x for x, _ in steps] == [g["st"].id for g in grid_steps(s)]
    assert sorted(x for x, _ in steps) == sorted(st.id for st in s.statements)
    assert [int(n) for _, n in steps] == list(range(len(s.statements)))
    assert page.count("data-board=") == len(s.statements)
    # The safety scale: direction said aloud, parents first.
    scale = page.split('id="stage-scale"', 1)[1].split('id="stage-decision"', 1)[0]
    assert strings.t("scale.direction", lang) in plain(scale)
    parents, pros = scale.split('id="walk-scale-professionals"', 1)
    for v in s.safety_scale:
        assert (norm(v.reason[lang]) in plain(parents)) == (v.kind == "parent"), v.who.en
        assert (norm(v.reason[lang]) in plain(pros)) == (v.kind == "professional"), v.who.en
    # Areas of change, the plan, the decision.
    text = plain(page)
    for area in s.areas_of_change:
        for field in (area.not_good_enough, area.good_enough, area.contingency, area.checked):
            assert norm(field[lang]) in text
        for step in area.steps:
            assert norm(step.text[lang]) in text
    assert norm(s.conference.decision.reason[lang]) in text
    for r in s.rewrites:
        if r.both_parents:
            assert norm(r.both_parents[lang]) in text


def test_grid_steps_put_worries_first_then_positives_grey_areas_changes():
    order = {"worry-concern": 0, "worry-impact": 0, "working-well": 1, "grey-area": 2, "needs-to-change": 3}
    for s in load_all().values():
        cols = [order[g["domain"]] for g in grid_steps(s)]
        assert cols == sorted(cols)


# ---------------------------------------------------------------- broken and new scenarios

@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("project"))


MISSING = [
    (("conference",), "conference: required field is missing"),
    (("conference", "stages", "plan"), "conference.stages.plan: required field is missing"),
    (("conference", "report", "agency", "cy"), "conference.report.agency: missing Welsh text (cy)"),
    # Items count from 1 and are named by their id ({area} is filled in from the sample file).
    (("areas_of_change", 1, "review"), "areas_of_change 2 (id: {area}).review: required field is missing"),
    (("areas_of_change", 0, "ratings", 2, "evidence"), "areas_of_change 1 (id: {area}).ratings 3.evidence: required field is missing"),
]


def _without(field) -> str:
    data = yaml.safe_load(SAMPLE_SCENARIO.read_text(encoding="utf-8"))
    node = data
    for part in field[:-1]:
        node = node[part]
    del node[field[-1]]
    return yaml.safe_dump(data, allow_unicode=True)


@pytest.mark.parametrize("field, expected", MISSING)
def test_a_scenario_missing_a_new_field_is_refused_naming_file_and_field(tmp_path, field, expected):
    path = tmp_path / "broken.yml"
    path.write_text(_without(field), encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_file(path)
    sample = yaml.safe_load(SAMPLE_SCENARIO.read_text(encoding="utf-8"))
    area = sample[field[0]][field[1]]["id"] if len(field) > 1 and isinstance(field[1], int) else ""
    assert f"{path}: {expected.format(area=area)}" in str(e.value)


def test_a_scenario_missing_a_new_field_fails_the_build_naming_file_and_field(project, tmp_path):
    """The build stops on what the loader refuses (above), naming the file from the project."""
    field, expected = MISSING[0]
    (project / "scenarios" / "broken.yml").write_text(_without(field), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    (project / "scenarios" / "broken.yml").unlink()
    assert result.returncode != 0
    assert f"scenarios/broken.yml: {expected}" in result.stdout + result.stderr


def test_a_copied_scenario_gets_all_its_conference_pages(variant):
    site = variant
    for lang, prefix in (("en", site), ("cy", site / "cy")):
        for kind in NEW_KINDS:
            page = prefix / "case-studies" / COPIED_SECOND / kind / "index.html"
            assert page.exists(), page
            assert f'lang="{lang}"' in page.read_text(encoding="utf-8")
        conference = (prefix / "practice" / "conference" / "index.html").read_text(encoding="utf-8")
        assert f'href="../../case-studies/{COPIED_SECOND}/walkthrough/"' in conference
        case = (prefix / "case-studies" / COPIED_SECOND / "index.html").read_text(encoding="utf-8")
        assert 'href="documents/"' in case


# ---------------------------------------------------------------- real Chromium

def status(page) -> str:
    return page.locator("[data-module=conference-walkthrough] [data-status]").text_content()


def visible_steps(page) -> list[str]:
    return page.eval_on_selector_all(".ecp-walk__step", "els => els.filter(e => !e.hidden).map(e => e.id)")


def test_without_javascript_every_step_is_shown_in_order(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    s = load_all()["teulu-hughes"]
    page.goto(url(base_url, "cy", page_path("teulu-hughes", "walkthrough")))
    shown = visible_steps(page)
    assert shown == [f"grid-step-{g['st'].id}" for g in grid_steps(s)]
    assert page.locator(".ecp-walk__step").first.is_visible() and page.locator(".ecp-walk__step").last.is_visible()
    assert not page.locator("[data-go=next]").is_visible()  # the buttons need the module
    assert page.locator("[data-board]").last.is_visible()  # the finished flip charts
    ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_alone_steps_forward_and_back_announces_and_survives_reload(page, base_url, axe, lang):
    sid = "teulu-ellis"
    s = load_all()[sid]
    order = grid_steps(s)
    page.goto(url(base_url, lang, page_path(sid, "walkthrough")))
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("[data-module=conference-walkthrough][data-ready]")
    assert visible_steps(page) == [f"grid-step-{order[0]['st'].id}"]
    assert page.locator("[data-board]:visible").count() == 1
    assert axe(page) == [], "first step"
    # Tab to "Next", then press Enter, Space and the arrow keys only.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.go === 'next'"):
            break
    else:
        raise AssertionError("Tab never reached the Next button")
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    assert visible_steps(page) == [f"grid-step-{order[3]['st'].id}"]
    want = strings.t("walk.announce", lang, n=4, total=len(order),
                     column=strings.t("domain." + order[3]["domain"], lang),  # the label the page shows
                     text=order[3]["st"].text[lang])
    assert status(page) == want
    assert page.get_attribute("[data-module=conference-walkthrough] [role=status]", "aria-live") == "polite"
    page.keyboard.press("ArrowLeft")
    assert visible_steps(page) == [f"grid-step-{order[2]['st'].id}"]
    assert status(page).startswith(strings.t("walk.count", lang, n=3, total=len(order)).split(" 3")[0])
    assert page.locator("[data-board]:visible").count() == 3
    assert page.locator("[data-board][aria-current=step]").count() == 1
    assert axe(page) == [], "middle step"
    # The step survives a reload (and is shared by both languages of the case study).
    page.reload()
    page.wait_for_selector("[data-module=conference-walkthrough][data-ready]")
    assert visible_steps(page) == [f"grid-step-{order[2]['st'].id}"]
    assert json.loads(page.evaluate(f"localStorage.getItem('ecp:walk:{sid}')")) == {"step": 2}
    # The last step: End key; Next does nothing more and says so to assistive tech.
    page.focus("[data-go=next]")
    page.keyboard.press("End")
    assert visible_steps(page) == [f"grid-step-{order[-1]['st'].id}"]
    assert page.get_attribute("[data-go=next]", "aria-disabled") == "true"
    page.keyboard.press("Enter")
    assert visible_steps(page) == [f"grid-step-{order[-1]['st'].id}"]
    assert page.locator("[data-board]:visible").count() == len(order)
    assert axe(page) == [], "last step"
    page.keyboard.press("Home")
    assert page.get_attribute("[data-go=prev]", "aria-disabled") == "true"
    assert axe(page) == [], "back at the first step"
    assert page.errors == []
    assert page.requests.external() == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", SCENARIOS)
def test_walkthrough_is_axe_clean_on_desktop_and_phone(browser, base_url, axe, sid, lang):
    for viewport in ({"width": 1280, "height": 900}, {"width": 375, "height": 800}):
        ctx = browser.new_context(viewport=viewport, service_workers="block")
        page = ctx.new_page()
        page.goto(url(base_url, lang, page_path(sid, "walkthrough")))
        page.wait_for_selector("[data-module=conference-walkthrough][data-ready]")
        assert axe(page) == [], viewport
        overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
        assert not overflow, f"{sid} {lang} scrolls sideways at {viewport['width']}px"
        ctx.close()


def test_a_link_to_a_statement_opens_the_walkthrough_at_that_step(page, base_url):
    s = load_all()["teulu-pritchard"]
    target = grid_steps(s)[5]["st"].id
    page.goto(url(base_url, "en", page_path("teulu-pritchard", "walkthrough")) + f"#grid-step-{target}")
    page.wait_for_selector("[data-module=conference-walkthrough][data-ready]")
    assert visible_steps(page) == [f"grid-step-{target}"]


# ---------------------------------------------------------------- the model's checks

def _hughes() -> dict:
    return yaml.safe_load(SAMPLE_SCENARIO.read_text(encoding="utf-8"))




def test_every_case_study_needs_an_area_of_compliance_without_change(tmp_path):
    data = _hughes()
    for area in data["areas_of_change"]:  # a record that supports real change everywhere
        for seen in area["review"]["seen"]:
            seen["result"] = "met"
        area["review"]["judgement"] = "change"
    assert "ty-ni.yml: areas_of_change: at least one area must show compliance without change" in refused(tmp_path, data)


def test_a_report_shared_too_late_names_staffordshires_model(tmp_path):
    data = _hughes()
    data["conference"]["report"]["shared"] = "2026-06-01"
    msg = refused(tmp_path, data)
    assert "ty-ni.yml: conference: report.shared: share the report at least 2 working days" in msg
    assert "Staffordshire" in msg


def test_ratings_must_run_from_the_initial_to_the_review_conference(tmp_path):
    data = _hughes()
    data["areas_of_change"][0]["ratings"][-1]["at"] = "core-group"
    area = data["areas_of_change"][0]["id"]
    assert f"ty-ni.yml: areas_of_change 1 (id: {area}).ratings: the last rating must be at the review conference" in refused(tmp_path, data)
    data = _hughes()
    data["areas_of_change"][1]["ratings"][0]["date"] = "2026-06-03"
    assert "the initial conference rating is dated 2026-06-03, the conference 2026-06-02" in refused(tmp_path, data)


def test_invitation_names_people_from_the_file(tmp_path):
    data = _hughes()
    data["conference"]["invitation"]["to"] = ["sian", "nobody"]
    assert "ty-ni.yml: conference.invitation.to 2: no person with id 'nobody' in people" in refused(tmp_path, data)


def test_welsh_names_take_ac_before_a_vowel():
    from macros.views import join_names

    assert join_names(["Rhian", "Aled"], "cy") == "Rhian ac Aled"
    assert join_names(["Siân", "Gareth"], "cy") == "Siân a Gareth"
    assert join_names(["Siân", "Gareth"], "en") == "Siân and Gareth"
