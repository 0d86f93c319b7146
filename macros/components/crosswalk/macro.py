"""The crosswalk of the models (macros/content/crosswalk.yml): one table, a row per concept, a column per
model. Cells a source does not give stay empty. The glossary links each term to its row."""
from __future__ import annotations

from functools import lru_cache
from typing import Literal, Optional

from pydantic import Field, model_validator

from .. import content
from ..page import here
from ..glossary import load as load_glossary
from ..model import Strict, Text

NAME = "crosswalk"
FILE = content.path(NAME)
PAGE = "learn/crosswalk/"
Id = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Column(Strict):
    id: str = Id
    name: Text
    name_lang: Optional[Literal["en", "cy"]] = None  # a proper name kept in one language


class Row(Strict):
    id: str = Id
    concept: Text
    glossary: list[str] = []
    cells: dict[str, Text]


class Crosswalk(Strict):
    columns: list[Column] = Field(min_length=2)
    rows: list[Row] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self):
        cols = {c.id for c in self.columns}
        seen: set[str] = set()
        terms: set[str] = set()
        for row in self.rows:
            if row.id in seen:
                raise ValueError(f"duplicate row id '{row.id}'")
            seen.add(row.id)
            unknown = set(row.cells) - cols
            if unknown:
                raise ValueError(f"row '{row.id}': unknown column(s) {sorted(unknown)}")
            twice = terms & set(row.glossary)
            if twice:
                raise ValueError(f"row '{row.id}': glossary term(s) {sorted(twice)} already link to another row")
            terms |= set(row.glossary)
        return self


@lru_cache(maxsize=4)
def _load(mtime: int) -> Crosswalk:
    cw = content.load(NAME, Crosswalk)
    known = {t.id for t in load_glossary().terms}
    missing = sorted({t for r in cw.rows for t in r.glossary} - known)
    if missing:
        raise content.ContentError(f"{content.label(NAME)}: no glossary term(s) {missing}")
    return cw


def load() -> Crosswalk:
    return _load(FILE.stat().st_mtime_ns)


def columns_with_content(cw: Crosswalk) -> list[Column]:
    """The models that give a term in at least one row: a model the sources say nothing about
    would be a column of empty cells, so the table leaves it out (the page says why)."""
    return [c for c in cw.columns if any(c.id in row.cells for row in cw.rows)]


def rows_for_terms() -> dict[str, str]:
    """Glossary term id -> its row id on the crosswalk page."""
    return {term: row.id for row in load().rows for term in row.glossary}


def register(env):
    @env.macro
    def crosswalk() -> str:
        cw = load()
        return here(env).render("crosswalk", columns=columns_with_content(cw), rows=cw.rows)
