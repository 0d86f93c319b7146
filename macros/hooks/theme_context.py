"""Hook: what Material's templates (overrides/) need from the project, in the language being
built: UI strings, the frame (header strings, language link, case-study steps), search and
offline strings."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # MkDocs loads hooks by path: make `macros` importable
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import frame, safeguarding, strings  # noqa: E402
from macros.i18n import current_lang  # noqa: E402


def _frame(context: dict, page, lang: str) -> dict:
    context["ecp_site_strings"] = strings.for_prefix("site", lang)
    context["ecp_look"] = frame.context(page, lang)
    return context


def on_page_context(context, page, config, nav):
    lang = current_lang(config)
    context = _frame(context, page, lang)
    context["ecp_offline"] = strings.for_prefix("offline", lang)
    # The home page of either language carries the offline control in its content
    # (is_homepage is only true for the English one under static-i18n).
    context["ecp_offline_home"] = page.file.src_uri.rsplit(".", 2)[0] == "index"
    return context


def on_template_context(context, template_name, config):
    """The 404 page (a theme template, not a page) gets the frame too."""
    return _frame(context, None, current_lang(config))


def on_env(env, config, files):
    lang = current_lang(config)
    env.globals["ecp_strings"] = strings.for_prefix  # ecp_strings(prefix, lang), 404 included
    env.globals["ecp_search_strings"] = strings.for_prefix("search", lang)
    env.globals["ecp_search_lang"] = lang
    extra = config["extra"]
    env.globals["ecp_safeguarding_numbers"] = lambda lang: safeguarding.numbers(extra, lang)
    return env
