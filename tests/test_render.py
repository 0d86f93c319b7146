"""Any component renders on its own: no template depends on another module having been imported
first or on a plugin having registered helpers (a fresh interpreter, no MkDocs build)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.unit

SCRIPT = """
import sys
from macros.case_pages import KINDS, scenario_index, scenario_page
from macros.loader import load_all
from macros.render import render
for lang in ("en", "cy"):
    print(len(scenario_index(lang, "case-studies/")))
    for sid in load_all():
        for kind in KINDS:
            html = scenario_page(sid, kind, lang, f"case-studies/{sid}/")
            assert html.strip(), (sid, kind, lang)
    print(len(render("plan-checker", lang, "plans/checker/")))
    print(len(render("steps-workbook", lang, "steps/workbook/")))
print("ok")
"""


def test_case_pages_and_components_render_in_a_fresh_interpreter():
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")


def test_component_templates_are_not_in_the_theme_folder():
    """overrides/ is Material's frame only; a component template there would be rendered
    without autoescaping."""
    components = {p.name for p in (ROOT / "macros" / "components").glob("*/*.html")}
    overrides = {p.name for p in (ROOT / "overrides").rglob("*.html")}
    assert components and not components & overrides


def test_the_readme_lists_every_component_folder_and_each_has_its_readme():
    """The README's component table is the index: one row per folder under macros/components/,
    linking that folder's README."""
    import re
    folders = {p.name for p in (ROOT / "macros" / "components").iterdir() if p.is_dir() and p.name != "__pycache__"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \[([a-z-]+)\]\(macros/components/([a-z-]+)/README\.md\)", readme, re.M)
    assert {name for name, _ in rows} == folders
    assert all(name == folder for name, folder in rows)
    assert all((ROOT / "macros" / "components" / f / "README.md").is_file() for f in folders)
