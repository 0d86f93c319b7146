"""A figure or fact from a case study, taken from its scenario file, for guidance pages.

One fact in one place: a guidance page that cites a case study never retypes its figures; it calls
{{ scenario_fact("teulu-hughes", "safety_scale") }} and the scenario file supplies them. The output
is marked (data-component="scenario-fact") so a test can tell quoted figures from retyped ones.
"""
from __future__ import annotations

from ..page import here
from ..loader import load_all

# What a page can quote. Area facts need the area's id: scenario_fact(sid, "contingency", "sober-carer").
SCENARIO_FACTS = ("safety_scale", "child_age")
AREA_FACTS = ("name", "not_good_enough", "good_enough", "contingency")


def register(env):
    @env.macro
    def scenario_fact(sid: str, fact: str, area: str = "") -> str:
        scenarios = load_all()
        if sid not in scenarios:
            raise ValueError(f"scenario_fact: no scenario '{sid}' (scenarios/{sid}.yml)")
        s = scenarios[sid]
        if fact in SCENARIO_FACTS:
            if area:
                raise ValueError(f"scenario_fact: '{fact}' takes no area")
            return here(env).render("scenario-fact", sid=sid, fact=fact, s=s, area=None)
        if fact in AREA_FACTS:
            match = [a for a in s.areas_of_change if a.id == area]
            if not match:
                raise ValueError(f"scenario_fact: {sid} has no area of change '{area}'")
            return here(env).render("scenario-fact", sid=sid, fact=fact, s=s, area=match[0])
        raise ValueError(f"scenario_fact: unknown fact '{fact}' "
                         f"(one of {', '.join(SCENARIO_FACTS + AREA_FACTS)})")
