"""MkDocs hook: minify the project's own JS and CSS in the built site (esbuild, from npm).

Runs once per build, after every language is built (static-i18n builds the others inside the
default one). Sources in docs/assets/ stay readable; only site/ is minified. Set ECP_MINIFY=0 to
skip it while debugging.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "macros" / "minify.mjs"


def _nested_language_build(config) -> bool:
    plugin = config.plugins.get("i18n")
    return bool(plugin and plugin.building)


@event_priority(-190)
def on_post_build(config):
    if _nested_language_build(config) or os.environ.get("ECP_MINIFY") == "0":
        return
    if not shutil.which("node") or not (ROOT / "node_modules" / "esbuild").exists():
        raise PluginError("esbuild is missing: run `make test-deps` (npm ci) or set ECP_MINIFY=0")
    r = subprocess.run(["node", str(SCRIPT), config["site_dir"]], capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise PluginError("minifying the site's JS and CSS failed:\n" + r.stderr)
