"""The page a macro renders on: its language and URL, and rendering in that language."""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import current_lang
from .render import render


@dataclass
class Here:
    lang: str
    page_url: str

    def render(self, template: str, **context) -> str:
        return render(template, self.lang, self.page_url, **context)


def here(env) -> Here:
    """The page's language (static-i18n's current build language) and URL."""
    page = env.page
    return Here(lang=current_lang(env.conf), page_url=page.url if page else "")
