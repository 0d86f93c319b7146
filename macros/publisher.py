"""Who publishes this copy of the portal: `extra.publisher` in mkdocs.yml, the one place for it.

A council that adopts the portal sets its own (in its own file that starts `INHERIT: mkdocs.yml`).
Pages (`{{ publisher_text("name") }}` and the other macros in macros/components/publisher/),
theme templates (`ecp_publisher`) and the offline page all read it from here. The approach's own
history stays in the pages: Gwynedd Council built it, whoever publishes this copy.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError


PHONE = r"^\+?[0-9][0-9 ]*$"
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Both(_Strict):
    """A text in English and Welsh: {en: ..., cy: ...}."""

    en: str = Field(min_length=1)
    cy: str = Field(min_length=1)


class Contact(_Strict):
    name: str = Field(min_length=1, description="A person or a team.")
    role: Both = Field(description="What they do, in both languages.")
    email: str = Field(pattern=EMAIL)
    phone: str = Field("", pattern=r"^(\+?[0-9][0-9 ]*)?$", description='"" when there is none.')


class Contacts(_Strict):
    general: list[Contact] = Field(min_length=1, description="The contact page's list.")
    accessibility: Contact = Field(description="Problems with accessibility, other formats.")
    privacy: Contact = Field(description="Questions about privacy and data.")
    welsh_language: Contact = Field(description="Welsh-language requests and complaints.")


class Number(_Strict):
    number: str = Field(pattern=PHONE)
    what: Both = Field(description="What the number is, for whom, and when to ring it.")


class Statement(_Strict):
    prepared: dt.date
    reviewed: dt.date
    tested: dt.date
    tested_by: Both


class Publisher(_Strict):
    name: Both
    url: str = Field(pattern=r"^https?://")
    url_label: str = Field(min_length=1, description="The address as the pages show it.")
    logo: str = Field(min_length=1, description="A file under docs/, e.g. assets/logo.svg.")
    contacts: Contacts
    safeguarding: list[Number] = Field(min_length=1, description='The "Worried about a child?" numbers, in order.')
    statement: Statement
    promises: dict[str, Optional[Both]] = Field(
        default_factory=dict, description="The publisher's own service promises, shown as written; null for one not made.")


class PublisherError(Exception):
    pass


def _loc(loc: tuple) -> str:
    return ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc)


def load(extra: dict, config_file: str | None = None) -> Publisher:
    """The validated block; every problem names the file and the key."""
    return _load(json.dumps((extra or {}).get("publisher"), default=str, sort_keys=True), config_file)


@lru_cache(maxsize=8)
def _load(block: str, config_file: str | None) -> Publisher:
    extra = {"publisher": json.loads(block)}
    where = Path(config_file).name if config_file else "mkdocs.yml"
    data = (extra or {}).get("publisher")
    if data is None:
        raise PublisherError(f"{where}: extra.publisher: missing. Say who publishes this copy (see README, Adopt the portal)")
    try:
        publisher = Publisher.model_validate(data)
    except ValidationError as e:
        lines = [f"{where}: extra.publisher.{_loc(err['loc'])}: {err['msg']}" for err in e.errors()]
        raise PublisherError("\n  ".join(lines))
    problems = inherited_keys(config_file, data)
    if problems:
        raise PublisherError("\n  ".join(problems))
    return publisher


class _AnyTagLoader(yaml.SafeLoader):
    """Reads a config file as plain data: MkDocs' own tags (!ENV, !relative) become None."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _leaves(data, path=()) -> set[tuple]:
    if isinstance(data, dict):
        return set().union(*(_leaves(v, path + (k,)) for k, v in data.items())) if data else {path}
    return {path}


def inherited_keys(config_file: str | None, merged: dict) -> list[str]:
    """A council's file that INHERITs mkdocs.yml and sets its own publisher must set every key:
    MkDocs merges the two key by key, so a key it leaves out would show the parent's value (another
    council's address or number). Lists are replaced whole, so they count as one key."""
    if not config_file or not Path(config_file).is_file():
        return []
    raw = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    if "INHERIT" not in raw:
        return []
    own = ((raw.get("extra") or {}).get("publisher"))
    if own is None:
        return []  # the same publisher as the parent file
    missing = sorted(_leaves(merged) - _leaves(own))
    name = Path(config_file).name
    return [f"{name}: extra.publisher.{'.'.join(map(str, k))}: not set in this file, so the value from "
            f"{raw['INHERIT']} would show. Set it here (write \"\" for no phone, null for a promise not made)"
            for k in missing]


def view(p: Publisher, lang: str) -> dict:
    """What a template needs, in one language."""
    def contact(c: Contact) -> dict:
        return {"name": c.name, "role": c.role.model_dump()[lang], "email": c.email, "phone": c.phone,
                "tel": c.phone.replace(" ", "")}

    return {
        "name": getattr(p.name, lang),
        "url": p.url,
        "url_label": p.url_label,
        "logo": p.logo,
        "numbers": [{"number": n.number, "tel": n.number.replace(" ", ""), "what": getattr(n.what, lang)}
                    for n in p.safeguarding],
        "contacts": {k: ([contact(c) for c in v] if isinstance(v, list) else contact(v))
                     for k, v in ((k, getattr(p.contacts, k)) for k in Contacts.model_fields)},
        "promises": {k: getattr(v, lang) for k, v in p.promises.items() if v is not None},
        "statement": {"tested_by": getattr(p.statement.tested_by, lang)},
    }

