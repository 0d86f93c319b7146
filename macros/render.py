"""Render one component's template (overrides/partials/<name>.html) for one language.

Templates are autoescaped: scenario text can never inject HTML.
"""
from __future__ import annotations

import json
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import strings
from .model import Text
from .textfmt import block, inline

DEFAULT_LANG = "en"
SHARED = ("assets/", "search/")
PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(PARTIALS)),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _json_attr(value) -> Markup:
    """JSON safe inside an HTML attribute or a <script type=application/json>."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("'", "\\u0027")
    return Markup(text)


def render(component: str, lang: str, page_url: str = "", **context) -> str:
    """Return the component's HTML as one Markdown-safe block (no blank lines, no indents)."""

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

    html = _env.get_template(f"{component}.html").render(
        lang=lang,
        t=lambda key, **fmt: strings.t(key, lang, **fmt),
        ui=lambda prefix: strings.for_prefix(prefix, lang),
        tr=tr,
        md=lambda text: block(tr(text)),
        inline=lambda text: inline(tr(text)),
        literal=lambda text: Markup(strings.literal_markdown(tr(text))),  # for output Markdown reads again
        link=link,
        json_attr=_json_attr,
        **context,
    )
    lines = (ln.strip() for ln in html.splitlines())
    return "\n".join(ln for ln in lines if ln)
