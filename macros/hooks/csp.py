"""Hook: every page, the 404s included, carries its Content-Security-Policy and referrer policy
(macros/csp.py). Runs last, so the hashes cover every inline script other hooks added. In
`mkdocs serve`, the page being read also allows the server's live-reload script, so it reloads
after a save; the built files and the published site keep the strict policy."""
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


def on_serve(server, config, builder):
    """MkDocs' server adds its live-reload script to every page it serves (MkDocs 1.6, pinned:
    `LiveReloadServer._inject_js_into_html`; tests/test_csp.py fails if it is gone). Allow that
    exact script by its hash in the served copy of the page."""
    inject = server._inject_js_into_html
    server._inject_js_into_html = lambda content, epoch: csp.allow_live_reload(
        content, lambda page: inject(page, epoch))
    return server
