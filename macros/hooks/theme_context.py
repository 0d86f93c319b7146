"""Hook: what Material's templates (overrides/) need from the project, in the language being
built: UI strings, the frame (header strings, language link, case-study steps), who publishes
this copy (extra.publisher, checked here), search and offline strings."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]  # MkDocs loads hooks by path: make `macros` importable
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from macros import frame, publisher, strings  # noqa: E402
from macros.i18n import current_lang  # noqa: E402


def on_config(config):
    """A publisher block that is missing a key or a Welsh text stops the build, naming it."""
    try:
        publisher.load(config["extra"], config.get("config_file_path"))
    except publisher.PublisherError as e:
        raise PluginError(f"Who publishes this copy (extra.publisher):\n  {e}")
    return config


def publisher_view(config, lang: str) -> dict:
    view = publisher.view(publisher.load(config["extra"], config.get("config_file_path")), lang)
    return {**view, "by": strings.t("publisher.by", lang, name=view["name"])}


def _frame(context: dict, page, lang: str, config) -> dict:
    context["ecp_site_strings"] = strings.for_prefix("site", lang)
    context["ecp_look"] = frame.context(page, lang)
    context["ecp_publisher"] = publisher_view(config, lang)
    return context


def on_page_context(context, page, config, nav):
    lang = current_lang(config)
    context = _frame(context, page, lang, config)
    context["ecp_offline"] = strings.for_prefix("offline", lang)
    # The home page of either language carries the offline control in its content
    # (is_homepage is only true for the English one under static-i18n).
    context["ecp_offline_home"] = page.file.src_uri.rsplit(".", 2)[0] == "index"
    return context


def on_template_context(context, template_name, config):
    """The 404 page (a theme template, not a page) gets the frame too."""
    return _frame(context, None, current_lang(config), config)


def on_env(env, config, files):
    lang = current_lang(config)
    env.globals["ecp_strings"] = strings.for_prefix  # ecp_strings(prefix, lang), 404 included
    env.globals["ecp_search_strings"] = strings.for_prefix("search", lang)
    env.globals["ecp_search_lang"] = lang
    return env


@event_priority(-100)  # after the case-study pages' bodies are added
def on_page_content(output, page, config, files):
    """Wide plain tables carry their headings on each cell, for phones (frame.label_table_cells)."""
    return frame.label_table_cells(output)
