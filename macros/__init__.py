"""mkdocs-macros entry point: the macros that Markdown pages call.

Pages hold prose and at most a macro call; the rendering lives in macros/render.py and
the templates in overrides/partials/.
"""
from __future__ import annotations

from . import strings
from .loader import load_all
from .pages import KINDS, page_path
from .render import render


def current_lang(env) -> str:
    plugin = env.conf["plugins"].get("i18n")
    return (plugin and plugin.current_language) or "en"


def define_env(env):
    def ctx():
        page = env.page
        return {"lang": current_lang(env), "page_url": page.url if page else ""}

    @env.macro
    def t(key: str, **fmt) -> str:
        """A UI string in the page's language."""
        return strings.t(key, current_lang(env), **fmt)

    @env.macro
    def scenario_page(sid: str, kind: str) -> str:
        """A generated case-study page: 'exercise', 'rewrites' or 'steps'."""
        scenarios = load_all()
        if kind not in KINDS:
            raise ValueError(f"unknown scenario page kind '{kind}'")
        return render(f"scenario-{kind}", sid=sid, s=scenarios[sid], paths={k: page_path(sid, k) for k in KINDS},
                      **ctx())

    @env.macro
    def scenario_index() -> str:
        scenarios = load_all()
        return render("scenario-index", scenarios=scenarios, paths=lambda sid, k: page_path(sid, k), **ctx())

    @env.macro
    def contact() -> dict:
        return env.conf["extra"]["contact"]
