"""mkdocs-macros entry point: the macros that Markdown pages call.

Pages hold prose and at most a macro call. Each component's macros are in
macros/components/<name>/macro.py (a `register(env)` function); see README.md's component table.
"""
from __future__ import annotations

from . import safeguarding, strings
from .components import modules
from .page import here


def define_env(env):
    @env.macro
    def t(key: str, **fmt) -> str:
        """A UI string in the page's language, shown as typed (never Markdown or HTML)."""
        return strings.literal_markdown(strings.t(key, here(env).lang, **fmt))

    @env.macro
    def safeguarding_numbers() -> str:
        """The numbers to phone about a child, each with what it is (as in the notice on every page)."""
        return safeguarding.numbers(env.conf["extra"], here(env).lang)

    for module in modules():
        module.register(env)
