"""Bad input at scale: huge files, huge lists and exponential YAML aliases are refused at once,
with a message that names the file and the limit. Each load runs in a subprocess with a timeout,
so a regression fails instead of hanging the suite."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from helpers import ROOT, SAMPLE_SCENARIO

LOAD = "import sys; from macros.loader import load_file, ScenarioError\n" \
       "try:\n    load_file(__import__('pathlib').Path(sys.argv[1]))\n" \
       "except ScenarioError as e:\n    print(e); sys.exit(3)\n"


def refused(path: Path) -> str:
    result = subprocess.run([sys.executable, "-c", LOAD, str(path)], cwd=ROOT, capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 3, result.stdout + result.stderr
    return result.stdout


def test_a_5_mb_file_is_refused(tmp_path):
    path = tmp_path / "ty-mawr.yml"
    path.write_text("title: {en: A, cy: B}\nsummary:\n  en: '" + "x" * 5_000_000 + "'\n  cy: B\n", encoding="utf-8")
    msg = refused(path)
    assert "ty-mawr.yml" in msg and "5.0 MB" in msg and "limit is 1 MB" in msg


def test_10000_statements_are_refused(tmp_path):
    data = yaml.safe_load(SAMPLE_SCENARIO.read_text(encoding="utf-8"))
    data["statements"] = [{"id": f"s{i}", "text": {"en": "A", "cy": "B"}, "domain": "worry-concern",
                           "explanation": {"en": "A", "cy": "B"}} for i in range(10_000)]
    path = tmp_path / "ty-llawn.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, default_flow_style=None), encoding="utf-8")
    assert path.stat().st_size < 1_000_000, "under the size limit, so the list limit is what refuses it"
    msg = refused(path)
    assert "ty-llawn.yml: statements: more than 200 items in one list (limit)" in msg


def test_exponential_aliases_are_refused(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    path = tmp_path / "chwerthin.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    msg = refused(path)
    assert "chwerthin.yml: line " in msg and "YAML aliases (*name) expand this file to more than 100,000 values (limit)" in msg


def test_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "dwfn.yml"
    path.write_text("title: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert "nested more than 30 deep" in refused(path)


def test_real_scenarios_are_within_the_limits():
    from macros.loader import load_all

    assert len(load_all()) >= 3


def test_a_few_aliases_are_fine(tmp_path):
    """Aliases within the limits are ordinary YAML (yaml.safe_dump writes them for shared values)."""
    from macros.loader import check_shape

    check_shape("a: &a {en: A, cy: B}\nb: *a\nc: [*a, *a]\n", "ok.yml")
