"""The accessibility statement's known problems, their plans and its compliance sentence, from
macros/content/accessibility.yml (checked against the built site by
tests/test_accessibility_statement.py)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from .. import content
from ..model import Strict, Text
from ..page import here

NAME = "accessibility"
ID = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Problem(Strict):
    id: str = ID
    text: Text
    plan: Text
    wcag: Optional[str] = Field(default=None, pattern=r"^\d\.\d\.\d{1,2}$")


class Note(Strict):
    id: str = ID
    note: str


class Statement(Strict):
    problems: list[Problem]
    fixed: list[Note] = []
    features: list[Note] = []

    @model_validator(mode="after")
    def _unique(self):
        ids = [e.id for part in (self.problems, self.fixed, self.features) for e in part]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"each id once across problems, fixed and features (repeated: {', '.join(dup)})")
        return self


def load() -> Statement:
    return content.load(NAME, Statement)


def register(env):
    @env.macro
    def known_problems(part: Literal["problems", "plans", "compliance"] = "problems") -> str:
        """The statement's list of known problems, the plans to fix them, or the compliance sentence."""
        return here(env).render("accessibility-statement", part=part, data=load())
