"""What a macro needs to know about the page it renders on."""
from __future__ import annotations

from dataclasses import dataclass

from .render import render


@dataclass
class Here:
    lang: str
    page_url: str

    def render(self, component: str, **context) -> str:
        return render(component, self.lang, self.page_url, **context)


def here(env) -> Here:
    """The page's language (static-i18n's current build language) and URL."""
    plugin = env.conf["plugins"].get("i18n")
    lang = (plugin and plugin.current_language) or "en"
    page = env.page
    return Here(lang=lang, page_url=page.url if page else "")
