"""Generated case-study pages: their title and HTML, straight from the validated model.

The files under docs/case-studies/ hold only ids in their front matter and `render_macros:
false`, so no scenario text is ever Jinja or Markdown source. macros/hooks.py fills in each
page's title (escaped) and its body (autoescaped templates, inserted after Markdown).
"""
from __future__ import annotations

from . import strings
from .loader import load_all
from .pages import KINDS, page_path
from .render import render

INDEX = "index"  # the case-studies index page


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
    if kind not in KINDS:
        raise ValueError(f"unknown scenario page kind '{kind}'")
    return render(f"scenario-{kind}", lang, page_url, sid=sid, s=load_all()[sid],
                  paths={k: page_path(sid, k) for k in KINDS})


def scenario_index(lang: str, page_url: str) -> str:
    return render("scenario-index", lang, page_url, scenarios=load_all(), paths=page_path)


def body(meta: dict, lang: str, page_url: str) -> str:
    kind = meta["ecp_generated"]
    if kind == INDEX:
        return scenario_index(lang, page_url)
    return scenario_page(meta["ecp_scenario"], kind, lang, page_url)
