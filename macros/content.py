"""One loader for every content file in macros/content/ (strings, glossary, crosswalk, sources,
self-study route): the same safe YAML reading the scenarios get (size and depth limits, duplicate
keys refused), validation by a pydantic model, and errors that name the file, the field path and
the problem. Each file is read again only when it changes.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .loader import ScenarioError, format_errors, safe_yaml

DIR = Path(__file__).resolve().parent / "content"


class ContentError(Exception):
    """A content file is broken. str() names the file, the field and the problem."""


def path(name: str) -> Path:
    return DIR / f"{name}.yml"


def label(name: str) -> str:
    return f"macros/content/{name}.yml"


def load(name: str, model: type[BaseModel] | None = None):
    """The file's data, validated by `model` when given."""
    file = path(name)
    return _load(name, model, file.stat().st_mtime_ns)


@lru_cache(maxsize=32)
def _load(name: str, model, mtime: int):
    try:
        data = safe_yaml(path(name), label(name))
    except ScenarioError as e:
        raise ContentError(str(e)) from None
    if model is None:
        return data
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise ContentError("\n".join(format_errors(label(name), e))) from None
