"""The Content Security Policy and referrer policy, as <meta> tags (GitHub Pages sends no headers).

Added to every built page after rendering (macros/hooks/csp.py), first thing after <meta charset>.
Inline scripts are allowed by the sha256 of their exact text, computed for each page, so a
script the theme or a partial writes keeps working and nothing else inline can run. Data
scripts (type="application/json") are not executed and need no hash.
"""
from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*(["']?)([^"'\s>]*)\1""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}

# Pagefind (search) compiles WebAssembly: 'wasm-unsafe-eval' allows that and not eval().
# Styles: Material and our CSS are files; scripts change styles only through the CSSOM, which
# CSP allows. 'unsafe-inline' is not needed.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
REFERRER = '<meta name="referrer" content="no-referrer">'


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-…' for every inline script a browser would run, in page order, without repeats."""
    hashes = []
    for attrs, body in _SCRIPT.findall(html):
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if kind and kind.group(2).lower() not in _EXECUTABLE:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    parts = {**POLICY, "script-src": POLICY["script-src"] + inline_script_hashes(html)}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in parts.items())


def add(html: str) -> str:
    """The page with its CSP and referrer <meta> right after <meta charset> (or <head>)."""
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    tags = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">{REFERRER}'
    at = _CHARSET.search(html)
    if at:
        return html[: at.end()] + tags + html[at.end():]
    head = re.search(r"<head\b[^>]*>", html, re.I)
    if not head:
        raise ValueError("a page without <head>: cannot add its Content-Security-Policy")
    return html[: head.end()] + tags + html[head.end():]


_POLICY_SCRIPTS = re.compile(r'(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src )', re.I)


def _sha256(body: str) -> str:
    return base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")


def allow_script(html: str, body: str) -> str:
    """The page with one more inline script allowed, by the sha256 of its exact text. Only for
    `mkdocs serve`, whose live-reload script the server adds to each page as it serves it (never
    to the built files, whose policy stays as `add` wrote it)."""
    return _POLICY_SCRIPTS.sub(lambda m: f"{m.group(1)}'sha256-{_sha256(body)}' ", html, count=1)


def allow_live_reload(page: bytes, inject) -> bytes:
    """`inject(page)` adds the live-reload <script> before </body> (MkDocs' server does); the
    result also allows exactly that script."""
    out = inject(page)
    if out == page or b'http-equiv="Content-Security-Policy"' not in out:
        return out
    end = out.rindex(b"</script>")
    body = out[:end].rsplit(b"<script>", 1)[1].decode("utf-8")
    return allow_script(out.decode("utf-8"), body).encode("utf-8")
