"""Search-engine basics in the built HTML: a description of its own on every guidance page."""
from __future__ import annotations
import re


from helpers import DOCS

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def _pages(site):
    return [p for p in sorted(site.rglob("index.html")) if p.read_text(encoding="utf-8").startswith("<!doctype")]


def test_guidance_pages_have_their_own_description(site):
    for src in sorted(DOCS.rglob("*.md")):
        rel = src.relative_to(DOCS)
        if rel.parts[0] == "case-studies" or rel.name.startswith("index."):
            continue
        assert re.search(r"^description: .+", src.read_text(encoding="utf-8"), re.M), f"docs/{rel}: no description"
    for path in _pages(site):
        m = DESCRIPTION.search(path.read_text(encoding="utf-8"))
        assert m and m.group(1).strip(), f"{path.relative_to(site)}: no meta description"
