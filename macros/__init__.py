"""mkdocs-macros entry point: the macros that Markdown pages call.

Pages hold prose and at most a macro call. Each component registers its own macros in
macros/components/<name>.py (a `register(env)` function); templates live in
overrides/partials/<name>.html and browser code in docs/assets/components/<name>/.
"""
from __future__ import annotations

import importlib
import pkgutil

from . import components, generated, strings
from .context import here


def define_env(env):
    @env.macro
    def t(key: str, **fmt) -> str:
        """A UI string in the page's language, shown as typed (never Markdown or HTML)."""
        return strings.literal_markdown(strings.t(key, here(env).lang, **fmt))

    # Generated pages do not call these (macros/hooks.py renders them); a hand-written page may.
    @env.macro
    def scenario_page(sid: str, kind: str) -> str:
        """A case-study page: 'exercise', 'rewrites' or 'steps'."""
        h = here(env)
        return generated.scenario_page(sid, kind, h.lang, h.page_url)

    @env.macro
    def scenario_index() -> str:
        h = here(env)
        return generated.scenario_index(h.lang, h.page_url)

    for info in pkgutil.iter_modules(components.__path__):
        module = importlib.import_module(f"{components.__name__}.{info.name}")
        module.register(env)
