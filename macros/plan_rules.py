"""The plan checker's own rules applied to a scenario's agreed plan, so that a plan action with no
person, no date or frequency, or no way to check it fails the build naming the file and field.

The rules are the checker's (its module and wording.json, run once per file under Node), not a
copy: a phrase a practitioner adds to wording.json counts here too. A rewrite's deliberately vague
"before" line is not checked; its concrete rules are.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "plan_rules.mjs"
CHECKER = HERE / "components" / "plan-checker" / "plan-checker-rules.js"
LANGS = ("en", "cy")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def step_line(step, lang: str) -> str:
    """A plan step as the sentence the checker reads: 'Gareth will sign Cai up ... (end of June).'"""
    if lang == "cy":
        return f"Bydd {step.who[lang]} yn {_lower_first(step.text[lang])} ({_lower_first(step.by[lang])})."
    return f"{step.who[lang]} will {_lower_first(step.text[lang])} ({_lower_first(step.by[lang])})."


def _lines(s) -> list[list[str]]:
    lines = []
    for i, area in enumerate(s.areas_of_change):
        for j, step in enumerate(area.steps):
            for lang in LANGS:
                lines.append([f"step {i} {j} {lang}", lang, step_line(step, lang)])
        for lang in LANGS:
            lines.append([f"checked {i} {lang}", lang, area.checked[lang]])
    for i, rw in enumerate(s.rewrites):
        for j, rule in enumerate(rw.rules):
            for lang in LANGS:
                lines.append([f"rule {i} {j} {lang}", lang, rule.text[lang]])
    return lines


_SEEN: dict[tuple[str, str], dict] = {}  # (lang, text) -> the checker's answer, for this process


def _run(lines: list[list[str]]) -> dict:
    """The checker's answer for each line, by key; only lines not seen before go to Node."""
    todo = [line for line in lines if (line[1], line[2]) not in _SEEN]
    if todo:
        for (_, lang, text), (_, answer) in zip(todo, _ask_node(todo)):
            _SEEN[(lang, text)] = answer
    return {key: _SEEN[(lang, text)] for key, lang, text in lines}


def _ask_node(lines: list[list[str]]) -> list:
    node = shutil.which("node")
    if not node:
        raise RuntimeError("Node.js is needed to check the plans in scenario files (the plan checker's rules)")
    done = subprocess.run([node, str(SCRIPT), str(CHECKER)], input=json.dumps(lines), capture_output=True,
                          text=True, timeout=60, check=False)
    if done.returncode:
        raise RuntimeError(f"the plan checker failed: {done.stderr.strip()[:500]}")
    return json.loads(done.stdout)


def ask_once(scenarios) -> None:
    """Put every scenario's plan lines to the checker in one Node run (one run per file took about
    0.3 s each, half a minute for 100 files); plan_problems then reads the answers."""
    _run([line for s in scenarios for line in _lines(s)])


def plan_problems(s) -> list[str]:
    """'field path: problem' for every plan line the checker refuses."""
    results = _run(_lines(s))
    problems = []
    for key, r in results.items():
        kind, *rest = key.split()
        if kind == "step":
            i, j, lang = rest
            base = f"areas_of_change.{i}.steps.{j}"
            if "no-person" in r["types"]:
                problems.append(f"{base}.who.{lang}: no named person (plan checker: say who will do it, "
                                f"by name or role, not \"parents\" or \"services\")")
            if "no-time" in r["types"]:
                problems.append(f"{base}.by.{lang}: no date or frequency (plan checker: say by when, or how "
                                f"often, or the event that starts it)")
            step = s.areas_of_change[int(i)].steps[int(j)]
            for phrase in r["phrases"]:
                field = next((f for f in ("text", "who", "by") if phrase.lower() in getattr(step, f)[lang].lower()),
                             "text")
                problems.append(f"{base}.{field}.{lang}: vague wording {phrase!r} "
                                f"(plan checker: say exactly what will happen)")
        elif kind == "checked":
            i, lang = rest
            if not r["check"]:
                problems.append(f"areas_of_change.{i}.checked.{lang}: no way to check it (plan checker: say how "
                                f"the core group will know it has happened)")
        elif kind == "rule" and r["vague"]:
            i, j, lang = rest
            problems.append(f"rewrites.{i}.rules.{j}.text.{lang}: the plan checker finds this rule vague "
                            f"({', '.join(r['types'])}{': ' + ', '.join(repr(p) for p in r['phrases']) if r['phrases'] else ''}); "
                            f"only the 'vague' line of a rewrite may be vague")
    return problems
