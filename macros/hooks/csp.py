"""Hook: every page, the 404s included, carries its Content-Security-Policy and referrer policy
(macros/csp.py). Runs last, so the hashes cover every inline script other hooks added."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]  # MkDocs loads hooks by path: make `macros` importable
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import csp  # noqa: E402


@event_priority(-1000)
def on_post_page(output, page, config):
    return csp.add(output)


@event_priority(-1000)
def on_post_template(output, template_name, config):
    return csp.add(output) if template_name == "404.html" else output
