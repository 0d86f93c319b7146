"""The bilingual glossary (macros/content/glossary.yml): the glossary page, the abbreviation tooltips and
the Welsh terminology table (one Welsh term per concept, with the variants to avoid)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from pydantic import BaseModel, Field

from . import content, welsh
from .model import Strict, Text

NAME = "glossary"
FILE = content.path(NAME)


class GlossaryError(content.ContentError):
    pass


class Abbr(Strict):
    # One line with no "]": it becomes a Markdown abbreviation definition, "*[ABBR]: term".
    en: str = Field(min_length=1, pattern=r"^[^\]\n]+$")
    cy: str = Field(min_length=1, pattern=r"^[^\]\n]+$")


class Allowed(Strict):
    """A place where an avoided variant is right: a piece of the Welsh sentence, and why."""
    text: str = Field(min_length=1)
    reason: str = Field(min_length=1)


class Term(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    term: Text
    abbr: Optional[Abbr] = None
    definition: Text
    also: Optional[Text] = None  # other names in use, e.g. other Welsh bodies' terms
    avoid: list[str] = []  # Welsh variants never to use for this term (see `variant_pattern`)
    allow: list[Allowed] = []  # sentences where an avoided variant is right after all


class Usage(Strict):
    """A concept that is not a glossary entry but has one Welsh wording (e.g. "fictional")."""
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    en: str = Field(min_length=1)
    cy: str = Field(min_length=1)
    avoid: list[str] = Field(min_length=1)
    allow: list[Allowed] = []


class Glossary(Strict):
    terms: list[Term]
    usage: list[Usage] = []


@lru_cache(maxsize=4)
def _load(mtime: int) -> Glossary:
    glossary = content.load(NAME, Glossary)
    ids = [t.id for t in glossary.terms] + [u.id for u in glossary.usage]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise GlossaryError(f"{content.label(NAME)}: duplicate term id(s) {dupes}")
    return glossary


def load() -> Glossary:
    return _load(FILE.stat().st_mtime_ns)


def abbreviations(lang: str) -> str:
    """Markdown abbreviation definitions ('*[ICPC]: ...') for one language."""
    lines = []
    for term in load().terms:
        if term.abbr:
            title = term.term[lang].replace("]", "").replace("\n", " ")
            lines.append(f"*[{getattr(term.abbr, lang)}]: {title}")
    return "\n".join(lines)


# --- Welsh terminology ---------------------------------------------------------------------------

class Rule(BaseModel):
    """One concept: its preferred Welsh wording and the variants to avoid."""
    id: str
    english: str
    preferred: str
    avoid: list[str]
    allow: list[Allowed]


def terminology() -> list[Rule]:
    """Every glossary term and usage entry that names variants to avoid."""
    g = load()
    rules = [Rule(id=t.id, english=t.term.en, preferred=t.term.cy, avoid=t.avoid, allow=t.allow)
             for t in g.terms if t.avoid]
    rules += [Rule(id=u.id, english=u.en, preferred=u.cy, avoid=u.avoid, allow=u.allow) for u in g.usage]
    return rules


def word_forms(word: str) -> list[str]:
    """A word and its mutated forms, e.g. "camau" -> camau, gamau, nghamau, chamau (soft, nasal,
    aspirate, and h- before a vowel), from the site's one rule table (macros/welsh.py)."""
    lower = word[0].lower() + word[1:]
    forms = [lower] + [welsh.mutate(lower, kind) for kind in ("soft", "nasal", "aspirate", "h")]
    return [f for f in dict.fromkeys(forms) if f]


def _first_letter_either_case(form: str) -> str:
    return f"[{re.escape(form[0].upper())}{re.escape(form[0])}]" + re.escape(form[1:])


def variant_pattern(variant: str) -> re.Pattern:
    """How an avoided variant is found in Welsh text.

    Whole words only. The first letter may be a capital or mutated ("graddfa diogelwch" also
    finds "Graddfa diogelwch" and "y raddfa diogelwch"); every other letter matches as written, so
    "camau tuag at newid" finds the lower-case "gamau tuag at newid" but not "Camau tuag at Newid".
    Any run of spaces matches a space, and either apostrophe matches an apostrophe.
    """
    first, _, rest = variant.strip().partition(" ")
    tail = re.escape(" " + rest) if rest else ""
    tail = tail.replace(r"\ ", r"\s+").replace("'", "['\u2019]")
    heads = "|".join(_first_letter_either_case(f).replace("'", "['\u2019]") for f in word_forms(first))
    return re.compile(rf"(?<![\w'\u2019-])(?:{heads}){tail}(?![\w-])")
