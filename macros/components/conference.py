"""The conference walk-through, the review conference and the example documents (issue 12).

Everything comes from the scenario file: the grid statements, safety-scale views, areas of change,
rewrites and the `conference` block. These helpers only arrange it; the partials render it,
autoescaped. `conference_links()` lists every case study's conference pages (for guidance pages).
"""
from __future__ import annotations

import datetime as dt

from .. import render as _render
from .. import strings
from ..context import here
from ..loader import load_all
from ..model import STAGES, Meeting, working_days_between
from ..pages import page_path

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


def long_date(d: dt.date, lang: str) -> str:
    """'Tuesday 2 June 2026' / 'Dydd Mawrth 2 Mehefin 2026'."""
    weekday = strings.t("doc.weekdays", lang).split()[d.weekday()].replace("_", " ")
    month = strings.t("doc.months", lang).split()[d.month - 1]
    return f"{weekday} {d.day} {month} {d.year}"


def join_names(names: list[str], lang: str) -> str:
    """'Siân and Gareth'; in Welsh 'Siân a Gareth', 'Rhian ac Aled' (ac before a vowel)."""
    if len(names) < 2:
        return "".join(names)
    word = strings.t("doc.and", lang)
    last = names[-1]
    if lang == "cy" and last[:1].lower() in "aeiouwyâêîôûŵŷ":
        word = "ac"
    return f"{', '.join(names[:-1])} {word} {last}"


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


def chart(area) -> dict:
    """Geometry for a small SVG line chart of one area's ratings (1 to 10) across the meetings."""
    w, h, left, right, top, bottom = 560, 260, 34, 14, 16, 56
    rs = area.ratings
    n = len(rs)

    def x(i):
        return left + 50 + i * (w - left - right - 100) / max(n - 1, 1)

    def y(v):
        return top + (10 - v) * (h - top - bottom) / 9

    return {
        "w": w, "h": h, "left": left, "right": right,
        "ticks": [{"v": v, "y": round(y(v), 1)} for v in range(1, 11)],
        "points": [{"x": round(x(i), 1), "fy": round(y(r.family), 1), "py": round(y(r.professionals), 1), "r": r}
                   for i, r in enumerate(rs)],
        "family": " ".join(f"{round(x(i), 1)},{round(y(r.family), 1)}" for i, r in enumerate(rs)),
        "professionals": " ".join(f"{round(x(i), 1)},{round(y(r.professionals), 1)}" for i, r in enumerate(rs)),
        "label_y": h - bottom + 22,
    }


def first_core_group_ratings(s) -> list:
    """Each area's first core-group rating (for the 'after' stage)."""
    out = []
    for area in s.areas_of_change:
        core = [r for r in area.ratings if r.at == Meeting.core_group]
        if core:
            out.append((area, core[0]))
    return out


def register(env):
    g = _render._env.globals
    g.update(
        STAGES=STAGES, COLUMNS=COLUMNS, long_date=long_date, first_names=first_names, grid_steps=grid_steps,
        report_sections=report_sections, chart=chart, working_days_between=working_days_between,
        first_core_group_ratings=first_core_group_ratings,
    )

    @env.macro
    def conference_links() -> str:
        """Every case study's walk-through, review conference and example documents."""
        return here(env).render("conference-links", scenarios=load_all(), paths=page_path)
