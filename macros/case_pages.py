"""Case-study pages: where each scenario's pages live, and their title and HTML, straight from
the validated model.

For every scenario, macros/hooks/case_studies.py writes one Markdown file per page kind under
docs/case-studies/ (git-ignored). Each holds only ids in its front matter and `render_macros:
false`, so no scenario text is ever Jinja or Markdown source; the hook then fills in the page's
title (escaped) and its body (autoescaped component templates, inserted after Markdown).
URLs derive from the scenario's file name (its id).
"""
from __future__ import annotations

from . import strings
from .loader import load_all

FOLDER = "case-studies"
INDEX = "index"  # the case-studies index page
# Page kinds in reading order, each with the component template that renders it. The first is
# the case study's own page.
KINDS = ("exercise", "walkthrough", "review", "documents", "rewrites", "steps")
TEMPLATES = {
    "exercise": "grid-exercise-page",
    "walkthrough": "conference-walkthrough-page",
    "review": "review-conference",
    "documents": "example-documents",
    "rewrites": "plan-rewrite-page",
    "steps": "steps-workbook-page",
}


def source_name(sid: str, kind: str) -> str:
    """The Markdown path (without language suffix) under docs/."""
    return f"{FOLDER}/{sid}/index" if kind == KINDS[0] else f"{FOLDER}/{sid}/{kind}"


def page_path(sid: str, kind: str) -> str:
    """The site path of the page, as used in links ('case-studies/ty-ni/rewrites/')."""
    return f"{FOLDER}/{sid}/" if kind == KINDS[0] else f"{FOLDER}/{sid}/{kind}/"


def front_matter(sid: str | None = None, kind: str = INDEX) -> str:
    """The whole generated file: ids only. sid and kind are checked ids, never author text."""
    lines = ["---", "render_macros: false", f"ecp_generated: {kind}"]
    if sid is not None:
        lines.append(f"ecp_scenario: {sid}")
    return "\n".join(lines + ["---", ""]) + "\n"


def title(meta: dict, lang: str) -> str:
    """The page's title as plain text (escape it before it reaches HTML)."""
    kind = meta["ecp_generated"]
    if kind == INDEX:
        return strings.t("case.index_title", lang)
    s = load_all()[meta["ecp_scenario"]]
    return strings.t(f"case.title_{kind}", lang, title=s.title[lang])


def scenario_page(sid: str, kind: str, lang: str, page_url: str) -> str:
    from .render import render  # render.py reads KINDS from here

    if kind not in KINDS:
        raise ValueError(f"unknown scenario page kind '{kind}'")
    return render(TEMPLATES[kind], lang, page_url, sid=sid, s=load_all()[sid],
                  paths={k: page_path(sid, k) for k in KINDS})


def scenario_index(lang: str, page_url: str) -> str:
    from .render import render

    return render("case-study-index", lang, page_url, scenarios=load_all(), paths=page_path)


def body(meta: dict, lang: str, page_url: str) -> str:
    kind = meta["ecp_generated"]
    if kind == INDEX:
        return scenario_index(lang, page_url)
    return scenario_page(meta["ecp_scenario"], kind, lang, page_url)
