"""mkdocs-macros entry point: the macros that Markdown pages call.

Pages hold prose and at most a macro call. Each component's macros are in
macros/components/<name>/macro.py (a `register(env)` function); see README.md's component table.
"""
from __future__ import annotations

from . import strings
from .components import modules
from .page import here


def define_env(env):
    @env.macro
    def t(key: str, **fmt) -> str:
        """A UI string in the page's language, shown as typed (never Markdown or HTML)."""
        return strings.literal_markdown(strings.t(key, here(env).lang, **fmt))

    @env.macro
    def publisher_promise(key: str) -> str:
        """A promise of service in the page's language, as this copy's publisher words it in
        mkdocs.yml (extra.publisher.promises); "" when the publisher makes none. Shown as typed."""
        promises = (env.conf.get("extra", {}).get("publisher") or {}).get("promises") or {}
        text = (promises.get(key) or {}).get(here(env).lang, "")
        return strings.literal_markdown(text) if text else ""

    for module in modules():
        module.register(env)
