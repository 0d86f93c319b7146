"""Both languages on disk: every page has its twin, and each language keeps its own 404 page.

static-i18n writes every language's 404 to /404.html, so the Welsh one would overwrite the
English one: the hook keeps each as it is rendered and the pipeline writes them where they belong.
"""
from __future__ import annotations

from pathlib import Path

from .i18n import DEFAULT_LANG, LANGS

_404: dict[str, str] = {}
EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


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


def stub_sitemaps(site: Path) -> None:
    """Material fetches sitemap.xml beside every hreflang alternate; answer with an empty one.

    Without these, every page logs two 404s. An empty map also stops Material rewriting the
    switcher's target, so site.js alone decides it (same page, same #section).
    """
    for index in site.rglob("index.html"):
        stub = index.with_name("sitemap.xml")
        if not stub.exists():
            stub.write_text(EMPTY_SITEMAP, encoding="utf-8")
