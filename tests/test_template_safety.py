"""Author text is data, never template source.

One build of a copied project where every text of a scenario (both languages), some UI strings,
a glossary entry and the plan checker's wording carry template and HTML syntax. Every generated
page must show it exactly as typed, and with the marker taken out the site must be the site built
from the unmodified project (the `site` fixture): nothing evaluated, nothing else changed.
"""
from __future__ import annotations

import functools
import html
import http.server
import json
import re
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from helpers import GLOSSARY_YML_REL, STRINGS_YML_REL, WORDING_JSON_REL, copy_project, mkdocs_build

MARKER = " {{ x }} {% raw %} {# ${x} <%= x %> {{ 7*191 }} {x} {0}"
SID = "teulu-hughes"
STRINGS = ("case.fictional", "case.title_rewrites", "workbook.example_name", "site.copy_link")
KINDS = {"": "exercise", "rewrites/": "rewrites", "steps/": "steps"}


def _append(text: str) -> str:
    """The marker at the end, inside a closing quote (templates trim quotes around some names)."""
    body = text.rstrip('"”\'')
    return body + MARKER + text[len(body):]


def _mark_texts(node):
    """Append MARKER to every {en, cy} text in a YAML tree."""
    if isinstance(node, dict):
        if set(node) == {"en", "cy"} and all(isinstance(v, str) for v in node.values()):
            return {k: _append(v) for k, v in node.items()}
        return {k: _mark_texts(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_mark_texts(v) for v in node]
    return node


def _rewrite_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(change(data), allow_unicode=True, sort_keys=False, width=10_000),
                    encoding="utf-8")


def _mark_strings(data):
    for key in STRINGS:
        data[key] = {lang: text + MARKER for lang, text in data[key].items()}
    return data


def _mark_glossary(data):
    term = next(t for t in data["terms"] if t.get("abbr"))
    term["term"] = {k: v + MARKER for k, v in term["term"].items()}
    term["definition"] = {k: v + MARKER for k, v in term["definition"].items()}
    return data


def _normal(text: str) -> str:
    """HTML and JSON escapes undone, so text in any context compares as what a reader gets."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return html.unescape(text)


@pytest.fixture(scope="module")
def marked(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("marked"))
    _rewrite_yaml(project / "scenarios" / f"{SID}.yml", _mark_texts)
    _rewrite_yaml(project / STRINGS_YML_REL, _mark_strings)
    _rewrite_yaml(project / GLOSSARY_YML_REL, _mark_glossary)
    wording = project / WORDING_JSON_REL
    data = json.loads(wording.read_text(encoding="utf-8"))
    for lang in ("en", "cy"):
        data["findings"]["vague-phrase"][lang]["message"] += MARKER
    wording.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _Page(HTMLParser):
    """The parts of a page where text can land: title, h1, nav, attributes, JSON, body text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.title = self.headings = self.nav = self.body = ""
        self.attrs: list[str] = []
        self.json: list[str] = []
        self._json = False

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "link", "input", "br", "img", "hr", "source"):
            self.stack.append(tag)
        self.attrs += [v for _, v in attrs if v]
        self._json = tag == "script" and ("type", "application/json") in attrs

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass
        self._json = False

    def handle_data(self, data):
        if self._json:
            self.json.append(data)
        if "title" in self.stack:
            self.title += data
        if {"h1", "h2", "h3"} & set(self.stack):
            self.headings += data
        if "nav" in self.stack:
            self.nav += data
        if "body" in self.stack:
            self.body += data


def _parse(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("sub", list(KINDS))
def test_generated_pages_show_scenario_text_as_typed(marked, lang, sub):
    prefix = "cy/" if lang == "cy" else ""
    page = _parse(marked / f"{prefix}case-studies/{SID}/{sub}index.html")
    assert MARKER in page.title, page.title
    assert MARKER in page.headings, page.headings
    assert MARKER in page.nav
    assert page.body.count(MARKER) >= 3, "scenario texts in the body"
    assert "1337" not in page.body
    for value in page.attrs:  # aria-labels, data attributes: whole and escaped exactly once
        if "7*191" in value:
            if value.startswith(("{", "[")):  # JSON for a script (data-strings): its texts, decoded
                assert any(MARKER.strip() in t for t in _strings(json.loads(value))), value
            else:
                assert MARKER.strip() in value, value
    if KINDS[sub] == "steps":
        texts = [s for j in page.json for s in _strings(json.loads(j))]
        assert any(MARKER in s for s in texts), "scenario text in the page's JSON"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_strings_and_glossary_show_as_typed(marked, lang):
    prefix = "cy/" if lang == "cy" else ""
    checker = _parse(marked / f"{prefix}plans/checker/index.html")
    assert any(MARKER in s for j in checker.json for s in _strings(json.loads(j))), "site strings JSON"
    glossary = _parse(marked / f"{prefix}learn/glossary/index.html")
    assert glossary.body.count(MARKER) >= 2, "glossary term and definition"
    tooltip = re.search(r'<abbr title="([^"]*)"', (marked / f"{prefix}learn/glossary/index.html").read_text())
    assert tooltip and MARKER in html.unescape(tooltip.group(1)), "abbreviation tooltip"
    index = _parse(marked / f"{prefix}case-studies/index.html")
    assert MARKER in index.body and MARKER in index.nav


def test_nothing_else_changed(marked, site):
    """With the marker removed, every page reads exactly as the unmodified build."""
    pages = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    assert pages == sorted(p.relative_to(marked) for p in marked.rglob("*.html"))
    changed = []
    for rel in pages:
        before = _normal((site / rel).read_text(encoding="utf-8"))
        after = _normal((marked / rel).read_text(encoding="utf-8"))
        if after.replace(MARKER, "") != before:
            a, b = after.replace(MARKER, ""), before
            at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            changed.append(f"{rel}: ...{b[max(0, at - 80):at + 80]!r}\n   became ...{a[max(0, at - 80):at + 80]!r}")
    assert not changed, "\n".join(changed[:5])


def test_t_in_a_markdown_page_shows_as_typed():
    """{{ t('key') }} in a Markdown page: the string reaches Markdown as text, not as Markdown."""
    import markdown

    from macros.strings import literal_markdown

    extensions = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
                  "pymdownx.details", "pymdownx.superfences"]  # as in mkdocs.yml
    typed = "A *b* **c** `d` [e](f) <b>g</b> &amp; {: #h } _k_ 1. ~l~ | m |" + MARKER
    for source in (typed, "# " + typed, "- " + typed):
        out = markdown.markdown(literal_markdown(source), extensions=extensions)
        assert html.unescape(re.sub(r"^<p>|</p>$", "", out)) == source, out


def test_checker_wording_shows_as_typed(marked, browser):
    """wording.json is read by the browser: its message text must reach the page as text."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(marked))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        for prefix in ("", "cy/"):
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{prefix}plans/checker/")
            page.fill("textarea", "Mum will engage with services and work openly.\nBydd mam yn ymgysylltu â gwasanaethau.")
            page.click('[data-action="check"]')
            page.wait_for_selector(".ecp-finding")
            text = page.inner_text("[data-results]")
            assert MARKER.strip() in text, text[:500]
            assert "1337" not in text
    finally:
        context.close()
        server.shutdown()
