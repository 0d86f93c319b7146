"""Scenario content rules from issue 4: enough statements, every domain, honest grey areas,
concrete rewrites, both parents, a child's safe role, and Welsh that is not English."""
from __future__ import annotations

import re

import pytest

from macros.loader import load_all
from macros.model import Domain

SCENARIOS = load_all()
VAGUE = re.compile(r"\b(engage|address|continue to work with|support|monitor|ensure|acceptable)", re.I)
TIME = re.compile(r"\b(every|each|by|before|within|from|until|\d{1,2}(\.\d\d)?|monday|tuesday|wednesday|thursday|"
                  r"friday|saturday|sunday|night|morning|evening|week|month|tonight|always|if|when|whenever)\b", re.I)
VAGUE_IN_RULE = re.compile(r"\b(engage\w*|address (his|her|their|the)|continue to work with|be supported|monitor\w*|"
                           r"ensure\w*|acceptable|appropriate)\b", re.I)
ENGLISH_WORDS = re.compile(r"\b(the|and|with|will|should|would|because|what)\b")


@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_grid_has_enough_statements_in_every_domain(sid):
    s = SCENARIOS[sid]
    assert len(s.statements) >= 14
    domains = {st.domain for st in s.statements}
    assert domains == set(Domain), f"missing {set(Domain) - domains}"
    assert sum(st.domain == Domain.grey_area for st in s.statements) >= 2
    for st in s.statements:
        assert st.domain not in st.also_accept, f"{st.id}: also_accept repeats the domain"


@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_safety_scale_has_parents_and_professionals_with_reasons(sid):
    s = SCENARIOS[sid]
    kinds = [v.kind for v in s.safety_scale]
    assert "parent" in kinds and "professional" in kinds
    for v in s.safety_scale:
        assert len(v.reason.en.split()) >= 8 and len(v.reason.cy.split()) >= 8


@pytest.mark.parametrize("sid", ["teulu-pritchard", "teulu-ellis"])
def test_new_scenarios_have_full_content(sid):
    s = SCENARIOS[sid]
    assert 1 <= len(s.areas_of_change) <= 3
    for area in s.areas_of_change:
        assert area.steps and area.contingency and area.ratings
    assert len(s.rewrites) >= 2
    assert len(s.supervision_questions) >= 3
    assert any(p.role.en == "Father" for p in s.people)


@pytest.mark.parametrize("sid", ["teulu-pritchard", "teulu-ellis"])
def test_rewrites_turn_vague_items_into_concrete_rules(sid):
    s = SCENARIOS[sid]
    names = [p.name.split()[0] for p in s.people] + ["police", "health visitor", "social worker",
                                                     "school", "contact worker", "programme worker", "nurse"]
    child_roles = 0
    for r in s.rewrites:
        assert VAGUE.search(r.vague.en), f"{r.id}: the vague item should read like a real vague item"
        assert r.both_parents, f"{r.id}: say how both parents are included"
        marks = set().union(*(set(rule.marks) for rule in r.rules))
        assert {"who", "what", "when", "check", "contingency"} <= {m.value for m in marks}, r.id
        for rule in r.rules:
            text = rule.text.en
            assert not VAGUE_IN_RULE.search(text), f"{r.id}: vague word in a rule: {text}"
            if "who" in [m.value for m in rule.marks]:
                assert any(n in text for n in names), f"{r.id}: no named person: {text}"
            if "when" in [m.value for m in rule.marks]:
                assert TIME.search(text), f"{r.id}: no time or standing rule: {text}"
            child_roles += "child" in [m.value for m in rule.marks]
    assert child_roles >= 1, "a child's safe role belongs in at least one rule"


def test_domestic_abuse_plan_answers_what_happens_tonight():
    s = SCENARIOS["teulu-pritchard"]
    father = next(p for p in s.people if p.id == "dylan")
    assert not father.lives_in_home
    rules = [rule.text.en for r in s.rewrites for rule in r.rules]
    assert any("If Dylan comes to the flat" in t for t in rules)
    assert any("Dylan" in t and "programme" in t for t in rules), "the father's own change is in the plan"


def test_neglect_scenario_asks_compliance_or_change():
    s = SCENARIOS["teulu-ellis"]
    assert "mental-health" in [t.value for t in s.themes] and "neglect" in [t.value for t in s.themes]
    text = " ".join(st.explanation.en for st in s.statements)
    assert "compliance" in text.lower()
    assert any("unannounced" in rule.text.en for r in s.rewrites for rule in r.rules)


@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_welsh_text_is_welsh(sid):
    s = SCENARIOS[sid]
    texts = [s.narrative, s.child.pen_picture, *(st.text for st in s.statements),
             *(st.explanation for st in s.statements), *(v.reason for v in s.safety_scale)]
    for t in texts:
        assert t.cy != t.en
        english = ENGLISH_WORDS.findall(t.cy)
        assert not english, f"English words in Welsh text: {english}: {t.cy[:80]}"
