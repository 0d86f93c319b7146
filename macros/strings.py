"""UI strings: one bilingual file, macros/content/strings.yml. A missing language fails the build."""
from __future__ import annotations

import re
from functools import lru_cache

from . import content, welsh
from .i18n import LANGS

NAME = "strings"
FILE = content.path(NAME)


class StringsError(content.ContentError):
    pass


def _check(data) -> dict[str, dict[str, str]]:
    if not isinstance(data, dict):
        raise StringsError(f"{FILE.name}: expected a map of keys")
    problems = []
    for key, value in data.items():
        if not isinstance(value, dict):
            problems.append(f"{content.label(NAME)}: {key}: needs a map {{en: ..., cy: ...}}")
            continue
        for lang in LANGS:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                name = "Welsh" if lang == "cy" else "English"
                problems.append(f"{content.label(NAME)}: {key}: missing {name} text ({lang})")
        extra = set(value) - set(LANGS)
        if extra:
            problems.append(f"{content.label(NAME)}: {key}: unknown language(s) {sorted(extra)}")
    if problems:
        raise StringsError("\n".join(problems))
    return data


def load() -> dict[str, dict[str, str]]:
    return _checked(FILE.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _checked(mtime: int) -> dict[str, dict[str, str]]:
    return _check(content.load(NAME))


def t(key: str, lang: str, /, **fmt) -> str:
    strings = load()
    if key not in strings:
        raise StringsError(f"{content.label(NAME)}: no UI string '{key}'")
    return welsh.fill(strings[key][lang], lang, fmt)


def plural(key: str, n: int, lang: str, /, **fmt) -> str:
    """t(key) for a count n: `key_one` when n is 1 and strings.yml has it ("Delete the workbook
    on this device?" rather than "all 1 workbooks")."""
    one = f"{key}_one"
    return t(one if n == 1 and one in load() else key, lang, **fmt)


def fill(text: str, /, **fmt) -> str:
    """Replace the {name} placeholders given in fmt; every other character stays as typed.

    Not str.format: a value or an argument holding `{x}`, `{{ x }}` or `{0}` comes out unchanged,
    and an inserted argument is never read again. (t() fills through welsh.fill, which also gives
    a date or a count the mutation of the Welsh word before it.)
    """
    return welsh.fill(text, None, fmt)


# Characters Markdown (and its extensions: attr_list, abbr, tables, def_list) may act on.
_MARKDOWN_CHARS = re.compile(r"[\\`*_{}\[\]()#+\-.!|~^:=<>&\"']")


def literal_markdown(text: str) -> str:
    """Text that Markdown shows exactly as typed: every character it could act on becomes a
    numeric character reference (&#42;), which Markdown passes through and the browser shows."""
    return _MARKDOWN_CHARS.sub(lambda m: f"&#{ord(m.group(0))};", text)


def for_prefix(prefix: str, lang: str) -> dict[str, str]:
    """All strings under 'prefix.' for one language, keyed without the prefix (for JS)."""
    return dict(_prefixed(FILE.stat().st_mtime_ns, prefix, lang))


@lru_cache(maxsize=512)
def _prefixed(mtime: int, prefix: str, lang: str) -> dict[str, str]:
    return {k[len(prefix) + 1:]: v[lang] for k, v in _checked(mtime).items() if k.startswith(prefix + ".")}
