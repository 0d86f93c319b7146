"""What the theme templates need for the site's frame: the header's strings and
language link, and a case study's parts as steps.

macros/hooks/theme_context.py passes `context(page, lang)` to every page template as `ecp_look`.
The steps follow macros/case_pages.py KINDS, so a new page kind shows as a step by itself.
"""
from __future__ import annotations

from markupsafe import Markup

from . import strings
from .case_pages import FOLDER, KINDS, page_path
from .render import render

DEFAULT_LANG = "en"


def twin(url: str | None, lang: str) -> str:
    """The site path of the same page in the other language ('' is the English home)."""
    if url is None or url.endswith("404.html"):
        return "" if lang != DEFAULT_LANG else f"{'cy'}/"
    if lang == DEFAULT_LANG:
        return f"cy/{url}"
    return url[len(lang) + 1:] if url.startswith(f"{lang}/") else url


def case_steps(url: str, lang: str) -> Markup:
    """The steps bar for a case-study page ('case-studies/<id>/...'), or nothing."""
    from .loader import load_all

    path = url[len(lang) + 1:] if lang != DEFAULT_LANG and url.startswith(f"{lang}/") else url
    parts = path.split("/")
    if len(parts) < 3 or parts[0] != FOLDER or not parts[1]:
        return Markup("")
    sid = parts[1]
    scenarios = load_all()
    if sid not in scenarios:
        return Markup("")
    steps = [{"kind": k, "path": page_path(sid, k), "title": strings.t(f"case.open_{k}", lang)} for k in KINDS]
    current = next((i for i, s in enumerate(steps) if s["path"] == path), None)
    if current is None:
        return Markup("")
    return Markup(render("case-study-steps", lang, url, s=scenarios[sid], steps=steps, current=current))


def print_family(url: str | None, lang: str) -> str:
    """The family a case-study page is about (its scenario's title), for the printed page's running
    header; "" on every other page."""
    from .loader import load_all

    if not url:
        return ""
    path = url[len(lang) + 1:] if lang != DEFAULT_LANG and url.startswith(f"{lang}/") else url
    parts = path.split("/")
    if len(parts) < 3 or parts[0] != FOLDER or parts[1] not in load_all():
        return ""
    return load_all()[parts[1]].title[lang]


def context(page, lang: str) -> dict:
    url = page.url if page is not None else None
    return {
        "print_family": print_family(url, lang),
        "strings": strings.for_prefix("look", lang),
        "twin": twin(url, lang),
        "case_steps": case_steps(url, lang) if url else Markup(""),
    }
