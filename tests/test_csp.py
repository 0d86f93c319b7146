"""Content Security Policy: every built page carries it, first in its head, with hashes that match.

That no page breaks it (a `securitypolicyviolation` listener on every page, each kind used
lightly) and that it bites are checked in test_pages.py, in the one visit per page.
"""
from __future__ import annotations

import re

from macros.csp import inline_script_hashes

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


def test_every_page_has_the_policy_first_in_head(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    assert site / "404.html" in pages and site / "cy" / "404.html" in pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = CSP_META.findall(html)
        assert len(found) == 1, f"{path.relative_to(site)}: {len(found)} CSP meta tags"
        head = html[html.index("<head"):html.index("</head>")]
        assert head.index("Content-Security-Policy") < head.find("<script"), f"{path}: a script before the CSP"
        assert '<meta name="referrer" content="no-referrer">' in head
        d = _directives(found[0])
        assert d["default-src"] == ["'self'"]
        assert d["connect-src"] == ["'self'"] and d["object-src"] == ["'none'"]
        assert d["base-uri"] == ["'self'"] and d["form-action"] == ["'self'"]
        assert d["worker-src"] == ["'self'"] and d["manifest-src"] == ["'self'"]
        assert d["img-src"] == ["'self'", "data:"]
        assert "'unsafe-eval'" not in found[0] and "'unsafe-inline'" not in found[0]
        assert d["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]
        assert d["script-src"][2:] == inline_script_hashes(html), f"{path}: hashes out of date"
