"""The frame of every Welsh page reads as Welsh, and the 404 page points at the home pages.

- Material's Welsh theme strings, as overridden in overrides/partials/languages/cy.html (the
  December 2026 review: "Nôl i'r brig" reads as "fetch to the top", a numeral takes a singular
  noun, "Pennawd" is a heading, not a page header).
- /404.html and /cy/404.html: a page with no twin, so its language links and hreflang alternates
  go to / and /cy/ (the Welsh one used to point at /steps/workbook/), with a Welsh heading, text
  and <title> that read naturally.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from helpers import OVERRIDES, published_path


WANTED = {
    "top": "Yn ôl i'r brig",
    "header": "Pennyn",
    "action.skip": "Neidio i'r cynnwys",
    "search.result.initializer": "Wrthi'n paratoi'r chwiliad…",
    "search.result.none": "Dim un ddogfen yn cyfateb",
    "search.result.one": "1 ddogfen yn cyfateb",
    "search.result.other": "# dogfen yn cyfateb",
    "toc": "Cynnwys y dudalen",
    "blog.index": "Yn ôl i'r mynegai",
}
# Wordings the review found in the frame; none may come back.
UNWANTED = ("Nôl i'r brig", "dogfennau sy'n cyfateb", "Cychwyn chwilio", 'aria-label="Pennawd"',
            ">Ynghylch<", "Heb ddod o hyd")


def theme_string(key: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(OVERRIDES)))
    macro = env.get_template("partials/languages/cy.html").module.t
    return str(macro(key))


def test_welsh_theme_strings_are_overridden():
    for key, text in WANTED.items():
        assert theme_string(key) == text, key


class Links(HTMLParser):
    """<title>, <h1>, lang of <html>, and every hreflang link (<a> and <link rel=alternate>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hreflang: list[tuple[str, str, str]] = []  # (tag, lang, href)
        self.lang = None
        self.title = self.h1 = ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if a.get("hreflang") and a.get("href") is not None and tag in ("a", "link"):
            self.hreflang.append((tag, a["hreflang"], a["href"]))
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


def parse(path: Path) -> tuple[Links, str]:
    html = path.read_text(encoding="utf-8")
    links = Links()
    links.feed(html)
    return links, html


def test_welsh_frame_on_built_pages(site):
    pages = sorted((site / "cy").rglob("*.html"))
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for text in UNWANTED:
            assert text not in html, f"{path.relative_to(site)}: {text!r}"
    html = (site / "cy" / "elements" / "index.html").read_text(encoding="utf-8")
    assert "Datganiad hygyrchedd" in html and "Am y prosiect" in html  # the footer, the sections
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    translations = json.loads(config.group(1))["translations"] if config else {}
    for key, value in translations.items():
        if key in WANTED:
            assert value == WANTED[key], key


# The home pages under the published address (site_url's path; the 404 can be served at any
# depth, so its links are absolute).
HOMES = {"en": f"{published_path()}/", "cy": f"{published_path()}/cy/"}


def check_404(site: Path, rel: str, lang: str):
    links, html = parse(site / rel)
    assert links.lang == lang
    langs = {hl for _, hl, _ in links.hreflang}
    assert {"en", "cy"} <= langs, f"{rel}: hreflang links {links.hreflang}"
    alternates = {hl for tag, hl, _ in links.hreflang if tag == "link"}
    assert alternates == {"en", "cy"}, f"{rel}: <link rel=alternate> {links.hreflang}"
    for tag, hl, href in links.hreflang:
        assert urlsplit(href).path == HOMES[hl], f"{rel}: <{tag} hreflang={hl}> points to {href}"
    return links, html


def test_welsh_404(site):
    links, html = check_404(site, "cy/404.html", "cy")
    assert links.h1.strip() == "Methu dod o hyd i'r dudalen (404)"
    assert links.title.strip() == "Methu dod o hyd i'r dudalen - Amddiffyn Plant yn Effeithiol"
    assert "neu ddefnyddiwch y blwch chwilio." in html
    assert 'lang="en"><a href="' in html and "go to the English home page" in html


def test_english_404(site):
    links, html = check_404(site, "404.html", "en")
    assert links.h1.strip() == "Page not found (404)"
    assert links.title.strip() == "Page not found - Effective Child Protection"
    assert "Methu dod o hyd i'r dudalen: ewch i'r hafan Gymraeg" in html
