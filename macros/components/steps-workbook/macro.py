"""Steps to Change: the interactive workbook page. A scenario's worked example is built by
`views.example_workbook` (shared with the case study's steps page)."""
from __future__ import annotations

from ..page import here


def register(env):
    @env.macro
    def steps_workbook() -> str:
        """The interactive workbook, with a blank printable form for use without JavaScript."""
        return here(env).render("steps-workbook")
