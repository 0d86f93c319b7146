"""Steps to Change: the workbook page and the worked examples on each scenario's steps page.

A scenario's areas of change and a workbook export share one model (`Area`, see macros/model.py).
`example_workbook` turns a scenario's areas into a `Workbook` in one language, validated here so
a scenario that cannot become a workbook fails the build. Scenario pages embed it as JSON for
"Start from this example".
"""
from __future__ import annotations

import datetime as dt
import re

from .. import render as _render
from .. import strings
from ..context import here
from ..model import Workbook

_EMPHASIS = re.compile(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1")


def _plain(text: str) -> str:
    """Scenario text allows **bold** and *italic*; a workbook holds plain text."""
    return _EMPHASIS.sub(r"\2", text)


def example_workbook(s, lang: str) -> dict:
    """A scenario's Steps to Change as a workbook export (format version 1) in one language."""
    dates = [r.date for a in s.areas_of_change for r in a.ratings]
    areas = [
        {
            "name": _plain(a.name[lang]),
            "not_good_enough": _plain(a.not_good_enough[lang]),
            "good_enough": _plain(a.good_enough[lang]),
            "steps": [{"text": _plain(st.text[lang]), "who": _plain(st.who[lang]), "by": _plain(st.by[lang])}
                      for st in a.steps],
            "contingency": _plain(a.contingency[lang]),
            "ratings": [{"date": r.date.isoformat(), "meeting": _plain(r.meeting[lang]),
                         "family": r.family, "professionals": r.professionals, "moved": _plain(r.moved[lang])}
                        for r in a.ratings],
        }
        for a in s.areas_of_change
    ]
    wb = Workbook.model_validate({
        "format": "ecp-steps-workbook",
        "version": 1,
        "name": strings.t("workbook.example_name", lang, title=s.title[lang])[:200],
        "lang": lang,
        "updated": (max(dates) if dates else dt.date(2026, 1, 1)).isoformat(),
        "areas": areas,
    })
    return wb.model_dump(mode="json")


def register(env):
    # Scenario templates (rendered by scenario_page) reach the example through this global.
    _render._env.globals["example_workbook"] = example_workbook

    @env.macro
    def steps_workbook() -> str:
        """The interactive workbook, with a blank printable form for use without JavaScript."""
        return here(env).render("steps-workbook")
