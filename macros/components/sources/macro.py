"""The "Sources" list at the end of a guidance page, from macros/content/sources.yml."""
from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field

from .. import content
from ..page import here
from ..model import Strict, Text

NAME = "sources"
FILE = content.path(NAME)


class Source(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=1)
    title_lang: Literal["en", "cy"]
    by: Text
    about: Text


class Sources(Strict):
    sources: list[Source]


@lru_cache(maxsize=4)
def _load(mtime: int) -> dict[str, Source]:
    data = content.load(NAME, Sources)
    return {s.id: s for s in data.sources}


def load() -> dict[str, Source]:
    return _load(FILE.stat().st_mtime_ns)


def register(env):
    @env.macro
    def sources(*ids: str, brief: bool = False) -> str:
        """The listed sources; `brief` leaves out what each is about (for one-page handouts)."""
        known = load()
        unknown = [i for i in ids if i not in known]
        if unknown or not ids:
            raise ValueError(f"sources(): unknown source id(s) {unknown} (see macros/sources.yml)")
        return here(env).render("sources", items=[known[i] for i in ids], brief=brief)
