"""The scenario model's practice rules: each broken on purpose in a copy of a real case, and refused
with the file, the field and the rule. Rules, not the families' texts: any valid case passes."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from helpers import refused
from macros.loader import load_all, load_file
from macros.model import Judgement, derived_judgement, Seen

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.unit


def case(sid: str = "teulu-pritchard") -> dict:
    return yaml.safe_load((ROOT / "scenarios" / f"{sid}.yml").read_text(encoding="utf-8"))




def with_risk(data) -> tuple[dict, str]:
    """Mark the first person who is not a child in the home as posing a risk (any case works)."""
    pid = data["people"][0]["id"]
    data["people"][0]["poses_risk"] = True
    return data, pid


# Restricted information and a person who poses a risk ------------------------------------------------

def test_a_report_carrying_restricted_information_is_refused_for_a_person_who_poses_a_risk(tmp_path):
    data, pid = with_risk(case("teulu-hughes"))
    st = next(st for st in data["statements"] if st["domain"] == "working-well")
    st["text"]["restricted"] = True
    c = data["conference"]
    c["report"]["shared_with"] = [pid]
    c["report"]["shared_without_restricted"] = []
    msg = refused(tmp_path, data)
    i = data["statements"].index(st)
    assert f"ty-ni.yml: conference.report.shared_with.0: '{pid}' poses a risk (people.0.poses_risk)" in msg
    assert f"statements.{i}.text, marked restricted" in msg and "shared_without_restricted" in msg


def test_decisions_and_minutes_with_a_safety_plan_are_refused_for_a_person_who_poses_a_risk(tmp_path):
    data, pid = with_risk(case("teulu-hughes"))
    data["areas_of_change"][0]["contingency"]["restricted"] = True
    data["conference"]["sent_to"] = [pid]
    msg = refused(tmp_path, data)
    assert f"ty-ni.yml: conference.sent_to.0: '{pid}' poses a risk" in msg
    assert "areas_of_change.0.contingency, marked restricted" in msg and "sent_without_restricted" in msg


def test_the_closed_part_of_the_minutes_never_goes_to_a_person_who_poses_a_risk(tmp_path):
    data, pid = with_risk(case("teulu-hughes"))
    data["conference"]["minutes"]["closed"] = {"en": "Heard without him.", "cy": "Clywyd hebddo."}
    data["conference"]["sent_to"] = [pid]
    assert "conference.minutes.closed, marked restricted" in refused(tmp_path, data)


def test_the_copy_without_restricted_texts_may_go_to_a_person_who_poses_a_risk(tmp_path):
    data, pid = with_risk(case("teulu-hughes"))
    data["areas_of_change"][0]["contingency"]["restricted"] = True
    c = data["conference"]
    c["sent_to"] = [p for p in c["sent_to"] if p != pid]
    c["sent_without_restricted"] = [pid]
    path = tmp_path / "ty-ni.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load_file(path).people[0].poses_risk


# Timings from the Wales Safeguarding Procedures -------------------------------------------------------

def test_a_first_core_group_later_than_ten_working_days_is_refused_with_the_rule(tmp_path):
    data = case()
    c = data["conference"]
    late = c["date"] + dt.timedelta(days=21)
    c["core_groups"][0] = late
    msg = refused(tmp_path, data)
    assert "ty-ni.yml: conference: core_groups 1: the first core group meets within 10 working days" in msg
    assert "Wales Safeguarding Procedures" in msg


def test_core_groups_more_than_six_weeks_apart_are_refused(tmp_path):
    data = case()
    groups = data["conference"]["core_groups"]
    groups[1] = groups[0] + dt.timedelta(days=43)
    assert "conference: core_groups 2: core groups meet monthly and no more than 6 weeks apart" in refused(tmp_path, data)


def test_a_review_later_than_three_months_is_refused(tmp_path):
    data = case()
    c = data["conference"]
    c["review"] = c["date"] + dt.timedelta(days=100)
    assert "conference: review: the first review conference is within 3 months" in refused(tmp_path, data)


def test_a_decisions_summary_later_than_five_working_days_is_refused(tmp_path):
    data = case()
    c = data["conference"]
    c["decisions_sent"] = c["date"] + dt.timedelta(days=10)
    assert "conference: decisions_sent: the summary of decisions and the outline plan go out within 5 working days" in refused(tmp_path, data)


def test_a_registration_needs_its_category(tmp_path):
    data = case()
    data["conference"]["decision"]["categories"] = []
    assert "conference.decision: categories: say under which category" in refused(tmp_path, data)


def test_names_come_off_the_register_only_when_every_area_shows_change(tmp_path):
    data = case()
    out = data["conference"]["review_outcome"]
    out["decision"] = "deregister"
    out.pop("next_review", None)
    assert "conference.review_outcome.decision: the names come off the register only when every area" in refused(tmp_path, data)


# The review judgement and the recorded evidence -------------------------------------------------------

def test_a_judgement_the_record_does_not_support_is_refused_with_file_and_field(tmp_path):
    data = case()
    area = next(a for a in data["areas_of_change"] if a["review"]["judgement"] == "compliance")
    area["review"]["judgement"] = "change"
    i = data["areas_of_change"].index(area)
    msg = refused(tmp_path, data)
    assert (f"ty-ni.yml: areas_of_change {i + 1} (id: {area['id']}): review.judgement: 'change' is not what "
            "the recorded evidence supports") in msg
    assert "which is 'compliance'" in msg


def test_every_sign_of_good_enough_needs_a_record(tmp_path):
    data = case()
    data["areas_of_change"][0]["review"]["seen"].pop()
    first = data["areas_of_change"][0]["id"]
    assert (f"ty-ni.yml: areas_of_change 1 (id: {first}): review.seen: record what the review found for every sign"
            in refused(tmp_path, data))


@pytest.mark.parametrize("results, kept, expected", [
    (["met", "met"], True, "change"),
    (["met", "met"], False, "change"),
    (["not-met", "not-met"], True, "compliance"),
    (["not-met", "partly"], True, "not-yet"),
    (["met", "not-met"], True, "not-yet"),
    (["not-met", "not-met"], False, "not-yet"),
])
def test_the_judgement_follows_from_the_record(results, kept, expected):
    seen = [Seen(sign=f"s{i}", result=r, evidence={"en": "x", "cy": "x"}) for i, r in enumerate(results)]
    assert derived_judgement(seen, kept) == Judgement(expected)


def test_every_committed_case_s_judgements_follow_from_its_record():
    for sid, s in load_all().items():
        for area in s.areas_of_change:
            assert area.review.judgement == derived_judgement(area.review.seen, area.review.plan_kept), (sid, area.id)


# Plan actions: the plan checker's own rules -----------------------------------------------------------

def test_a_plan_step_with_no_person_is_refused_naming_the_field(tmp_path):
    data = case()
    data["areas_of_change"][0]["steps"][0]["who"] = {"en": "Parents", "cy": "Rhieni"}
    msg = refused(tmp_path, data)
    assert "ty-ni.yml: areas_of_change.0.steps.0.who.en: no named person" in msg
    assert "areas_of_change.0.steps.0.who.cy: no named person" in msg


def test_a_plan_step_with_vague_timing_is_refused_naming_the_field(tmp_path):
    data = case()
    data["areas_of_change"][0]["steps"][0]["by"] = {"en": "Ongoing", "cy": "Parhaus"}
    msg = refused(tmp_path, data)
    assert "areas_of_change.0.steps.0.by.en: vague wording 'ongoing'" in msg


def test_an_area_with_no_way_to_check_it_is_refused(tmp_path):
    data = case()
    data["areas_of_change"][0]["checked"] = {"en": "Everyone will be supported.", "cy": "Bydd pawb yn cael eu cefnogi."}
    assert "areas_of_change.0.checked.en: no way to check it" in refused(tmp_path, data)


def test_a_vague_rule_in_a_rewrite_is_refused_but_the_vague_line_is_exempt(tmp_path):
    data = case()
    data["rewrites"][0]["rules"][0]["text"]["en"] = "Parents will engage with services."
    msg = refused(tmp_path, data)
    assert "ty-ni.yml: rewrites.0.rules.0.text.en: the plan checker finds this rule vague" in msg
    assert "rewrites.0.vague" not in msg
