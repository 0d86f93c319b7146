"""Drop the CSS rules no page of the built site can match, and the custom properties nothing reads.

Material's stylesheet styles every feature the theme has (versions, tabs, annotations, code
copying, blog, tags, a dozen admonition types with their icons...); this site uses a few of them.
After the build, every selector is checked against what the site can ever put in a page:

- every word (letters, digits, `-`, `_`) in any built HTML page, inline scripts and text included;
- every word in any JS or JSON file in the site, Material's bundle and the project's own, so a
  class or attribute a script adds at runtime counts; a word ending in `-` or `_` (a script
  building `md-tag--${type}`) keeps every name that starts with it.

A selector is dropped only when a class, id or attribute (with its value, for `=` and `~=`) that
it requires appears nowhere in that word list. Inside `:not()` and `:has()` nothing is required;
`:is()` and `:where()` need one of their alternatives. A rule goes when all its selectors go; a
selector list with a vendor-prefixed part stays whole, as a browser that rejects one part drops
the rule. `@font-face`, `@keyframes`, `@page` and other at-rules stay as they are; `@media` and
`@supports` are pruned inside and go when empty. Then a custom property declared in a pruned file
goes when no `var()` in any stylesheet of the site reads it and no script or page names it.

The output is the input with pieces cut out: nothing is reformatted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

WORD = re.compile(r"[\w-]+")
TEXT_SUFFIXES = (".html", ".js", ".mjs", ".json", ".webmanifest")
GROUPING = ("media", "supports")
VAR_REF = re.compile(r"var\(\s*(--[\w-]+)")
# Bytes that end a word: all but ASCII letters, digits, "-" and "_" (CSS names here are ASCII).
_KEEP = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
_SEPARATE = bytes(c if c in _KEEP else 32 for c in range(256))


# --- The site's vocabulary -----------------------------------------------------------------------

@dataclass
class Vocabulary:
    words: set[str] = field(default_factory=set)
    prefixes: tuple[str, ...] = ()

    @classmethod
    def of_site(cls, site: Path, skip: tuple[str, ...] = ("pagefind/",)) -> "Vocabulary":
        found: set[bytes] = set()
        for path in site.rglob("*"):
            if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
                continue
            rel = path.relative_to(site).as_posix()
            if rel.startswith(skip) and not rel.endswith((".js", ".mjs")):
                continue
            found.update(path.read_bytes().translate(_SEPARATE).split())
        words = {w.decode("ascii") for w in found}
        prefixes = tuple(sorted(w for w in words if len(w.strip("-_")) >= 3 and w[-1] in "-_"))
        return cls(words, prefixes)

    def has(self, name: str) -> bool:
        if name in self.words or name.startswith(self.prefixes):
            return True
        if name.startswith("data-"):  # element.dataset.fooBar sets data-foo-bar
            camel = re.sub(r"-([a-z])", lambda m: m.group(1).upper(), name[5:])
            return camel in self.words
        return False


# --- Parsing -------------------------------------------------------------------------------------

def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    i += 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _scan(text: str, i: int, stops: str) -> int:
    """Index of the first character in `stops` at depth 0 from i (strings, comments, (), [] skipped)."""
    depth = 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = _skip_string(text, i)
            continue
        if text.startswith("/*", i):
            i = text.find("*/", i + 2)
            i = len(text) if i < 0 else i + 2
            continue
        if c == "\\":
            i += 2
            continue
        if depth == 0 and c in stops:
            return i
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        i += 1
    return i


def _block_end(text: str, i: int) -> int:
    """Index just after the `}` closing the block whose `{` is at i."""
    depth = 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = _skip_string(text, i)
            continue
        if text.startswith("/*", i):
            i = text.find("*/", i + 2)
            i = len(text) if i < 0 else i + 2
            continue
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unclosed block")


@dataclass
class Node:
    kind: str            # "rule", "group" (@media/@supports), "raw" (anything else, kept whole)
    raw: str = ""        # raw: the text; rule: unused
    prelude: str = ""    # rule: the selector list; group: "@media ..." up to "{"
    body: str = ""       # rule: the declarations
    children: list["Node"] = field(default_factory=list)

    def text(self) -> str:
        if self.kind == "raw":
            return self.raw
        if self.kind == "rule":
            return f"{self.prelude}{{{self.body}}}"
        return self.prelude + "{" + "".join(c.text() for c in self.children) + "}"


def parse(text: str) -> list[Node]:
    nodes: list[Node] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j].isspace():
            j += 1
        if text.startswith("/*", j):
            end = text.find("*/", j + 2)
            end = len(text) if end < 0 else end + 2
            nodes.append(Node("raw", raw=text[i:end]))
            i = end
            continue
        if j >= len(text):
            nodes.append(Node("raw", raw=text[i:]))
            break
        stop = _scan(text, j, "{;}")
        if stop >= len(text) or text[stop] == "}":
            raise ValueError(f"unexpected end of rule at {j}")
        if text[stop] == ";":  # @charset, @import, @layer a, b;
            nodes.append(Node("raw", raw=text[i:stop + 1]))
            i = stop + 1
            continue
        end = _block_end(text, stop)
        prelude, inner = text[i:stop], text[stop + 1:end - 1]
        if text[j] == "@":
            name = re.match(r"@([\w-]+)", text[j:]).group(1).lower()
            if name in GROUPING:
                nodes.append(Node("group", prelude=prelude, children=parse(inner)))
            else:
                nodes.append(Node("raw", raw=text[i:end]))
        elif "{" in inner:  # nested CSS: kept whole
            nodes.append(Node("raw", raw=text[i:end]))
        else:
            nodes.append(Node("rule", prelude=prelude, body=inner))
        i = end
    return nodes


def split_top(text: str, sep: str) -> list[str]:
    parts, i, start = [], 0, 0
    while True:
        k = _scan(text, i, sep)
        parts.append(text[start:k])
        if k >= len(text):
            return parts
        i = start = k + 1


# --- Selectors -----------------------------------------------------------------------------------

IDENT = re.compile(r"-?(?:[\w-]|\\.)+")
ATTR = re.compile(r"\s*((?:[\w-]|\\.)+(?:\|(?:[\w-]|\\.)+)?)\s*(?:([~|^$*]?=)\s*(\"[^\"]*\"|'[^']*'|[^\s\]]+)\s*([iIsS])?)?\s*$")
ALTERNATIVES = ("is", "where", "matches", "-webkit-any", "-moz-any")


def possible(selector: str, vocab: Vocabulary) -> bool:
    """False only when the selector needs a class, id or attribute the site never has."""
    s, i = selector, 0
    while i < len(s):
        c = s[i]
        if c in "\"'":
            i = _skip_string(s, i)
        elif c in ".#":
            m = IDENT.match(s, i + 1)
            if not m:
                i += 1
                continue
            name = m.group(0)
            if "\\" not in name and not vocab.has(name):
                return False
            i = m.end()
        elif c == "[":
            end = _scan(s, i + 1, "]")
            m = ATTR.match(s[i + 1:end])
            if m:
                name, op, value = m.group(1), m.group(2), m.group(3)
                name = name.split("|")[-1]
                if "\\" not in name and not vocab.has(name):
                    return False
                if op in ("=", "~=") and value:
                    value = value.strip("\"'")
                    if "\\" not in value and not all(vocab.has(w) for w in WORD.findall(value)):
                        return False
            i = end + 1
        elif c == ":":
            j = i + 1 + (s[i + 1:i + 2] == ":")
            m = IDENT.match(s, j)
            name = m.group(0).lower() if m else ""
            k = m.end() if m else j
            if s[k:k + 1] == "(":
                end = _scan(s, k + 1, ")")
                arg = s[k + 1:end]
                if name in ALTERNATIVES and not any(possible(a, vocab) for a in split_top(arg, ",")):
                    return False
                k = end + 1
            i = k
        else:
            i += 1
    return True


def _vendor(selector: str) -> bool:
    return bool(re.search(r":-|:has\(", selector))


def prune_nodes(nodes: list[Node], vocab: Vocabulary) -> list[Node]:
    out = []
    for n in nodes:
        if n.kind == "group":
            n.children = prune_nodes(n.children, vocab)
            if any(c.kind != "raw" or c.raw.strip() for c in n.children):
                out.append(n)
        elif n.kind == "rule":
            selectors = split_top(n.prelude, ",")
            keep = [sel for sel in selectors if possible(sel, vocab)]
            if not keep:
                continue
            if len(keep) < len(selectors) and not any(_vendor(sel) for sel in selectors):
                lead = n.prelude[:len(n.prelude) - len(n.prelude.lstrip())]
                n.prelude = lead + ",".join(sel.strip() for sel in keep)
            out.append(n)
        else:
            out.append(n)
    return out


# --- Custom properties ---------------------------------------------------------------------------

def _rules(nodes: list[Node]):
    for n in nodes:
        if n.kind == "rule":
            yield n
        elif n.kind == "group":
            yield from _rules(n.children)


def _declared(body: str) -> list[tuple[str, str]]:
    """(property, declaration text) for each declaration of a rule body."""
    out = []
    for decl in split_top(body, ";"):
        name = decl.split(":", 1)[0].strip()
        out.append((name, decl))
    return out


def drop_unread_properties(files: dict[Path, list[Node]], other_css: str, vocab: Vocabulary) -> None:
    """Remove `--x: ...` declarations that nothing reads, until none is left to remove."""
    named_elsewhere = {w for w in vocab.words if w.startswith("--")}
    while True:
        reads = set(VAR_REF.findall(other_css))
        for nodes in files.values():
            reads.update(VAR_REF.findall("".join(n.text() for n in nodes)))
        removed = False
        for nodes in files.values():
            for r in _rules(nodes):
                decls = _declared(r.body)
                kept = [d for name, d in decls
                        if not name.startswith("--") or name in reads or name in named_elsewhere]
                if len(kept) < len(decls):
                    r.body = ";".join(kept)
                    removed = True
        if not removed:
            return


# --- The step ------------------------------------------------------------------------------------

def prune_site(site: Path, files: list[Path]) -> dict[str, tuple[int, int]]:
    """Prune the given stylesheets of a built site in place; {relative path: (bytes before, after)}."""
    vocab = Vocabulary.of_site(site)
    parsed = {f: prune_nodes(parse(f.read_text(encoding="utf-8")), vocab) for f in files}
    others = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.css")
                     if p not in parsed)
    inline = re.compile(r"style=\"[^\"]*\"|<style[^>]*>.*?</style>", re.S)
    others += "".join(m for p in site.rglob("*.html") for m in inline.findall(p.read_text(encoding="utf-8")))
    drop_unread_properties(parsed, others, vocab)
    sizes = {}
    for f, nodes in parsed.items():
        before = f.stat().st_size
        text = "".join(n.text() for n in nodes)
        # The theme's source map describes the whole file, no longer this one.
        text = re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*$", "", text)
        f.write_text(text, encoding="utf-8")
        sizes[f.relative_to(site).as_posix()] = (before, f.stat().st_size)
    return sizes
