"""Limited Markdown for scenario text: paragraphs, '- ' lists, **bold** and *italic*.

The text is HTML-escaped first, so raw HTML in a scenario shows as text and never runs.
"""
from __future__ import annotations

import html
import re

from markupsafe import Markup

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![\*\w])\*(?=\S)(.+?)(?<=\S)\*(?![\*\w])")


def inline(text: str) -> Markup:
    """One line: escape, then bold and italic."""
    out = html.escape(text, quote=True)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    out = _EM.sub(r"<em>\1</em>", out)
    return Markup(out)


def block(text: str) -> Markup:
    """Paragraphs and bullet lists."""
    parts = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in chunk.splitlines() if ln.strip()]
        if lines and all(ln.startswith(("- ", "* ")) for ln in lines):
            items = "".join(f"<li>{inline(ln[2:].strip())}</li>" for ln in lines)
            parts.append(f"<ul>{items}</ul>")
        elif lines:
            parts.append(f"<p>{inline(' '.join(lines))}</p>")
    return Markup("\n".join(parts))
