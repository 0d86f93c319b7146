"""What component templates compute from a validated scenario: dates, names, grid steps,
charts and the example workbook. render.py gives every template these helpers; nothing here
renders HTML.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

from . import strings, welsh
from .model import STAGES, Meeting, Workbook, working_days_between  # noqa: F401 (templates use them)

# Where each grid domain is written on the flip charts, in the order the chair fills them.
COLUMNS = (
    ("worries", ("worry-concern", "worry-impact")),
    ("working-well", ("working-well",)),
    ("grey-area", ("grey-area",)),
    ("needs-to-change", ("needs-to-change",)),
)
# Worries, positives, changes (the Staffordshire words) as grid domains, for the agency report.
REPORT_SECTIONS = (
    ("worries", ("worry-concern", "worry-impact")),
    ("positives", ("working-well",)),
    ("changes", ("needs-to-change",)),
)


def long_date(d: dt.date, lang: str) -> welsh.Phrase:
    """'Tuesday 2 June 2026' / 'dydd Mawrth 2 Mehefin 2026' (macros/welsh.py: t() gives it the
    mutation of the word before it, "ar ddydd Mawrth", and a capital at a sentence start)."""
    return welsh.date(d, lang)


def join_names(names: list[str], lang: str) -> str:
    """'Siân and Gareth'; in Welsh 'Siân a Gareth', 'Rhian ac Aled' (ac before a vowel)."""
    if len(names) < 2:
        return "".join(names)
    word = strings.t("doc.and", lang)
    last = names[-1]
    if lang == "cy" and last[:1].lower() in "aeiouwyâêîôûŵŷ":
        word = "ac"
    return f"{', '.join(names[:-1])} {word} {last}"


def categories(c, lang: str) -> str:
    """The register categories of the conference's decision, joined: 'neglect', 'esgeulustod'."""
    return join_names([t[lang] for t in c.decision.categories], lang)


def date_list(dates: list[dt.date], lang: str) -> str:
    return join_names([long_date(d, lang) for d in dates], lang)


def first_names(s, ids: list[str], lang: str) -> str:
    people = {p.id: p for p in s.people}
    return join_names([people[i].name.split()[0] for i in ids], lang)


def grid_steps(s) -> list[dict]:
    """The statements in the order the chair writes them: worries, positives, grey areas, changes.

    Within a column they keep the scenario's order.
    """
    steps = []
    for col, domains in COLUMNS:
        for st in s.statements:
            if st.domain.value in domains:
                steps.append({"st": st, "column": col, "domain": st.domain.value})
    for i, step in enumerate(steps):
        step["n"] = i + 1
    return steps


def report_sections(s) -> list[tuple[str, list]]:
    return [(name, [st for st in s.statements if st.domain.value in domains]) for name, domains in REPORT_SECTIONS]


# The site's one chart: its rules are in the shared script (macros/components/common/chart.js), which
# the workbook draws with in the browser; chart() below is its layout(), line for line, for the
# review conference's chart, drawn here so that it reads without JavaScript.
_CHART_JS = Path(__file__).resolve().parent / "components" / "common" / "chart.js"
CHART = json.loads(re.search(r"export const RULES = (\{.*?\});", _CHART_JS.read_text(encoding="utf-8"), re.S).group(1))


def chart(area, lang: str) -> dict:
    """Geometry for the chart of one area's ratings (1 to 10) across the meetings, labelled by date.

    RULES.width units wide, shown 288 to 400px wide (review-conference.css), so its 16-unit text is
    14.4 to 20px on screen."""
    R = CHART
    w, h, n = R["width"], R["height"], len(area.ratings)
    rs = area.ratings
    # Each label's lines: day and month, then the year ("2 Meh", "2026").
    labels = [str(welsh.short_date(r.date, lang)).rsplit(" ", 1) for r in rs]
    inner = w - R["left"] - R["right"] - 2 * R["pad"]

    def x(i):
        return (R["left"] + w - R["right"]) / 2 if n == 1 else R["left"] + R["pad"] + i * inner / (n - 1)

    def y(v):
        return R["top"] + (R["max"] - v) * (h - R["top"] - R["bottom"]) / (R["max"] - R["min"])

    def box(i):
        size = max(len(s) for s in labels[i]) * R["char"] * R["font"]
        anchor = "middle" if n == 1 else "start" if i == 0 else "end" if i == n - 1 else "middle"
        at = x(i) + (-R["pad"] if anchor == "start" else R["pad"] if anchor == "end" else 0)
        start = at if anchor == "start" else at - size if anchor == "end" else at - size / 2
        return {"x": round(at, 1), "anchor": anchor, "lines": labels[i], "from": start, "to": start + size}

    # A label shows where it keeps RULES.gap from the ones either side; the last always shows.
    last, shown, edge = box(n - 1), [], -math.inf
    for i in range(n - 1):
        b = box(i)
        if b["from"] >= edge + R["gap"] and b["to"] + R["gap"] <= last["from"]:
            shown.append(b)
            edge = b["to"]
    shown.append(last)
    m = R["marker"]
    return {
        "w": w, "h": h, "left": R["left"], "right": w - R["right"], "font": R["font"],
        "ticks": [{"v": v, "y": round(y(v), 1), "line": v != R["good"]} for v in R["ticks"]],
        "good": {"v": R["good"], "y": round(y(R["good"]), 1), "label_x": w - R["right"], "label_y": round(y(R["good"]) - 10, 1)},
        "axis": {"x": 0, "y": R["font"]},
        "labels": shown, "label_y": h - R["bottom"] + 24, "line": R["font"] + 2,
        "points": [{"x": round(x(i), 1), "fy": round(y(r.family), 1), "py": round(y(r.professionals), 1)} for i, r in enumerate(rs)],
        "family": " ".join(f"{round(x(i), 1)},{round(y(r.family), 1)}" for i, r in enumerate(rs)),
        "professionals": " ".join(f"{round(x(i), 1)},{round(y(r.professionals), 1)}" for i, r in enumerate(rs)),
        "marker": m,
    }


def first_core_group_ratings(s) -> list:
    """Each area's first core-group rating (for the 'after' stage)."""
    out = []
    for area in s.areas_of_change:
        core = [r for r in area.ratings if r.at == Meeting.core_group]
        if core:
            out.append((area, core[0]))
    return out

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
