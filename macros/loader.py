"""Load and validate scenario files. Every problem names the file, the field path and what is wrong."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from .model import Domain, Scenario
from .plan_rules import ask_once, plan_problems

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLACEHOLDER = "TODO:"  # what `make new-case` writes in every field still to be written

# Limits for files from any author: refused quickly, with a message, instead of a slow build.
MAX_BYTES = 1_000_000   # a real scenario is about 30 KB
MAX_ITEMS = 200         # in any one list (statements, people, rewrites...)
MAX_NODES = 100_000     # values, lists and maps in the whole file
MAX_DEPTH = 30          # lists and maps inside each other


class ScenarioError(Exception):
    """One or more scenario files are broken. str() is the full report."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about five times faster


class _UniqueKeyLoader(_Base):
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


def _where(mark) -> str:
    return f"line {mark.line + 1}: " if mark else ""


def check_shape(raw: str, name: str) -> None:
    """Refuse files too large, too long or too deep once aliases are expanded, before anything
    is built from them. An alias (*name) repeats its anchor's whole tree, so a few lines can
    expand exponentially ("billion laughs"); each alias counts at its expanded size.

    Reads the parser's events once and stops at the first problem.
    """
    stack: list[list] = []  # per open list or map: [is_map, key or item count, next is a key, size]
    anchors: dict[str, int] = {}  # anchor -> size of its tree
    nodes = 0

    def count(size: int, mark, alias: bool = False) -> None:
        nonlocal nodes
        nodes += size
        if nodes > MAX_NODES:
            what = "YAML aliases (*name) expand this file" if alias else "this file holds"
            raise ScenarioError([f"{name}: {_where(mark)}{what} to more than {MAX_NODES:,} values (limit)"])

    def done(size: int) -> None:
        """A whole node (value, alias or closed list/map) ends inside the innermost open one."""
        if not stack:
            return
        top = stack[-1]
        top[3] += size
        if top[0]:
            top[2] = not top[2]
            return
        top[1] += 1
        if top[1] > MAX_ITEMS:
            raise ScenarioError([f"{name}: {_keys(stack)}: more than {MAX_ITEMS} items in one list (limit)"])

    for event in yaml.parse(raw, Loader=_Base):
        if isinstance(event, yaml.AliasEvent):
            size = anchors.get(event.anchor, 1)
            count(size, event.start_mark, alias=True)
            done(size)
        elif isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if stack and stack[-1][0] and stack[-1][2]:  # a key: remember it for messages
                stack[-1][1] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
            count(1, event.start_mark)
            if isinstance(event, yaml.ScalarEvent):
                if event.anchor:
                    anchors[event.anchor] = 1
                done(1)
                continue
            is_map = isinstance(event, yaml.MappingStartEvent)
            stack.append([is_map, None if is_map else 0, True, 1, event.anchor])
            if len(stack) > MAX_DEPTH:
                raise ScenarioError([f"{name}: {_where(event.start_mark)}lists and maps nested more than "
                                     f"{MAX_DEPTH} deep (limit)"])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            _, _, _, size, anchor = stack.pop()
            if anchor:
                anchors[anchor] = size
            done(size)


def _keys(stack: list[list]) -> str:
    """The field path of the innermost list, e.g. 'statements'."""
    parts = [str(f[1]) if f[0] else str(f[1] - 1) for f in stack[:-1]]
    return ".".join(parts) or "(file)"


def safe_yaml(path: Path, name: str):
    """Read one YAML file written by an author: size, shape and duplicate keys checked."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ScenarioError([f"{name}: the file is {size / 1_000_000:.1f} MB; "
                             f"the limit is {MAX_BYTES / 1_000_000:g} MB"])
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ScenarioError([f"{name}: not UTF-8 text ({e.reason})"])
    try:
        check_shape(raw, name)
        return yaml.load(raw, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        lines = raw.splitlines()
        line = lines[mark.line] if mark and mark.line < len(lines) else ""
        raise ScenarioError([f"{name}: invalid YAML at {where}{yaml_hint(problem, getattr(e, 'context', None), line)}"])


# The YAML parser's words for the usual slips, and what to write instead, in plain words.
_YAML_HINTS = (
    ("mapping values are not allowed",
     "a colon followed by a space inside a text, or a line indented further than the one above. "
     "If the text has a colon in it, put the whole text in double quotes: en: \"...\""),
    ("expected ',' or '}'",
     "a text inside {en: ..., cy: ...} has a colon in it, or the closing } is missing. "
     "Put each text in double quotes: {en: \"...\", cy: \"...\"}"),
    ("expected ',' or ']'",
     "a list in [ ... ] is not closed, or an item in it has a colon. End the list with ] "
     "and put any item with a colon in double quotes"),
    ("expected <block end>",
     "the indentation does not line up: this line has more or fewer spaces than the field it "
     "belongs with, or a text that starts with a quote goes on after its closing quote. Line it "
     "up with the field above; put a text with quotes in it inside double quotes, writing each "
     "quote inside as \\\""),
    ("found unexpected end of stream",
     "a text that starts with a quote never ends: close it with the same quote (write a quote "
     "inside a double-quoted text as \\\")"),
    ("did not find expected key",
     "the indentation does not line up: this line has more or fewer spaces than the field it "
     "belongs with, or a text that starts with a quote goes on after its closing quote. Line it "
     "up with the field above; put a text with quotes in it inside double quotes, writing each "
     "quote inside as \\\""),
    ("expected '-' indicator",
     "the indentation of a list does not line up: start each item with '- ' at the same place"),
    ("undefined alias",
     "a text starting with * is read as a reference to another part of the file: put the text "
     "in double quotes"),
    ("cannot start any token",
     "a text cannot start with this character (@, ` or %): put the whole text in double quotes"),
)


def yaml_hint(problem: str, context: str | None = None, line: str = "") -> str:
    """The parser's problem in plain words, with what to write; the parser's own words follow.
    `line` is the text of the line the parser stopped at."""
    if "\t" in line[: len(line) - len(line.lstrip())] or "cannot start any token" in problem and "\t" in line:
        return f"a tab character: indent with spaces only (the parser says: {problem})"
    for needle, hint in _YAML_HINTS:
        if needle in problem or (context and needle in context):
            return f"{hint} (the parser says: {problem})"
    return problem


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def field_help(loc: tuple, model=Scenario) -> str | None:
    """The model's description of the field at `loc`: what to write there."""
    import typing

    from pydantic import BaseModel

    help_text = None
    for part in loc:
        if isinstance(part, int) or not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return help_text
        help_text = field.description or help_text
        tp = field.annotation
        while typing.get_args(tp) and not (isinstance(tp, type) and issubclass(tp, BaseModel)):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0]
        model = tp
    return help_text


def _message(err: dict) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        key = str(err["loc"][-1]) if err["loc"] else ""
        if " " in key and err.get("input") is None:
            return ("a comma inside {en: ..., cy: ...} split a text in two. Put each text in double "
                    "quotes: {en: \"...\", cy: \"...\"}")
        return "unknown field (check the spelling; see scenarios/scenario.schema.json)"
    if kind.startswith("date"):
        return f"{err.get('input')!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-06-02"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{err.get('input')!r} is not a whole number"
    if kind in ("bool_parsing", "bool_type"):
        return f"{err.get('input')!r}: write true or false"
    if kind in ("less_than_equal", "greater_than_equal"):
        return f"{err.get('input')!r} is out of range: {err['msg'].lower()}"
    if kind == "literal_error":
        return f"{err.get('input')!r}: {err['msg'].lower()}"
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


def _path(loc: tuple, data=None) -> str:
    """A field path as an author reads it: list items counted from 1 and named by their id,
    e.g. 'statements 3 (id: kitchen).text'. Drops pydantic's internal tags ('function-after[...]')."""
    parts: list[str] = []
    node = data
    for p in loc:
        if isinstance(p, str) and ("[" in p or p.startswith("function")):
            continue
        if isinstance(p, int):
            item = node[p] if isinstance(node, list) and p < len(node) else None
            label = f"{p + 1}"
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                label += f" (id: {item['id']})"
            parts[-1:] = [f"{parts[-1]} {label}" if parts else label]
            node = item
        else:
            parts.append(str(p))
            node = node.get(p) if isinstance(node, dict) else None
    return ".".join(parts) or "(file)"


def placeholders(data, path: str = "") -> list[str]:
    """Field paths (as _path writes them) whose value still starts with the scaffold's TODO."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found += placeholders(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            label = f"{path} {i + 1}"
            if isinstance(value, dict) and isinstance(value.get("id"), str) and not value["id"].startswith(PLACEHOLDER):
                label += f" (id: {value['id']})"
            found += placeholders(value, label)
    elif isinstance(data, str) and data.startswith(PLACEHOLDER):
        found.append(path or "(file)")
    return found


def placeholder_problem(name: str, paths: list[str], show: int = 40) -> str:
    """One message listing the fields still to write (all of them when there are few)."""
    listed = ", ".join(paths[:show]) + (f", and {len(paths) - show} more" if len(paths) > show else "")
    return (f"{name}: {len(paths)} field{'s' if len(paths) != 1 else ''} still to write (they start "
            f"with {PLACEHOLDER.rstrip(':')}): {listed}")


def load_file(path: Path) -> Scenario:
    scenario = _read(path)
    _check_plans(path, scenario)
    return scenario


def _check_plans(path: Path, scenario: Scenario) -> None:
    problems = plan_problems(scenario)
    if problems:
        raise ScenarioError([f"{_rel(path)}: {p}" for p in problems])


def _read(path: Path) -> Scenario:
    """One file read and validated against the model; its plans are checked apart (_check_plans)."""
    name = _rel(path)
    sid = path.stem
    if not ID_RE.match(sid):
        raise ScenarioError([f"{name}: the file name is the scenario id and must be lower-case "
                             f"letters, digits and hyphens (got '{sid}')"])
    data = safe_yaml(path, name)
    if data is None:
        raise ScenarioError([f"{name}: the file is empty"])
    if not isinstance(data, dict):
        raise ScenarioError([f"{name}: expected a map of fields at the top level, "
                             f"found {type(data).__name__}"])
    if "id" in data:
        raise ScenarioError([f"{name}: id: remove this field; the file name '{sid}' is the id"])
    todo = placeholders(data)
    if todo:
        raise ScenarioError([placeholder_problem(name, todo)])
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as e:
        raise ScenarioError(format_errors(name, e, data))
    return scenario


def format_errors(name: str, e: ValidationError, data=None) -> list[str]:
    """One line per problem: the file, the field path and what is wrong."""
    problems = []
    for err in e.errors():
        loc = err["loc"]
        if err["type"] == "extra_forbidden" and loc and " " in str(loc[-1]) and err.get("input") is None:
            loc = loc[:-1]  # a comma split a one-line text: the text is what to fix
        where = _path(loc, data)
        # A check across the whole file names its own field path in the message.
        message = _message(err)
        hint = field_help(err["loc"]) if err["type"] not in ("value_error", "extra_forbidden") else None
        if hint:
            message += f". What to write: {hint}"
        problems.append(f"{name}: {message}" if where == "(file)" and err["type"] == "value_error"
                        else f"{name}: {where}: {message}")
    return problems


def load_all(folder: Path = SCENARIOS) -> dict[str, Scenario]:
    """All scenarios, by id, sorted. Collects every file's problems before failing.

    Read again only when a file changes (pages ask for it many times in one build). During a
    build the folder is looked at once (see start_build), not on each of thousands of calls.
    """
    files = _build_files.get(folder) or _files(folder)
    return dict(_load_all(files))


_build_files: dict[Path, tuple] = {}


def start_build(folder: Path = SCENARIOS) -> dict[str, Scenario]:
    """Called as each build starts (mkdocs serve rebuilds included): look at the folder once and
    keep that list of files, with their times and sizes, for the rest of the build."""
    _build_files.clear()
    _build_files[folder] = _files(folder)
    return load_all(folder)


def _files(folder: Path) -> tuple:
    paths = sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yml", ".yaml"))
    return tuple((p, st.st_mtime_ns, st.st_size) for p in paths for st in (p.stat(),))


@lru_cache(maxsize=8)
def _load_all(files: tuple) -> dict[str, Scenario]:
    scenarios, paths, problems = {}, {}, []
    for path, _, _ in files:
        sid = path.stem
        if sid in scenarios:
            problems.append(f"{_rel(path)}: duplicate scenario id '{sid}' (two files share the name)")
            continue
        try:
            scenarios[sid], paths[sid] = _read(path), path
        except ScenarioError as e:
            problems.extend(e.problems)
    ask_once(scenarios.values())
    for sid, scenario in scenarios.items():
        try:
            _check_plans(paths[sid], scenario)
        except ScenarioError as e:
            problems.extend(e.problems)
    if problems:
        raise ScenarioError(problems)
    return scenarios
