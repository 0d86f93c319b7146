"""The road after MkDocs 1.6: the site also builds with ProperDocs (the maintained drop-in that
keeps the plugin interface), strictly, with the same pages in both languages."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.built


def pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html")}


def test_properdocs_builds_the_same_pages(site, tmp_path):
    pytest.importorskip("properdocs", reason="properdocs is in requirements-test.txt")
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert pages(out) == pages(site)
    welsh = [p for p in pages(out) if p.startswith("cy/")]
    assert len(welsh) > 20
    for rel in welsh:
        text = (out / rel).read_text(encoding="utf-8")
        assert re.search(r'<html[^>]*\blang="cy"', text), rel
