"""What the theme templates need for the site's frame: the header's strings and language link,
the breadcrumbs and caption above the title, a case study's parts as a contents list, the
pagination at the foot of the page and the page's place for search results.

macros/hooks/theme_context.py passes `context(page, lang)` to every page template as `ecp_look`.
Case-study parts follow macros/case_pages.py KINDS, so a new page kind appears by itself.
Everything is rendered by the project's autoescaping templates (macros/components/frame/), so a
title typed in a scenario never becomes HTML.
"""
from __future__ import annotations

import html
import re

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


def _plain(title) -> str:
    """A nav or page title as plain text: case-study titles arrive escaped for the theme."""
    return html.unescape(str(title or "")).strip()


def _site_path(url: str, lang: str) -> str:
    """The page's path without the language folder ('case-studies/ty-ni/review/')."""
    return url[len(lang) + 1:] if lang != DEFAULT_LANG and url.startswith(f"{lang}/") else url


def _case(url: str, lang: str):
    """(scenario, its parts, the current part's index) for a case-study page, else None."""
    from .loader import load_all

    path = _site_path(url, lang)
    parts = path.split("/")
    if len(parts) < 3 or parts[0] != FOLDER or not parts[1]:
        return None
    scenario = load_all().get(parts[1])
    if scenario is None:
        return None
    steps = [{"kind": k, "path": page_path(parts[1], k), "title": strings.t(f"case.open_{k}", lang)} for k in KINDS]
    current = next((i for i, s in enumerate(steps) if s["path"] == path), None)
    return None if current is None else (scenario, steps, current)


def _section_page(section):
    """A section's own page (its index page, first among its children), or None."""
    first = next(iter(section.children or []), None)
    if first is not None and getattr(first, "is_page", False) and first.file.src_uri.rsplit("/", 1)[-1].startswith("index."):
        return first
    return None


def _pages(item) -> list:
    """Every page under a nav section, in reading order."""
    out = []
    for child in item.children or []:
        if getattr(child, "is_page", False):
            out.append(child)
        else:
            out.extend(_pages(child))
    return out


def _trail(page) -> list[dict]:
    """Sections above the page that have a page of their own, top first; not the page itself."""
    crumbs = []
    for section in reversed(page.ancestors):
        own = _section_page(section)
        if own is not None and own is not page:
            crumbs.append({"title": _plain(section.title), "url": own.url})
    return crumbs


def _case_link(steps, i, s, lang, rel):
    step = steps[i]
    return {
        "rel": rel, "url": step["path"], "title": step["title"],
        "context": strings.t("look.case_context", lang, title=s.title[lang], n=i + 1, total=len(steps)),
    }


def _pagination(page, lang: str, case) -> list[dict]:
    """Previous and next inside one case study, or inside one top-level section; nothing on the
    home page and nothing that crosses from one family or section to another."""
    if case is not None:
        s, steps, i = case
        links = []
        if i > 0:
            links.append(_case_link(steps, i - 1, s, lang, "prev"))
        else:
            links.append({"rel": "prev", "url": f"{FOLDER}/", "title": strings.t("look.all_cases", lang), "context": ""})
        if i + 1 < len(steps):
            links.append(_case_link(steps, i + 1, s, lang, "next"))
        return links
    if not page.ancestors:
        return []
    top = page.ancestors[-1]
    if _site_path(page.url, lang).startswith(f"{FOLDER}/"):
        return []  # the case-studies index: its content lists the families
    pages = _pages(top)
    if page not in pages:
        return []
    i = pages.index(page)
    section = _plain(top.title)
    links = []
    if i > 0:
        links.append({"rel": "prev", "url": pages[i - 1].url, "title": _plain(pages[i - 1].title), "context": section})
    if i + 1 < len(pages):
        links.append({"rel": "next", "url": pages[i + 1].url, "title": _plain(pages[i + 1].title), "context": section})
    return links


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
    out = {"strings": strings.for_prefix("look", lang), "twin": twin(page.url if page else None, lang),
           "breadcrumbs": Markup(""), "contents": Markup(""), "pagination": Markup(""), "where": "",
           "print_family": print_family(page.url if page else None, lang)}
    if page is None or page.is_homepage or _site_path(page.url, lang) == "":
        return out
    case = _case(page.url, lang)
    crumbs = [{"title": strings.t("look.home", lang), "url": ""}] + _trail(page)
    if case is not None:
        s, steps, i = case
        caption = strings.t("look.case_caption", lang, title=s.title[lang], n=i + 1, total=len(steps))
        out["contents"] = Markup(render("case-study-steps", lang, page.url, s=s, steps=steps, current=i))
        top = _plain(page.ancestors[-1].title) if page.ancestors else ""
        where = [top, s.title[lang], strings.t("look.step_of", lang, n=i + 1, total=len(steps))]
    else:
        caption = _plain(page.ancestors[-1].title) if page.ancestors else ""
        if page.parent is not None and page.parent is not page.ancestors[-1]:
            caption = _plain(page.parent.title)  # a subsection (Handouts) names itself
        where = [c["title"] for c in crumbs[1:]] or ([caption] if caption else [])
    # Every link is a site path without the language folder: the templates' link() adds it.
    for item in crumbs:
        item["url"] = _site_path(item["url"], lang)
    links = _pagination(page, lang, case)
    for item in links:
        item["url"] = _site_path(item["url"], lang)
    out["breadcrumbs"] = Markup(render("frame-breadcrumbs", lang, page.url, crumbs=crumbs, caption=caption))
    out["pagination"] = Markup(render("frame-pagination", lang, page.url, links=links)) if links else Markup("")
    out["where"] = " › ".join(w for w in where if w)
    return out


_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD_CELL = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr(?:\s[^>]*)?>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)(\s[^>]*)?>")
_TAG = re.compile(r"<[^>]+>")
STACK_FROM = 3  # tables with this many columns become cards on phones


def label_table_cells(page_html: str) -> str:
    """Plain content tables (Markdown's, and component tables without a class) of three or more
    columns: each body cell gets its column's heading as data-label, and the table data-stack, so
    site.css can show the rows as cards on phones, each value under its heading. Built, not
    scripted: no shift when the page loads, and nothing changes without JavaScript."""

    def one(match: re.Match) -> str:
        inner = match.group(1)
        head = inner.split("</thead>", 1)
        if len(head) != 2:
            return match.group(0)
        labels = [html.escape(html.unescape(_TAG.sub("", h)).strip(), quote=True) for h in _HEAD_CELL.findall(head[0])]
        if len(labels) < STACK_FROM:
            return match.group(0)

        def row(r: re.Match) -> str:
            cells = iter(labels)
            # A row's heading cell (th scope=row) is a column too: it takes that column's label.
            return _CELL.sub(lambda c: f'<{c.group(1)} data-label="{next(cells, "")}"{c.group(2) or ""}>', r.group(0))

        return f"<table data-stack>{head[0]}</thead>{_ROW.sub(row, head[1])}</table>"

    return _TABLE.sub(one, page_html)
