"""Where each scenario's generated pages live. URLs derive from the file name (the id)."""
from __future__ import annotations

# The first kind is the case study's own page; hooks.py generates every kind for every scenario.
KINDS = ("exercise", "walkthrough", "review", "documents", "rewrites", "steps")
FOLDER = "case-studies"


def source_name(sid: str, kind: str) -> str:
    """The Markdown path (without language suffix) under docs/."""
    return f"{FOLDER}/{sid}/index" if kind == "exercise" else f"{FOLDER}/{sid}/{kind}"


def page_path(sid: str, kind: str) -> str:
    """The site path of the page, as used in links ('case-studies/ty-ni/rewrites/')."""
    return f"{FOLDER}/{sid}/" if kind == "exercise" else f"{FOLDER}/{sid}/{kind}/"
