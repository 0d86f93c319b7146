"""Writing a case study without a developer: the scaffold (`make new-case`), the quick check
(`make check-case`), the messages a new author meets, and the rules written where authors look
(the model's field descriptions, hence the JSON schema)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros import loader
from macros.loader import PLACEHOLDER, ScenarioError, load_file
from macros.model import Scenario
from macros.new_case import skeleton

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "fixtures" / "unseen"


def unseen_family() -> tuple[str, dict]:
    """The fixture family no test names (whatever its id is)."""
    path = next(UNSEEN.glob("*.yml"))
    return path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))


def fill(skel, full):
    """The skeleton with every placeholder replaced by the full family's value at the same place;
    lists are taken whole (a family has as many items as it needs)."""
    if isinstance(skel, dict):
        out = {}
        for key, value in skel.items():
            if key in full:
                out[key] = fill(value, full[key])
            else:
                assert not loader.placeholders(value), f"{key}: the family has no such field"
        return out
    if isinstance(skel, list):
        return full
    if isinstance(skel, str) and skel.startswith(PLACEHOLDER):
        return full
    return skel


def write(tmp_path: Path, sid: str, text: str) -> Path:
    path = tmp_path / f"{sid}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as e:
        load_file(path)
    return e.value.problems


# --- the scaffold ------------------------------------------------------------------------

def test_scaffold_has_the_schema_hint_and_every_field_of_the_model(tmp_path):
    text = skeleton("teulu-jones")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=./scenario.schema.json"
    data = yaml.safe_load(text)
    required = {n for n, f in Scenario.model_fields.items() if f.is_required()}
    assert required <= set(data), required - set(data)
    # Every text has both languages, as placeholders.
    assert set(data["title"]) == {"en", "cy"} and all(v.startswith(PLACEHOLDER) for v in data["title"].values())


def test_scaffold_comments_come_from_the_models_descriptions():
    text = skeleton("teulu-jones")
    for name, field in Scenario.model_fields.items():
        assert field.description, f"Scenario.{name} has no description"
        first_words = " ".join(field.description.split()[:4])
        assert first_words in " ".join(ln.lstrip("# ") for ln in text.splitlines() if ln.lstrip().startswith("#")), name


def test_the_loader_refuses_the_scaffold_and_lists_the_fields_left(tmp_path):
    found = problems(write(tmp_path, "teulu-jones", skeleton("teulu-jones")))
    assert len(found) == 1
    assert "fields still to write" in found[0] and "title.en" in found[0] and "title.cy" in found[0]
    # Nearly done: every field left is named.
    _, full = unseen_family()
    data = fill(yaml.safe_load(skeleton("teulu-jones")), full)
    data["summary"]["cy"] = PLACEHOLDER + " summary"
    data["statements"][2]["text"]["en"] = PLACEHOLDER + " text"
    found = problems(write(tmp_path, "teulu-jones", yaml.safe_dump(data, allow_unicode=True)))
    sid = full["statements"][2]["id"]
    assert found == [f"{tmp_path.name}/teulu-jones.yml: 2 fields still to write (they start with TODO): "
                     f"summary.cy, statements 3 (id: {sid}).text.en"] or (
        "summary.cy" in found[0] and f"statements 3 (id: {sid}).text.en" in found[0]), found


def test_the_scaffold_filled_from_a_family_is_a_valid_case(tmp_path):
    _, full = unseen_family()
    data = fill(yaml.safe_load(skeleton("teulu-jones")), full)
    assert not loader.placeholders(data)
    load_file(write(tmp_path, "teulu-jones", yaml.safe_dump(data, allow_unicode=True)))


def test_new_case_refuses_to_overwrite_and_a_bad_id(tmp_path):
    run = lambda *a: subprocess.run([sys.executable, "-m", "macros.new_case", *a], cwd=ROOT,
                                    capture_output=True, text=True)
    existing = next((ROOT / "scenarios").glob("*.yml")).stem
    assert run(existing).returncode == 1
    assert run("Teulu Jones").returncode == 2


# --- the quick check ---------------------------------------------------------------------

def check_case(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.check_case", str(path)], cwd=ROOT,
                          capture_output=True, text=True)


def test_check_case_passes_a_valid_family_and_loads_no_site_builder(tmp_path):
    sid, full = unseen_family()
    path = write(tmp_path, sid, yaml.safe_dump(full, allow_unicode=True))
    result = check_case(path)
    assert result.returncode == 0 and "no problems found" in result.stdout, result.stdout + result.stderr
    # Quick because it never imports MkDocs or the page machinery.
    probe = subprocess.run([sys.executable, "-c", (
        "import sys, runpy; sys.argv = ['check_case', sys.argv[1]]\n"
        "try:\n    runpy.run_module('macros.check_case', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'jinja2')))"), str(path)],
        cwd=ROOT, capture_output=True, text=True)
    assert probe.stdout.strip().splitlines()[-1] == "[]", probe.stdout + probe.stderr


def test_check_case_names_file_field_item_and_what_to_write(tmp_path):
    sid, full = unseen_family()
    data = json.loads(json.dumps(full, default=str))
    del data["statements"][1]["text"]["cy"]
    data["conference"]["report"]["shared"] = "26/3/2026"
    result = check_case(write(tmp_path, sid, yaml.safe_dump(data, allow_unicode=True)))
    assert result.returncode == 1
    second = data["statements"][1]["id"]
    assert f"{sid}.yml: statements 2 (id: {second}).text: missing Welsh text (cy)" in result.stdout
    assert "conference.report.shared: '26/3/2026' is not a date: write it as YYYY-MM-DD" in result.stdout
    assert "2 problems to fix" in result.stdout


@pytest.mark.parametrize("text, words", [
    ("title:\n  en: Note: this matters\n  cy: Nodyn\n", "put the whole text in double quotes"),
    ("title: {en: Note: this, cy: Nodyn}\n", "Put each text in double quotes"),
    ("title:\n\ten: A\n", "indent with spaces only"),
    ('title:\n  en: "unfinished\n  cy: B\n', "close it with the same quote"),
    ("title:\n  en: A\n cy: B\n", "indentation does not line up"),
])
def test_yaml_slips_are_explained_in_plain_words(tmp_path, text, words):
    found = problems(write(tmp_path, "ty-ni", text))
    assert "line " in found[0] and words in found[0], found


def test_a_comma_in_a_one_line_text_is_explained(tmp_path):
    sid, full = unseen_family()
    rest = {k: v for k, v in json.loads(json.dumps(full, default=str)).items() if k != "title"}
    raw = "title: {en: The Jones family, Bala, cy: Teulu Jones, Y Bala}\n" + yaml.safe_dump(rest, allow_unicode=True)
    found = problems(write(tmp_path, sid, raw))
    assert any(": title: a comma inside {en: ..., cy: ...}" in p for p in found), found


# --- rules where authors look ------------------------------------------------------------

def _schema_fields(schema: dict):
    defs = schema.get("$defs", {})
    for name, node in [("Scenario", schema), *defs.items()]:
        for field, spec in (node.get("properties") or {}).items():
            yield name, field, spec


def test_every_field_in_the_json_schema_says_what_to_write():
    schema = json.loads((ROOT / "scenarios" / "scenario.schema.json").read_text(encoding="utf-8"))
    missing = [f"{m}.{f}" for m, f, spec in _schema_fields(schema)
               if not spec.get("description") and m not in ("Text",)]
    assert not missing, "fields without a description in the schema: " + ", ".join(missing)


def test_the_content_rules_are_in_the_descriptions():
    """The rules the tests and the model apply are written where an author hovers."""
    d = {name: f.description or "" for name, f in Scenario.model_fields.items()}
    assert "14" in d["statements"] and "2 grey areas" in d["statements"]
    assert "8 words" in d["safety_scale"]
    assert "compliance" in d["areas_of_change"] and "three" in d["areas_of_change"]
