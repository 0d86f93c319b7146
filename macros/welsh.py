"""Welsh (and English) text that the code composes: mutations, dates, counts and quoted names.

One rule table, macros/content/welsh.yml, holds every rule; this module applies it. The
scripts use the same table through the generated ES module welsh-rules.js and welsh.js, which
mirrors these functions. Each rule has a table of cases in tests/test_welsh_module.py.

    mutate("Dydd", "soft") -> "Ddydd"            after("ar", "dydd Iau") -> "ddydd Iau"
    date(d, "cy") -> Phrase("dydd Iau 26 Mawrth 2026")
    count(2, "working_day", "cy") -> Phrase("2 ddiwrnod gwaith")
    in_words(11, "year") -> "un flynedd ar ddeg"  quote("Mae Twm…") -> "“Mae Twm…”"

A Phrase is composed text that may mutate: `fill()` (strings.py) gives it the mutation of the
word before its placeholder in a Welsh string ("ar {date}" -> "ar ddydd Iau…") and a capital at
the start of a sentence. Plain values (names, titles, what a reader typed) are never changed.
"""
from __future__ import annotations

import datetime as dt
import json
import re

from . import content

NAME = "welsh"


def rules() -> dict:
    """The rule table (macros/content/welsh.yml), read with the content files' limits."""
    return content.load(NAME)


# --- mutations -------------------------------------------------------------------------------

def radical_start(word: str) -> str | None:
    """The mutable radical the word starts with (ll, rh, p, t, c, b, d, g, m), or None."""
    lower = word.lower()
    r = rules()
    if lower.startswith(tuple(r["not_radical_starts"])):
        return None
    for start in sorted(r["mutations"], key=len, reverse=True):
        if lower.startswith(start):
            return start
    return None


def _case_like(new: str, old: str) -> str:
    """`new` with the capital of `old` kept ("Dydd" -> "Ddydd", "Caernarfon" -> "Nghaernarfon")."""
    if old[:1].isupper() and new:
        return new[0].upper() + new[1:]
    return new


def mutate(word: str, kind: str) -> str:
    """The first word's initial mutation: kind is soft, nasal, aspirate or h (h- before a vowel)."""
    if not word or kind in (None, "none"):
        return word
    r = rules()
    if kind == "h":
        return _case_like("h" + word[0].lower() + word[1:], word) if word[0].lower() in r["vowels"] else word
    start = radical_start(word)
    if start is None or kind not in r["mutations"][start]:
        return word
    return _case_like(r["mutations"][start][kind] + word[len(start):], word)


def soft(word: str) -> str:
    return mutate(word, "soft")


def nasal(word: str) -> str:
    return mutate(word, "nasal")


def aspirate(word: str) -> str:
    return mutate(word, "aspirate")


def trigger_kind(word: str) -> str | None:
    """The mutation a word puts on the next word (soft, aspirate, nasal, h), or None."""
    w = word.lower().replace("\u2019", "'")
    r = rules()
    for kind, words in r["triggers"].items():
        if w in words:
            return kind
    if w in r["h_before_vowel"]:
        return "h"
    return None


def is_name(word: str) -> bool:
    """A capitalised word that keeps its form after a trigger: a person's name, by the site's
    convention ("i Cai"). Places and institutions in the table mutate ("i Gyngor"), and so does
    "Dydd" (a weekday is no name: "ar ddydd Iau")."""
    r = rules()
    plain = word.split("'")[0].split("\u2019")[0]
    weekdays = {w.split()[0].capitalize() for w in r["weekdays"]["cy"]}
    return word[:1].isupper() and plain not in r["mutating_names"] and plain not in weekdays


def after(trigger: str, phrase: str) -> str:
    """`phrase` as it is written after `trigger`: its first word takes the trigger's mutation."""
    kind = trigger_kind(trigger)
    if kind is None or not phrase:
        return phrase
    first, sep, rest = phrase.partition(" ")
    if first.lower().split("'")[0] in rules()["never_mutated"] or is_name(first):
        return phrase
    return mutate(first, kind) + sep + rest


# --- composed phrases ------------------------------------------------------------------------

class Phrase(str):
    """Composed text whose first word follows the grammar around it (a date, a count).

    Written lower-case where the language wants it mid-sentence ("dydd Iau"); `fill()` mutates it
    after a trigger word and capitalises it at the start of a sentence.
    """

    def after(self, word: str, lang: str) -> "Phrase":
        return Phrase(after(word, self)) if lang == "cy" else self

    def capitalised(self) -> "Phrase":
        return Phrase(self[:1].upper() + self[1:])


def date(d: dt.date, lang: str) -> Phrase:
    """"dydd Iau 26 Mawrth 2026" / "Thursday 26 March 2026"."""
    r = rules()
    return Phrase(f"{r['weekdays'][lang][d.weekday()]} {d.day} {r['months'][lang][d.month - 1]} {d.year}")


def short_date(d: dt.date, lang: str) -> Phrase:
    """"26 Maw 2026" / "26 Mar 2026"."""
    return Phrase(f"{d.day} {rules()['months_short'][lang][d.month - 1]} {d.year}")


def noun(key: str) -> dict:
    nouns = rules()["nouns"]
    if key not in nouns:
        raise KeyError(f"welsh.yml: no counted noun '{key}'")
    return nouns[key]


def counted_form(n: int, key: str) -> str:
    """The Welsh noun as it is written after the digits n: "ddiwrnod gwaith" for 2."""
    entry = noun(key)
    r = rules()
    if n != int(n):  # 1.5 awr: a fraction is read "un awr a hanner"; the noun stays as it is
        return entry.get("counted", entry["cy"])
    n = int(n)
    word = entry["cy"] if n == 1 else entry.get("counted", entry["cy"])
    if n == 1 and entry["gender"] == "f" and entry.get("counted"):
        word = entry["cy"]  # un flwyddyn, not un flynedd
    if 1 <= n <= 10:
        if entry.get("time") and n in r["nasal_numerals"]:
            return nasal(word)
        numeral, kind = r["numerals"][n][entry["gender"]]
        if n == 1 and entry["gender"] == "f" and (radical_start(word) or "") in r["feminine_un_keeps"]:
            kind = "none"
        return mutate(word, kind)
    if n > 10 and entry.get("after_ten") == "nasal":
        return nasal(word)
    return word


def count(n: int, key: str, lang: str) -> Phrase:
    """n and the noun: "2 ddiwrnod gwaith", "1 llyfr gwaith", "36 canlyniad"; "1 workbook", "2 workbooks"."""
    entry = noun(key)
    shown = f"{n:g}" if isinstance(n, float) else str(n)
    if lang == "en":
        return Phrase(f"{shown} {entry['en'][0] if n == 1 else entry['en'][1]}")
    return Phrase(f"{shown} {counted_form(n, key)}")


def _vigesimal(n: int) -> list:
    """[head, rest]: head is a number (1-10, or a one-word numeral above ten), rest follows the noun."""
    table = rules()["vigesimal"]
    if 1 <= n <= 10:
        return [n]
    if n in table:
        return list(table[n])
    if 21 <= n <= 39:
        inner = _vigesimal(n - 20)
        return [inner[0], (inner[1] + " " if len(inner) > 1 else "") + "ar hugain"]
    raise ValueError(f"welsh: {n} is outside 1..40 for numbers in words")


def _head_word(head: int, gender: str, before_noun: bool) -> str:
    r = rules()
    if head <= 10:
        word = r["numerals"][head][gender][0]
        return word if before_noun else {"pum": "pump", "chwe": "chwech"}.get(word, word)
    return r["numeral_words"][head]


def number_words(n: int, gender: str = "m") -> str:
    """1 to 40 in words, traditional (vigesimal) forms: "un ar ddeg", "deunaw", "dwy ar hugain"."""
    parts = _vigesimal(n)
    return " ".join([_head_word(parts[0], gender, False)] + parts[1:])


def in_words(n: int, key: str) -> str:
    """A number in words with its noun, the noun after the first element: "dwy flynedd",
    "tair blynedd", "pum mlynedd", "un flynedd ar ddeg", "deuddeng mlynedd", "un diwrnod ar hugain"."""
    entry = noun(key)
    r = rules()
    gender = entry["gender"]
    head, *rest = _vigesimal(n)
    word = entry["cy"] if n == 1 else entry.get("counted", entry["cy"])
    numeral = _head_word(head, gender, True)
    if entry.get("time") and head in r["nasal_numerals"]:
        numeral, kind = r["nasal_numerals"][head], "nasal"
    elif head <= 10:
        kind = r["numerals"][head][gender][1]
        if head == 1 and gender == "f" and (radical_start(word) or "") in r["feminine_un_keeps"]:
            kind = "none"
    else:
        kind = "none"
    return " ".join([numeral, mutate(word, kind)] + rest)


def quote(text: str) -> str:
    """“text”, once: an already quoted text is left as it is."""
    left, right = rules()["quotes"]
    text = text.strip()
    if text.startswith((left, '"')) and text.endswith((right, '"')):
        return text
    return f"{left}{text}{right}"


_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_PREV_WORD = re.compile(r"([^\W\d_][\w'\u2019-]*)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")


def fill(text: str, lang: str | None, values: dict) -> str:
    """Replace the {name} placeholders given in values; every other character stays as typed.

    Not str.format: a value holding `{x}` comes out unchanged and is never read again. A Phrase
    (a date, a count) takes the mutation of the Welsh word just before it, and a capital at the
    start of a sentence; any other value is inserted exactly as given.
    """
    if not values:
        return text

    def one(m: re.Match) -> str:
        name = m.group(1)
        if name not in values:
            return m.group(0)
        value = values[name]
        if not isinstance(value, Phrase):
            return str(value)
        before = text[:m.start()]
        prev = _PREV_WORD.search(before)
        if lang == "cy" and prev:
            value = value.after(prev.group(1), lang)
        if _SENTENCE_START.search(before):
            value = value.capitalised()
        return str(value)

    return _PLACEHOLDER.sub(one, text)


def js_module() -> str:
    """The ES module the scripts import: the same table, as data."""
    data = json.dumps(rules(), ensure_ascii=False, indent=1, sort_keys=True)
    return ("// Generated from welsh.yml by the build (macros/welsh.py js_module): do not edit.\n"
            f"export default {data};\n")
