"""The bilingual glossary (macros/glossary.yml): the glossary page and the abbreviation tooltips."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from pydantic import Field, ValidationError

from .loader import ScenarioError, safe_yaml
from .model import Strict, Text

FILE = Path(__file__).with_name("glossary.yml")


class GlossaryError(Exception):
    pass


class Abbr(Strict):
    # One line with no "]": it becomes a Markdown abbreviation definition, "*[ABBR]: term".
    en: str = Field(min_length=1, pattern=r"^[^\]\n]+$")
    cy: str = Field(min_length=1, pattern=r"^[^\]\n]+$")


class Term(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    term: Text
    abbr: Optional[Abbr] = None
    definition: Text
    also: Optional[Text] = None  # other names in use, e.g. other Welsh bodies' terms


class Glossary(Strict):
    terms: list[Term]


@lru_cache(maxsize=4)
def _load(mtime: float) -> Glossary:
    try:
        glossary = Glossary.model_validate(safe_yaml(FILE, "macros/glossary.yml"))
    except ScenarioError as e:
        raise GlossaryError(str(e))
    except ValidationError as e:
        raise GlossaryError(f"macros/glossary.yml: {e}")
    ids = [t.id for t in glossary.terms]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise GlossaryError(f"macros/glossary.yml: duplicate term id(s) {dupes}")
    return glossary


def load() -> Glossary:
    return _load(FILE.stat().st_mtime)


def abbreviations(lang: str) -> str:
    """Markdown abbreviation definitions ('*[ICPC]: ...') for one language."""
    lines = []
    for term in load().terms:
        if term.abbr:
            title = term.term[lang].replace("]", "").replace("\n", " ")
            lines.append(f"*[{getattr(term.abbr, lang)}]: {title}")
    return "\n".join(lines)
