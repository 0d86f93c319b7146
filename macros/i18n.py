"""The two languages and which one a build is making.

static-i18n builds the default language, then builds each other language inside it (a nested
build that runs every hook again).
"""
from __future__ import annotations

LANGS = ("en", "cy")
DEFAULT_LANG = "en"


def current_lang(config) -> str:
    """The language being built."""
    plugin = config.plugins.get("i18n")
    return (plugin and plugin.current_language) or DEFAULT_LANG


def is_nested_build(config) -> bool:
    """True inside static-i18n's build of a non-default language."""
    plugin = config.plugins.get("i18n")
    return bool(plugin and getattr(plugin, "building", False))
