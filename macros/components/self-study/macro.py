"""The self-study path: an ordered route through the portal with "mark as done" controls, and a
printable learning record. Progress and reflections are kept in the browser only (localStorage,
keys `ecp:self-study:*`), by self-study.js beside this file. The route itself is content: macros/content/self-study.yml.
"""
from __future__ import annotations

from pydantic import Field

from .. import content, welsh
from ..page import here
from ..model import Strict, Text
from ..strings import for_prefix


class Step(Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    path: str = Field(pattern=r"^([a-z0-9-]+/)*$")  # site path without the language prefix
    minutes: int = Field(gt=0, le=240)
    title: Text
    what: Text


class Route(Strict):
    steps: list[Step] = Field(min_length=1)


def route() -> list[Step]:
    """The steps in order, from macros/content/self-study.yml."""
    return content.load("self-study", Route).steps


RECORD_FIELDS = ("learned", "practice", "supervision")


def _ui(lang: str) -> dict:
    return {**for_prefix("study", lang), **{f"record.{k}": v for k, v in for_prefix("record", lang).items()}}


def register(env):
    @env.macro
    def self_study(part: str = "steps") -> str:
        """The route ('steps') or the learning record ('record')."""
        if part not in ("steps", "record"):
            raise ValueError(f"self_study: unknown part '{part}'")
        h = here(env)
        steps = [{"id": s.id, "href": s.path, "minutes": s.minutes,
                  "title": s.title[h.lang], "what": s.what[h.lang]} for s in route()]
        total = sum(s["minutes"] for s in steps)
        # The counted steps ("5 cam") and the month names are written here, so the page needs no
        # Welsh module for them.
        ui_json = {**_ui(h.lang), "steps_counted": str(welsh.count(len(steps), "step", h.lang))}
        return h.render("self-study", part=part, steps=steps, fields=RECORD_FIELDS,
                        hours=round(total / 60 * 2) / 2, ui_json=ui_json,
                        months=welsh.rules()["months"][h.lang])
