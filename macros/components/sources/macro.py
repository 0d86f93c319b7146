"""The "Sources" list at the end of a page, from macros/content/sources.yml.

Every source says where a reader can find it: the source note it was taken from (`file`), its
public address (`url`, per language), or both. `names` lists the bodies a page names when it
reports this source; tests/test_sources.py checks that a page naming one cites a source with it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Literal, Optional
from urllib.parse import urlparse

from pydantic import Field, field_validator, model_validator

from .. import content
from ..model import Strict, Text
from ..page import here

NAME = "sources"
FILE = content.path(NAME)
URL = r"^https://[^\s]+$"


class Address(Strict):
    """A public address, in English and/or Welsh."""

    en: Optional[str] = Field(default=None, pattern=URL)
    cy: Optional[str] = Field(default=None, pattern=URL)

    @model_validator(mode="after")
    def _one(self):
        if not (self.en or self.cy):
            raise ValueError("give the address in at least one language (en or cy)")
        return self


class Names(Strict):
    en: list[str] = []
    cy: list[str] = []


class Source(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    # The document's own title: one string in the language it was written in (`title_lang`), or
    # {en, cy} when it exists in both.
    title: str | Text
    title_lang: Optional[Literal["en", "cy"]] = None
    by: Text
    about: Text
    file: Optional[str] = Field(default=None, pattern=r"^[\w.-]+$")  # the seed file it was taken from
    url: Optional[Address] = None
    names: Names = Names()

    @model_validator(mode="after")
    def _followable(self):
        if isinstance(self.title, str) and not self.title_lang:
            raise ValueError("title: a title in one language needs title_lang (en or cy)")
        if not (self.file or self.url):
            raise ValueError("say where a reader can find it: file (its source note), url, or both")
        return self

    @field_validator("title")
    @classmethod
    def _title(cls, v):
        if isinstance(v, str) and not v.strip():
            raise ValueError("empty title")
        return v


class Sources(Strict):
    sources: list[Source]

    @model_validator(mode="after")
    def _unique(self):
        ids = [s.id for s in self.sources]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"each source id once (repeated: {', '.join(dup)})")
        return self


@lru_cache(maxsize=4)
def _load(mtime: int) -> dict[str, Source]:
    data = content.load(NAME, Sources)
    return {s.id: s for s in data.sources}


def load() -> dict[str, Source]:
    return _load(FILE.stat().st_mtime_ns)


def view(s: Source, lang: str) -> dict:
    """What the template shows for one source on a page in `lang`."""
    if isinstance(s.title, Text):
        title, title_lang = s.title[lang], lang
    else:
        title, title_lang = s.title, s.title_lang
    url = url_lang = None
    if s.url:
        url_lang = lang if getattr(s.url, lang) else ("cy" if lang == "en" else "en")
        url = getattr(s.url, url_lang)
    return {"id": s.id, "title": title, "title_lang": title_lang, "by": s.by, "about": s.about,
            "file": s.file, "url": url, "url_lang": url_lang, "site": urlparse(url).netloc.removeprefix("www.") if url else None}


def register(env):
    @env.macro
    def sources(*ids: str, brief: bool = False) -> str:
        """The listed sources; `brief` leaves out what each is about (for one-page handouts)."""
        known = load()
        unknown = [i for i in ids if i not in known]
        if unknown or not ids:
            raise ValueError(f"sources(): unknown source id(s) {unknown} (see macros/content/sources.yml)")
        page = here(env)
        return page.render("sources", items=[view(known[i], page.lang) for i in ids], brief=brief)
