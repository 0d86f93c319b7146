"""mkdocs-macros entry point: the macros that Markdown pages call.

Pages hold prose and at most a macro call. Each component registers its own macros in
macros/components/<name>.py (a `register(env)` function); templates live in
overrides/partials/<name>.html and browser code in docs/assets/components/<name>/.
"""
from __future__ import annotations

import importlib
import pkgutil

from . import components, strings
from .context import here
from .loader import load_all
from .pages import KINDS, page_path


def define_env(env):
    @env.macro
    def t(key: str, **fmt) -> str:
        """A UI string in the page's language."""
        return strings.t(key, here(env).lang, **fmt)

    @env.macro
    def scenario_page(sid: str, kind: str) -> str:
        """A generated case-study page: 'exercise', 'rewrites' or 'steps'."""
        if kind not in KINDS:
            raise ValueError(f"unknown scenario page kind '{kind}'")
        return here(env).render(f"scenario-{kind}", sid=sid, s=load_all()[sid],
                                paths={k: page_path(sid, k) for k in KINDS})

    @env.macro
    def scenario_index() -> str:
        return here(env).render("scenario-index", scenarios=load_all(), paths=page_path)

    for info in pkgutil.iter_modules(components.__path__):
        module = importlib.import_module(f"{components.__name__}.{info.name}")
        module.register(env)
