"""Search index: after both languages are built, run Pagefind over the site (one index per
<html lang>) and write the Welsh forms file. See macros/search_index.mjs and the README."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "macros" / "search_index.mjs"
_state: dict = {"site_dir": None}


def _building_a_language(config) -> bool:
    """True inside static-i18n's extra builds (the Welsh site is built inside the English one)."""
    plugin = config.plugins.get("i18n")
    return bool(plugin and getattr(plugin, "building", False))


@event_priority(100)
def on_config(config):
    if not _building_a_language(config):
        _state["site_dir"] = Path(config["site_dir"])
    return config


@event_priority(-250)
def on_post_build(config):
    if _building_a_language(config) or _state["site_dir"] is None:
        return
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "pagefind").is_dir():
        raise PluginError("search: Pagefind is missing. Run `npm ci` (make serve/test do it).")
    result = subprocess.run([node, str(SCRIPT), str(_state["site_dir"])], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError("search: indexing failed:\n" + result.stdout + result.stderr)


def on_env(env, config, files):
    """The search box's strings, in the language being built (static-i18n builds each once)."""
    from macros import strings

    plugin = config.plugins.get("i18n")
    lang = (plugin and plugin.current_language) or "en"
    env.globals["ecp_search_strings"] = strings.for_prefix("search", lang)
    env.globals["ecp_search_lang"] = lang
    return env
