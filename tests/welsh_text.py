"""The Welsh text that the terminology and mutation tests read.

- ``built_pages(site)``: every page under ``site/cy/`` (the 404 included) -> its sentences. The
  whole page is read (``<title>``, header, navigation, content, footer, and ``alt``, ``title``,
  ``aria-label`` and ``placeholder`` text), with the rules of ``test_welsh.py``: text whose nearest
  ``lang`` is not Welsh is skipped, and so are code, scripts, styles, templates and SVG.
- ``source_strings()``: (where, text) for every Welsh string kept in a data file, including the
  ones only JavaScript shows: ``macros/strings.yml``, the glossary, every scenario's Welsh texts
  and the plan checker's Welsh messages in ``wording.json``. The checker's phrase lists are left
  out: they are patterns to match and list unmutated forms on purpose.
"""
from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import WORDING_JSON  # noqa: E402

from test_welsh import ContentText  # noqa: E402

from macros import glossary, strings  # noqa: E402
from macros.loader import load_all  # noqa: E402
from macros.model import Text  # noqa: E402

WORDING = WORDING_JSON


class WholePage(ContentText):
    """Every Welsh text of a page, one block per line."""

    block_sep = "\u2029"  # paragraph separator: never in page text

    def __init__(self):
        super().__init__(root_class="")

    def _state(self):
        # Outside any element counts as inside the "root": the whole document is read.
        return self.stack[-1][1:] if self.stack else (True, True, False)


SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def sentences(text: str) -> list[str]:
    """Blocks (separated by U+2029) cut at sentence ends, whitespace collapsed."""
    out = []
    for block in text.split("\u2029"):
        block = " ".join(block.split())
        out.extend(s for s in SENTENCE_END.split(block) if s.strip())
    return out


def page_sentences(html: str) -> list[str]:
    parser = WholePage()
    parser.feed(html)
    parser.close()
    return sentences(parser.text())


def page_name(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


@lru_cache(maxsize=2)
def built_pages(site: Path) -> dict[str, list[str]]:
    """Page ("cy/elements/change/", "cy/404.html") -> its Welsh sentences."""
    return {page_name(site, p): page_sentences(p.read_text(encoding="utf-8"))
            for p in sorted((site / "cy").rglob("*.html"))}


def _texts(value, where: str):
    """(where, Welsh text) for every Text inside a scenario model, recursively."""
    if isinstance(value, Text):
        yield where, value.cy
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{where}.{key}")


def _wording(value, where: str):
    """Welsh texts of wording.json: the ``cy`` side of an {en, cy} pair, as a string or as a map
    of strings (message, question). Lists are match patterns and are skipped."""
    if isinstance(value, dict):
        cy = value.get("cy") if "en" in value else None
        if isinstance(cy, str):
            yield f"{where}.cy", cy
        elif isinstance(cy, dict):
            for key, text in cy.items():
                if isinstance(text, str):
                    yield f"{where}.cy.{key}", text
        for key, item in value.items():
            yield from _wording(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _wording(item, f"{where}[{i}]")


@lru_cache(maxsize=1)
def source_strings() -> tuple[tuple[str, str], ...]:
    """(where, text) for the Welsh strings in the data files, e.g. ("macros/strings.yml: mark.when", ...)."""
    found = [(f"macros/strings.yml: {key}", value["cy"]) for key, value in strings.load().items()]
    for term in glossary.load().terms:
        found += [(f"macros/glossary.yml: {term.id}{w}", t) for w, t in _texts(term, "")]
    for sid, scenario in load_all().items():
        found += [(f"scenarios/{sid}.yml: {w.lstrip('.')}", t) for w, t in _texts(scenario, "")]
    data = json.loads(WORDING.read_text(encoding="utf-8"))
    found += [(f"wording.json: {w.lstrip('.')}", t) for w, t in _wording(data, "")]
    return tuple(found)
