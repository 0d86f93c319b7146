"""Hook: case-study pages. Validates the scenarios and content files, writes one ids-only page
per scenario and page kind under docs/case-studies/ (git-ignored), puts them in the nav, and
gives each its escaped title and autoescaped HTML after Markdown. Adds the glossary's
abbreviations to every page. Runs once per language build.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]  # MkDocs loads hooks by path: make `macros` importable
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import case_pages, content, glossary, strings  # noqa: E402
from macros.case_pages import FOLDER, KINDS, source_name  # noqa: E402
from macros.i18n import LANGS, current_lang  # noqa: E402
from macros.loader import ScenarioError, start_build  # noqa: E402

NAV_SECTION = "Case studies"


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def generate_pages(docs: Path, scenarios: dict) -> None:
    """Write docs/case-studies/ from scenarios/*.yml: ids only, never scenario or UI text."""
    out = docs / FOLDER
    wanted: set[Path] = set()
    for lang in LANGS:
        path = out / f"index.{lang}.md"
        _write_if_changed(path, case_pages.front_matter())
        wanted.add(path)
        for sid in scenarios:
            for kind in KINDS:
                path = docs / f"{source_name(sid, kind)}.{lang}.md"
                _write_if_changed(path, case_pages.front_matter(sid, kind))
                wanted.add(path)
    for path in out.rglob("*"):
        if path.is_file() and path not in wanted:
            path.unlink()
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def inject_nav(config, scenarios: dict) -> None:
    """Put every scenario under the 'Case studies' nav section, titled in both languages."""
    children = [f"{FOLDER}/index.md"]
    translations = {}
    for sid, s in scenarios.items():
        # Nav titles are not escaped by the theme: escape them here.
        title_en, title_cy = html.escape(s.title.en), html.escape(s.title.cy)
        pages = [f"{source_name(sid, KINDS[0])}.md"]  # the section's own page (navigation.indexes)
        for kind in KINDS[1:]:
            short_en = strings.t(f"case.open_{kind}", "en")
            pages.append({short_en: f"{source_name(sid, kind)}.md"})
            translations[short_en] = strings.t(f"case.open_{kind}", "cy")
        children.append({title_en: pages})
        translations[title_en] = title_cy
    for item in config["nav"] or []:
        if isinstance(item, dict) and NAV_SECTION in item:
            item[NAV_SECTION] = children
    for lang_config in config.plugins["i18n"].config.languages:
        if lang_config.locale == "cy":
            lang_config.nav_translations = {**(lang_config.nav_translations or {}), **translations}


@event_priority(100)  # before the twins check (languages.py), which needs the generated pages
def on_config(config):
    try:
        strings.load()
        glossary.load()
        scenarios = start_build()
    except ScenarioError as e:
        raise PluginError("Scenario files are broken:\n  " + "\n  ".join(e.problems))
    except content.ContentError as e:
        raise PluginError(str(e))
    generate_pages(Path(config["docs_dir"]), scenarios)
    inject_nav(config, scenarios)
    return config


@event_priority(-100)  # after the macros plugin, so glossary text is never Jinja source
def on_page_markdown(markdown, page, config, files):
    """Generated pages get their escaped title; every page gets the abbreviation tooltips."""
    lang = current_lang(config)
    if page.meta.get("ecp_generated"):
        # <title>, the header and the nav print page.meta.title / page.title unescaped.
        page.meta["title"] = html.escape(case_pages.title(page.meta, lang))
        markdown = ""  # the body is added after Markdown, in on_page_content
    return markdown + "\n\n" + glossary.abbreviations(lang) + "\n"


def on_page_content(output, page, config, files):
    """A generated page's body: autoescaped templates, never read by Jinja-in-Markdown or Markdown."""
    if page.meta.get("ecp_generated"):
        return case_pages.body(page.meta, current_lang(config), page.url)
    return output
