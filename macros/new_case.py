"""`make new-case ID=teulu-jones`: write scenarios/teulu-jones.yml, a bilingual skeleton of every
field the pages need, generated from the scenario model (macros/model.py), so a field added to
the model appears here by itself.

Each part gets a plain comment from the model's field description. Every value is a placeholder
starting with TODO; the loader refuses the file and lists them until every one is written.
"""
from __future__ import annotations

import datetime as dt
import enum
import json
import sys
import textwrap
import types
import typing
from pathlib import Path

from pydantic import BaseModel

from .loader import ID_RE, PLACEHOLDER, SCENARIOS
from .model import Scenario, Text

# How many items a list starts with, where one is not enough to show the shape (the comment above
# the list says how many the rules need).
ITEMS = {"statements": 14, "safety_scale": 2, "people": 2, "areas_of_change": 2, "ratings": 2,
         "steps": 1, "rewrites": 1, "rules": 2, "supervision_questions": 3, "who_comes": 2,
         "signs": 2, "seen": 2, "core_group": 3, "core_groups": 3, "present": 3, "views": 2}
WIDTH = 96
# Fields with a default that a case still needs to write in most cases (the model asks for them
# under a condition): shown to fill in, not commented out.
SHOWN = {"categories", "next_review"}


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _unwrap(annotation):
    """(type, optional) with Optional[...] and Annotated[...] removed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional


def _choices(tp) -> list[str] | None:
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return [m.value for m in tp]
    if typing.get_origin(tp) is typing.Literal:
        return [str(a) for a in typing.get_args(tp)]
    return None


def _leaf(tp, field, name: str) -> str:
    """A placeholder for one value that is not text in both languages."""
    choices = _choices(tp)
    if choices:
        return _q(f"{PLACEHOLDER} one of {', '.join(choices)}")
    if tp is dt.date:
        return _q(f"{PLACEHOLDER} a date, YYYY-MM-DD")
    if tp is bool:
        return _q(f"{PLACEHOLDER} true or false")
    if tp is int:
        low = high = None
        for m in getattr(field, "metadata", []):
            low = getattr(m, "ge", low)
            high = getattr(m, "le", high)
        return _q(f"{PLACEHOLDER} a whole number" + (f" from {low} to {high}" if low is not None else ""))
    if name in ("id",):
        return _q(f"{PLACEHOLDER} a short id: lower-case letters, digits and hyphens")
    if name == "time":
        return _q(f"{PLACEHOLDER} HH:MM, 24-hour")
    return _q(f"{PLACEHOLDER} {name.replace('_', ' ')}")


def _comment(text: str | None, indent: str) -> list[str]:
    if not text:
        return []
    return [f"{indent}# {line}" for line in textwrap.wrap(" ".join(text.split()), WIDTH - len(indent) - 2, break_on_hyphens=False)]


def _value(tp, field, name: str, indent: str, comments: bool = True) -> list[str]:
    """Lines for one value, starting right after 'key:' (first line is the same line)."""
    if isinstance(tp, type) and issubclass(tp, Text):
        what = name.replace("_", " ")
        return [f" {{en: {_q(f'{PLACEHOLDER} {what}, in English')}, cy: {_q(f'{PLACEHOLDER} {what}, in Welsh')}}}"]
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [""] + _model(tp, indent + "  ", comments)
    if typing.get_origin(tp) is list:
        item, _ = _unwrap(typing.get_args(tp)[0])
        count = ITEMS.get(name, 1)
        lines = [""]
        for i in range(count):
            body = _value(item, None, _singular(name), indent + "  ", comments and i == 0)
            if isinstance(item, type) and issubclass(item, BaseModel) and not issubclass(item, Text):
                inner = _model(item, indent + "  ", comments and i == 0)
                # "- " takes the place of the first field's indent.
                first = next(k for k, ln in enumerate(inner) if not ln.lstrip().startswith("#"))
                inner[first] = f"{indent}- {inner[first][len(indent) + 2:]}"
                lines += inner
            else:
                lines.append(f"{indent}-{body[0]}")
                lines += body[1:]
        return lines
    return [f" {_leaf(tp, field, name)}"]


def _singular(name: str) -> str:
    return {"people": "person", "statements": "statement", "who_comes": "who comes",
            "supervision_questions": "question", "categories": "category", "apologies": "apology",
            "core_groups": "core group date"}.get(name, name.rstrip("s"))


def _model(model: type[BaseModel], indent: str, comments: bool = True) -> list[str]:
    lines: list[str] = []
    for name, field in model.model_fields.items():
        tp, optional = _unwrap(field.annotation)
        if comments:
            lines += _comment(field.description, indent)
        value = _value(tp, field, name, indent, comments)
        if not field.is_required() and name not in SHOWN:
            # Optional: shown commented out, to uncomment when it applies.
            if comments:
                lines += [f"{indent}# {name}:{value[0]}"] + [f"{indent}# {ln[len(indent):]}" for ln in value[1:]]
            continue
        lines.append(f"{indent}{name}:{value[0]}")
        lines += value[1:]
    return lines


def skeleton(sid: str) -> str:
    head = [
        "# yaml-language-server: $schema=./scenario.schema.json",
        f"# A fictional family for the case study /case-studies/{sid}/ (Welsh: /cy/case-studies/{sid}/).",
        "# Replace every text that starts with TODO, in English (en) and Welsh (cy). Check it with",
        f"#   make check-case ID={sid}",
        "# and read scenarios/README.md for what makes a case that teaches.",
        "",
    ]
    return "\n".join(head + _model(Scenario, "")) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not ID_RE.match(argv[0]):
        print("usage: make new-case ID=teulu-jones  (lower-case letters, digits and hyphens)", file=sys.stderr)
        return 2
    sid = argv[0]
    out = SCENARIOS / f"{sid}.yml"
    if out.exists():
        print(f"{out.relative_to(SCENARIOS.parent)} already exists: choose another id, or edit that file", file=sys.stderr)
        return 1
    out.write_text(skeleton(sid), encoding="utf-8")
    print(f"wrote {out.relative_to(SCENARIOS.parent)}: replace every TODO, then run make check-case ID={sid}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
