"""Load and validate scenario files. Every problem names the file, the field path and what is wrong."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from .model import Domain, Scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ScenarioError(Exception):
    """One or more scenario files are broken. str() is the full report."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice in one map."""


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        seen[key] = True
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _message(err: dict) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; see scenarios/scenario.schema.json)"
    if kind == "enum" and ctx.get("expected"):
        allowed = ", ".join(d.value for d in Domain)
        if all(d.value in ctx["expected"] for d in Domain):
            return f"unknown domain {err['input']!r}: use one of {allowed}"
        return f"unknown value {err['input']!r}: expected {ctx['expected']}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "too_short" and isinstance(err.get("input"), list):
        return f"needs at least {ctx.get('min_length', 1)} item(s)"
    if kind == "string_pattern_mismatch":
        return f"{err['input']!r} is not a valid id: use lower-case letters, digits and hyphens"
    return err["msg"]


def _path(loc: tuple) -> str:
    # Drop pydantic's internal tags such as 'function-after[...]'.
    parts = [str(p) for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function")))]
    return ".".join(parts) or "(file)"


def load_file(path: Path) -> Scenario:
    name = _rel(path)
    sid = path.stem
    if not ID_RE.match(sid):
        raise ScenarioError([f"{name}: the file name is the scenario id and must be lower-case "
                             f"letters, digits and hyphens (got '{sid}')"])
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ScenarioError([f"{name}: not UTF-8 text ({e.reason})"])
    try:
        data = yaml.load(raw, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise ScenarioError([f"{name}: invalid YAML at {where}{problem}"])
    if data is None:
        raise ScenarioError([f"{name}: the file is empty"])
    if not isinstance(data, dict):
        raise ScenarioError([f"{name}: expected a map of fields at the top level, "
                             f"found {type(data).__name__}"])
    if "id" in data:
        raise ScenarioError([f"{name}: id: remove this field; the file name '{sid}' is the id"])
    try:
        return Scenario.model_validate(data)
    except ValidationError as e:
        problems = []
        for err in e.errors():
            where = _path(err["loc"])
            # A check across the whole file names its own field path in the message.
            problems.append(f"{name}: {_message(err)}" if where == "(file)" and err["type"] == "value_error"
                            else f"{name}: {where}: {_message(err)}")
        raise ScenarioError(problems)


def load_all(folder: Path = SCENARIOS) -> dict[str, Scenario]:
    """All scenarios, by id, sorted. Collects every file's problems before failing."""
    scenarios, problems = {}, []
    for path in sorted(folder.glob("*.y*ml")):
        if path.suffix not in (".yml", ".yaml"):
            continue
        sid = path.stem
        if sid in scenarios:
            problems.append(f"{_rel(path)}: duplicate scenario id '{sid}' (two files share the name)")
            continue
        try:
            scenarios[sid] = load_file(path)
        except ScenarioError as e:
            problems.extend(e.problems)
    if problems:
        raise ScenarioError(problems)
    return scenarios
