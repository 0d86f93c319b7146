"""MkDocs hooks: validate scenarios and strings, generate case-study pages (ids only; their title
and HTML come from the model here, never as template source), enforce Welsh twins, add glossary
abbreviations, put the Content-Security-Policy on every page, and give each language its own 404.

Runs once per language build (static-i18n builds each language again).
"""
from __future__ import annotations

import copy
import html
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import csp, generated, glossary, look, strings  # noqa: E402
from macros.loader import ScenarioError, load_all  # noqa: E402
from macros.model import LANGS  # noqa: E402
from macros.pages import FOLDER, KINDS, source_name  # noqa: E402

NAV_SECTION = "Case studies"
_state: dict = {"404": {}, "site_dir": None}


def _lang(config) -> str:
    plugin = config.plugins.get("i18n")
    return (plugin and plugin.current_language) or "en"


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def generate_pages(docs: Path, scenarios: dict) -> None:
    """Write docs/case-studies/ (git-ignored) from scenarios/*.yml.

    Each file holds ids only (see macros/generated.py): no scenario or UI text is ever page source.
    """
    out = docs / FOLDER
    wanted: set[Path] = set()
    for lang in LANGS:
        path = out / f"index.{lang}.md"
        _write_if_changed(path, generated.front_matter())
        wanted.add(path)
        for sid in scenarios:
            for kind in KINDS:
                path = docs / f"{source_name(sid, kind)}.{lang}.md"
                _write_if_changed(path, generated.front_matter(sid, kind))
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


def check_twins(docs: Path) -> None:
    """Every page exists in both languages. Never fall back to English."""
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
    if problems:
        raise PluginError("Pages missing a language:\n  " + "\n  ".join(sorted(set(problems))))


@event_priority(100)
def on_config(config):
    docs = Path(config["docs_dir"])
    if _state["site_dir"] is None:
        _state["site_dir"] = Path(config["site_dir"])
    try:
        strings.load()
        glossary.load()
        scenarios = load_all()
    except ScenarioError as e:
        raise PluginError("Scenario files are broken:\n  " + "\n  ".join(e.problems))
    except (strings.StringsError, glossary.GlossaryError) as e:
        raise PluginError(str(e))
    generate_pages(docs, scenarios)
    inject_nav(config, scenarios)
    check_twins(docs)
    return config


@event_priority(-100)  # after the macros plugin, so glossary text is never Jinja source
def on_page_markdown(markdown, page, config, files):
    """Give generated pages their escaped title, and append the glossary's abbreviations so
    they show as tooltips on every page."""
    if page.meta.get("ecp_generated"):
        # <title>, the header and the nav print page.meta.title / page.title unescaped.
        page.meta["title"] = html.escape(generated.title(page.meta, _lang(config)))
        markdown = ""  # the body is added after Markdown, in on_page_content
    return markdown + "\n\n" + glossary.abbreviations(_lang(config)) + "\n"


def on_page_content(output, page, config, files):
    """A generated page's body: autoescaped templates, never read by Jinja-in-Markdown or Markdown."""
    if page.meta.get("ecp_generated"):
        return generated.body(page.meta, _lang(config), page.url)
    return output


def on_page_context(context, page, config, nav):
    context["ecp_site_strings"] = strings.for_prefix("site", _lang(config))
    context["ecp_look"] = look.context(page, _lang(config))
    return context


def on_template_context(context, template_name, config):
    """The 404 page (a theme template, not a page) gets the header's strings too."""
    context["ecp_site_strings"] = strings.for_prefix("site", _lang(config))
    context["ecp_look"] = look.context(None, _lang(config))
    return context


@event_priority(-1000)  # last, so the hashes cover every inline script other hooks added
def on_post_page(output, page, config):
    """Every page carries its Content-Security-Policy and referrer policy (macros/csp.py)."""
    return csp.add(output)


def on_pre_template(template, template_name, config):
    """The 404 has no twin, so its language links and hreflang alternates go to each home page.

    static-i18n leaves extra.alternate as it set it for the last page built (the Welsh 404 pointed
    at /steps/workbook/); it keeps the home-page links it computed in `extra_alternate`.
    """
    if template_name == "404.html":
        home = getattr(config.plugins.get("i18n"), "extra_alternate", None)
        if home:
            # static-i18n sets it both ways; Jinja reads the attribute first.
            config.extra["alternate"] = copy.deepcopy(home)
            config.extra.alternate = config.extra["alternate"]
    return template


def on_env(env, config, files):
    """UI strings for theme templates, 404 included (no page context there): ecp_strings(prefix, lang)."""
    env.globals["ecp_strings"] = strings.for_prefix
    return env


@event_priority(-1000)
def on_post_template(output, template_name, config):
    if template_name == "404.html":
        output = csp.add(output)
        _state["404"][_lang(config)] = output
    return output


@event_priority(-200)
def on_post_build(config):
    """static-i18n writes every language's 404 to /404.html; put each where it belongs."""
    site = _state["site_dir"]
    pages = _state["404"]
    if site is None or set(pages) != set(LANGS):
        return
    (site / "404.html").write_text(pages["en"], encoding="utf-8")
    (site / "cy").mkdir(parents=True, exist_ok=True)
    (site / "cy" / "404.html").write_text(pages["cy"], encoding="utf-8")
    _stub_sitemaps(site)


EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def _stub_sitemaps(site: Path) -> None:
    """Material fetches sitemap.xml beside every hreflang alternate; answer with an empty one.

    Without these, every page logs two 404s. An empty map also stops Material rewriting the
    switcher's target, so site.js alone decides it (same page, same #section).
    """
    for index in site.rglob("index.html"):
        stub = index.with_name("sitemap.xml")
        if not stub.exists():
            stub.write_text(EMPTY_SITEMAP, encoding="utf-8")
