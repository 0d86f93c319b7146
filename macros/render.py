"""Render a component's template for one language, with the project's own Jinja environment.

Component templates live in macros/components/<name>/ and are found by file name
(`<name>.html`, `<name>-<part>.html`). This environment autoescapes and refuses undefined
names, so scenario text can never inject HTML. Theme templates in overrides/ are Material's and
are rendered by MkDocs, not here. Every helper a template may call is set below, once.
"""
from __future__ import annotations

import json

import jinja2
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import strings, views, welsh
from .case_pages import KINDS
from .components import FOLDERS
from .i18n import DEFAULT_LANG
from .model import Domain, Text
from .textfmt import block, inline

SHARED = ("assets/", "search/")  # site paths that exist once, not per language


def json_attr(value) -> Markup:
    """JSON safe inside an HTML attribute or a <script type=application/json>."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("'", "\\u0027")
    return Markup(text)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in FOLDERS]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        STAGES=views.STAGES, COLUMNS=views.COLUMNS, long_date=views.long_date, first_names=views.first_names,
        grid_steps=views.grid_steps, report_sections=views.report_sections, chart=views.chart,
        working_days_between=views.working_days_between, first_core_group_ratings=views.first_core_group_ratings,
        example_workbook=views.example_workbook, categories=views.categories, date_list=views.date_list,
        json_attr=json_attr, month_names=lambda lang: welsh.rules()["months"][lang],
        DOMAINS=[d.value for d in Domain], KINDS=KINDS,
    )
    return env


ENV = _environment()


def render(template: str, lang: str, page_url: str = "", **context) -> str:
    """Return the template's HTML as one Markdown-safe block (no blank lines, no indents)."""

    def tr(text: Text | str | None) -> str:
        if text is None:
            return ""
        return text if isinstance(text, str) else text[lang]

    def link(target: str) -> str:
        """A site path such as 'case-studies/ty-ni/', in the page's language, relative to the page.

        Welsh pages live under cy/; shared files (assets/) exist once, at the root.
        """
        if lang != DEFAULT_LANG and not target.startswith((*SHARED, f"{lang}/")):
            target = f"{lang}/{target}"
        return get_relative_url(target, page_url or "")

    html = ENV.get_template(f"{template}.html").render(
        lang=lang,
        t=lambda key, **fmt: strings.t(key, lang, **fmt),
        count=lambda n, noun: welsh.count(n, noun, lang),
        short_date=lambda d: welsh.short_date(d, lang),
        ui=lambda prefix: strings.for_prefix(prefix, lang),
        tr=tr,
        md=lambda text: block(tr(text)),
        inline=lambda text: inline(tr(text)),
        literal=lambda text: Markup(strings.literal_markdown(tr(text))),  # for output Markdown reads again
        link=link,
        **context,
    )
    lines = (ln.strip() for ln in html.splitlines())
    return "\n".join(ln for ln in lines if ln)
