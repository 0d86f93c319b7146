"""Hook: both languages. Every page has its twin (never a fallback to English); each language
keeps its own 404 page, whose language links go to the other home page. The 404s are written
out by the post-build pipeline (build.py)."""
from __future__ import annotations

import copy
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]  # MkDocs loads hooks by path: make `macros` importable
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import languages  # noqa: E402
from macros.i18n import current_lang  # noqa: E402


@event_priority(90)  # after case_studies.py has written the generated pages
def on_config(config):
    problems = languages.missing_twins(Path(config["docs_dir"]))
    if problems:
        raise PluginError("Pages missing a language:\n  " + "\n  ".join(problems))
    return config


def on_pre_template(template, template_name, config):
    """The 404 has no twin, so its language links and hreflang alternates go to each home page.

    static-i18n leaves extra.alternate as it set it for the last page built; it keeps the
    home-page links it computed in `extra_alternate`.
    """
    if template_name == "404.html":
        home = getattr(config.plugins.get("i18n"), "extra_alternate", None)
        if home:
            # static-i18n sets it both ways; Jinja reads the attribute first.
            config.extra["alternate"] = copy.deepcopy(home)
            config.extra.alternate = config.extra["alternate"]
    return template


def on_post_page(output, page, config):
    return languages.absolute_alternates(output, page.canonical_url or config["site_url"] or "/")


@event_priority(-1100)  # after csp.py has added the policy
def on_post_template(output, template_name, config):
    if template_name == "404.html":
        output = languages.absolute_alternates(output, config["site_url"] or "/")
        languages.keep_404(current_lang(config), output)
    return output
