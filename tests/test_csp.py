"""Content Security Policy: every built page carries it, first in its head, with hashes that match.

That no page breaks it (a `securitypolicyviolation` listener on every page, each kind used
lightly) and that it bites are checked in test_pages.py, in the one visit per page.
"""
from __future__ import annotations

import re

from helpers import ROOT
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


def _csp_hook():
    import importlib.util

    spec = importlib.util.spec_from_file_location("csp_hook", ROOT / "macros" / "hooks" / "csp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_live_reload_script_is_allowed_only_in_the_served_page(site):
    """`make serve`: the page being read reloads after a save. MkDocs' server adds an inline
    script to each page it serves; the served copy's policy allows exactly that script by its hash.
    The built file's policy is untouched."""
    import base64
    import hashlib

    from mkdocs.livereload import LiveReloadServer

    built = (site / "about" / "index.html").read_bytes()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    try:
        _csp_hook().on_serve(server, config=None, builder=None)
        served = server._inject_js_into_html(built, 12345).decode("utf-8")
    finally:
        server.server_close()
    script = re.findall(r"<script>(.*?)</script>", served, re.S)[-1]
    assert "livereload(12345" in script
    digest = "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', served).group(1)
    assert digest in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "'unsafe-inline'" not in policy
    # The published page never carries it.
    assert digest not in built.decode("utf-8") and "livereload" not in built.decode("utf-8")
