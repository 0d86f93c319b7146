"""mkdocs-macros entry point: the macros that Markdown pages call.

Pages hold prose and at most a macro call. Each component's macros are in
macros/components/<name>/macro.py (a `register(env)` function); see README.md's component table.
"""
from __future__ import annotations


def define_env(env):
    # Imported here, not above, so that `python -m macros.<tool>` (check_case, new_case, schema)
    # loads only what it uses and stays quick.
    from . import strings
    from .components import modules
    from .page import here

    @env.macro
    def t(key: str, **fmt) -> str:
        """A UI string in the page's language, shown as typed (never Markdown or HTML)."""
        return strings.literal_markdown(strings.t(key, here(env).lang, **fmt))

    for module in modules():
        module.register(env)
