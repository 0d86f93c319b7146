"""MkDocs hook for offline use (issue 13): once both languages and the search index are built,
write a web app manifest per language, the bilingual offline page, and the service worker
(macros/offline/build-sw.mjs, with npm's workbox-build).

The service worker's file list is made from what is in site/ at that moment, so it runs last:
after the 404 fix (-200) and the search index (-250).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

from jinja2 import Environment, FileSystemLoader, select_autoescape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import csp, strings  # noqa: E402
from macros.model import LANGS  # noqa: E402

HERE = Path(__file__).resolve().parent / "offline"
THEME_COLOR = "#1d4857"
_state: dict = {"site_dir": None}


def _lang(config) -> str:
    plugin = config.plugins.get("i18n")
    return (plugin and plugin.current_language) or "en"


@event_priority(90)
def on_config(config):
    if _state["site_dir"] is None:
        _state["site_dir"] = Path(config["site_dir"])
    return config


def on_page_context(context, page, config, nav):
    context["ecp_offline"] = strings.for_prefix("offline", _lang(config))
    # The home page of either language carries the control in its content (is_homepage is
    # only true for the English one under static-i18n).
    context["ecp_offline_home"] = page.file.src_uri.rsplit(".", 2)[0] == "index"
    return context


def node_modules(project: Path) -> Path | None:
    """The node_modules holding workbox-build: the project's, or one above it."""
    for folder in [project, *project.parents]:
        if (folder / "node_modules" / "workbox-build").is_dir():
            return folder / "node_modules"
    return None


def base_path(config) -> str:
    """The site's path on its host ("/" or "/portal/"), for the offline page's links."""
    path = urlparse(config.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def write_manifests(site: Path) -> None:
    for lang in LANGS:
        s = strings.for_prefix("offline", lang)
        start = "./"  # relative to the manifest: / for English, /cy/ for Welsh
        icons = "../assets/icons/" if lang == "cy" else "assets/icons/"
        manifest = {
            "name": s["app_name"], "short_name": s["app_short"], "description": s["app_description"],
            "lang": lang, "dir": "ltr", "start_url": start, "scope": start, "id": start,
            "display": "standalone", "theme_color": THEME_COLOR, "background_color": "#ffffff",
            "icons": [
                {"src": icons + "icon-192.png", "sizes": "192x192", "type": "image/png"},
                {"src": icons + "icon-512.png", "sizes": "512x512", "type": "image/png"},
                {"src": icons + "maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
                {"src": icons.replace("icons/", "") + "logo.svg", "sizes": "any", "type": "image/svg+xml"},
            ],
        }
        out = site / ("cy/" if lang == "cy" else "") / "manifest.webmanifest"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_offline_page(site: Path, base: str, sg: dict) -> None:
    env = Environment(loader=FileSystemLoader(str(HERE)), autoescape=select_autoescape(["html"]))
    text = {lang: strings.for_prefix("offline", lang) for lang in LANGS}
    worried = {lang: strings.for_prefix("worried", lang) for lang in LANGS}
    html = env.get_template("offline.html").render(s=text, w=worried, sg=sg, base=base, langs=LANGS)
    (site / "offline.html").write_text(csp.add(html), encoding="utf-8")  # the site's own CSP


def write_service_worker(site: Path, project: Path) -> dict:
    node = shutil.which("node")
    modules = node_modules(project) or node_modules(ROOT)
    if not node or not modules:
        raise PluginError("offline: the service worker needs Node and npm's workbox-build: run `npm ci` (make does it)")
    result = subprocess.run([node, str(HERE / "build-sw.mjs"), str(site), str(modules)],
                            capture_output=True, text=True, env={**os.environ, "NODE_NO_WARNINGS": "1"})
    if result.returncode != 0:
        raise PluginError(f"offline: building the service worker failed:\n{result.stderr or result.stdout}")
    return json.loads(result.stdout.strip().splitlines()[-1])


@event_priority(-300)
def on_post_build(config):
    """Run once, in the outer build, after static-i18n has built the Welsh site into it."""
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "building", False):
        return
    site = _state["site_dir"] or Path(config["site_dir"])
    if not all((site / p).exists() for p in ("index.html", "cy/index.html")):
        return
    write_manifests(site)
    write_offline_page(site, base_path(config), config["extra"]["safeguarding"])
    write_service_worker(site, Path(config["config_file_path"]).parent)
