"""Both languages on disk: every page has its twin, and each language keeps its own 404 page.

static-i18n writes every language's 404 to /404.html, so the Welsh one would overwrite the
English one: the hook keeps each as it is rendered and the pipeline writes them where they belong.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

from .i18n import DEFAULT_LANG, LANGS

_404: dict[str, str] = {}


def missing_twins(docs: Path) -> list[str]:
    """Pages without a twin in the other language, or not named page.<lang>.md."""
    problems = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs)
        stem, _, suffix = path.name.rpartition(".md")[0].rpartition(".")
        if suffix not in LANGS or not stem:
            problems.append(f"docs/{rel}: name pages page.en.md and page.cy.md")
            continue
        for lang in LANGS:
            twin = path.with_name(f"{stem}.{lang}.md")
            if not twin.exists():
                name = "Welsh" if lang == "cy" else "English"
                problems.append(f"docs/{rel}: no {name} twin (expected docs/{twin.relative_to(docs)})")
    return sorted(set(problems))


def keep_404(lang: str, html: str) -> None:
    _404[lang] = html


def write_404s(site: Path) -> None:
    if set(_404) != set(LANGS):
        return
    for lang in LANGS:
        out = site / ("" if lang == DEFAULT_LANG else lang) / "404.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(_404[lang], encoding="utf-8")


# Material's bundle fetches sitemap.xml beside every <link rel="alternate"> on each page, to map
# pages between languages for its own language menu (this site has its own link and site.js).
# With full hreflang addresses that request would go to the published host from anywhere else
# (tests, previews, a local copy), against the CSP's connect-src and the no-third-party rule. So
# the bundle's selector is pointed at an attribute no page has: Material fetches nothing.
MATERIAL_ALTERNATES = '"link[rel=alternate]"'
NO_ALTERNATES = '"link[rel=alternate][data-ecp-never]"'
_ALTERNATE = re.compile(r'(<link rel="alternate" href=")([^"]+)(" hreflang="[a-z-]+">)')


def absolute_alternates(html: str, page_url: str) -> str:
    """Each hreflang alternate as a full address (search engines and Lighthouse want one)."""
    return _ALTERNATE.sub(lambda m: m.group(1) + urljoin(page_url, m.group(2)) + m.group(3), html)


def quiet_material_alternates(site: Path) -> None:
    bundles = list((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if NO_ALTERNATES in text:
            continue
        if text.count(MATERIAL_ALTERNATES) != 1:
            raise PluginError(f"{bundle.name}: Material's hreflang sitemap lookup ({MATERIAL_ALTERNATES}) "
                              "was not found once; check macros/languages.py against this Material version")
        bundle.write_text(text.replace(MATERIAL_ALTERNATES, NO_ALTERNATES), encoding="utf-8")
    if not bundles:
        raise PluginError("Material's bundle.*.min.js is missing from assets/javascripts/")
