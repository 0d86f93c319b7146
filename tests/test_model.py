"""The scenario schema and its error messages: file, field path, what is wrong."""
import os
from pathlib import Path

import pytest
import yaml

from helpers import SAMPLE_SCENARIO
from macros.loader import ScenarioError, load_all, load_file
from macros.model import Scenario, Workbook
from macros.schema import OUT, schema_text

SAMPLE = SAMPLE_SCENARIO


def sample() -> dict:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def write(tmp_path, data, name="ty-ni.yml") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def problems(path: Path) -> str:
    with pytest.raises(ScenarioError) as e:
        load_file(path)
    return str(e.value)


def test_every_committed_scenario_is_valid():
    scenarios = load_all()
    assert "teulu-hughes" in scenarios
    assert all(isinstance(s, Scenario) for s in scenarios.values())


def test_more_than_three_areas_names_file_field_and_count(tmp_path):
    data = sample()
    area = data["areas_of_change"][0]
    data["areas_of_change"] = [dict(area, id=f"a{i}") for i in range(4)]
    msg = problems(write(tmp_path, data))
    assert "ty-ni.yml: areas_of_change: at most three areas of change (found 4)" in msg


def test_missing_welsh_text_is_named(tmp_path):
    data = sample()
    del data["statements"][2]["text"]["cy"]
    msg = problems(write(tmp_path, data))
    # Items count from 1, as an author counts them, and are named by their id.
    assert f"ty-ni.yml: statements 3 (id: {data['statements'][2]['id']}).text: missing Welsh text (cy)" in msg


def test_blank_welsh_text_is_missing(tmp_path):
    data = sample()
    data["title"]["cy"] = "   "
    assert "title: missing Welsh text (cy)" in problems(write(tmp_path, data))


def test_plain_string_instead_of_both_languages(tmp_path):
    data = sample()
    data["summary"] = "English only"
    assert "summary: needs both languages" in problems(write(tmp_path, data))


def test_unknown_domain_lists_the_allowed_ones(tmp_path):
    data = sample()
    data["statements"][0]["domain"] = "worries"
    msg = problems(write(tmp_path, data))
    assert f"statements 1 (id: {data['statements'][0]['id']}).domain: unknown domain 'worries'" in msg
    assert "grey-area" in msg and "needs-to-change" in msg


def test_duplicate_statement_id(tmp_path):
    data = sample()
    data["statements"][1]["id"] = data["statements"][0]["id"]
    msg = problems(write(tmp_path, data))
    assert f"statements: duplicate statement id '{data['statements'][0]['id']}'" in msg


def test_empty_file(tmp_path):
    assert problems(write(tmp_path, "")).endswith("ty-ni.yml: the file is empty")


def test_invalid_yaml_reports_the_line(tmp_path):
    msg = problems(write(tmp_path, "title:\n  en: A\n  cy: B\nsummary: [unclosed\n"))
    assert "invalid YAML" in msg and "line 5" in msg


def test_duplicate_key_is_reported_with_line(tmp_path):
    msg = problems(write(tmp_path, "title: {en: A, cy: B}\ntitle: {en: C, cy: D}\n"))
    assert "duplicate key 'title'" in msg and "line 2" in msg


def test_unknown_field_is_named(tmp_path):
    data = sample()
    data["statements"][0]["explaination"] = data["statements"][0]["explanation"]
    assert f"statements 1 (id: {data['statements'][0]['id']}).explaination: unknown field" in problems(write(tmp_path, data))


def test_id_inside_the_file_is_refused(tmp_path):
    data = sample()
    data["id"] = "something-else"
    assert "the file name 'ty-ni' is the id" in problems(write(tmp_path, data))


def test_file_name_must_be_a_valid_id(tmp_path):
    assert "must be lower-case" in problems(write(tmp_path, sample(), name="Ty Ni.yml"))


def test_score_out_of_range(tmp_path):
    data = sample()
    data["safety_scale"][0]["score"] = 11
    assert "safety_scale 1.score: 11 is out of range" in problems(write(tmp_path, data))


def test_every_problem_in_every_file_is_reported(tmp_path):
    write(tmp_path, "", name="a.yml")
    data = sample()
    data["themes"] = ["cooking"]
    write(tmp_path, data, name="b.yml")
    with pytest.raises(ScenarioError) as e:
        load_all(tmp_path)
    assert any(p.startswith("a.yml") or "a.yml" in p for p in e.value.problems)
    assert any("b.yml: themes 1" in p for p in e.value.problems)


def test_workbook_shares_the_area_model():
    s = load_all()["teulu-hughes"]
    area = s.areas_of_change[0]
    wb = Workbook.model_validate({
        "format": "ecp-steps-workbook", "version": 1, "name": "Test", "lang": "en", "updated": "2026-11-22",
        "areas": [{
            "name": area.name.en, "not_good_enough": area.not_good_enough.en, "good_enough": area.good_enough.en,
            "contingency": area.contingency.en,
            "steps": [{"text": st.text.en, "who": st.who.en, "by": st.by.en} for st in area.steps],
            "ratings": [{"date": r.date.isoformat(), "meeting": r.meeting.en, "family": r.family,
                         "professionals": r.professionals, "moved": r.moved.en} for r in area.ratings],
        }],
    })
    assert wb.areas[0].ratings[0].family == area.ratings[0].family


def test_json_schema_file_is_up_to_date():
    assert OUT.read_text(encoding="utf-8") == schema_text(), "run `make schema`"


def test_scenarios_are_validated_once_until_a_file_changes(tmp_path, monkeypatch):
    import macros.loader as loader

    write(tmp_path, sample(), name="ty-ni.yml")
    calls = []
    real = loader._read
    monkeypatch.setattr(loader, "_read", lambda p: calls.append(p.name) or real(p))
    load_all(tmp_path)
    load_all(tmp_path)
    assert calls == ["ty-ni.yml"]
    data = sample()
    data["title"]["en"] = "Changed title"
    path = write(tmp_path, data, name="ty-ni.yml")
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)  # a visible change even on coarse clocks
    assert load_all(tmp_path)["ty-ni"].title.en == "Changed title"
    (tmp_path / "ty-ni.yml").unlink()
    assert load_all(tmp_path) == {}


def test_every_files_plans_go_to_the_checker_in_one_node_run(tmp_path, monkeypatch):
    import macros.loader as loader
    import macros.plan_rules as plan_rules

    for i, name in enumerate(("teulu-un", "teulu-dau", "teulu-tri")):
        data = sample()
        data["title"]["en"] = f"Family {i}"
        for area in data["areas_of_change"]:
            for step in area["steps"]:
                step["by"]["en"] = f"{step['by']['en']} (week {i + 1})"
        write(tmp_path, data, name=f"{name}.yml")
    runs = []
    real = plan_rules._ask_node
    monkeypatch.setattr(plan_rules, "_SEEN", {})
    monkeypatch.setattr(plan_rules, "_ask_node", lambda lines: runs.append(len(lines)) or real(lines))
    loader._load_all.cache_clear()
    assert len(load_all(tmp_path)) == 3
    assert len(runs) == 1, runs
