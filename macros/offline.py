"""Offline use: a web app manifest per language, the bilingual offline page and the service
worker (macros/build/service-worker.mjs, with npm's workbox-build). Called last by the
post-build pipeline (macros/pipeline.py): the worker's file list is what is in site/ by then.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

from jinja2 import Environment, FileSystemLoader, select_autoescape
from mkdocs.exceptions import PluginError

from . import csp, publisher, strings
from .i18n import LANGS

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "build"
THEME_COLOR = "#1d4857"


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
            # Small on purpose (a browser fetches them when it offers to install): SVGs for the
            # browsers that take them, one 192px PNG of each purpose for those that do not.
            "icons": [
                {"src": icons.replace("icons/", "") + "logo.svg", "sizes": "any", "type": "image/svg+xml"},
                {"src": icons + "maskable.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "maskable"},
                {"src": icons + "icon-192.png", "sizes": "192x192", "type": "image/png"},
                {"src": icons + "maskable-192.png", "sizes": "192x192", "type": "image/png", "purpose": "maskable"},
            ],
        }
        out = site / ("cy/" if lang == "cy" else "") / "manifest.webmanifest"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_offline_page(site: Path, base: str, sg: dict) -> None:
    """`sg`: the safeguarding numbers by language ({lang: [{number, tel, what}]}), from extra.publisher."""
    env = Environment(loader=FileSystemLoader(str(HERE)), autoescape=select_autoescape(["html"]))
    text = {lang: strings.for_prefix("offline", lang) for lang in LANGS}
    worried = {lang: strings.for_prefix("worried", lang) for lang in LANGS}
    # One page per language, that language first (title, notice, list), the other after it:
    # /offline.html for English addresses, /cy/offline.html for Welsh ones.
    for first in LANGS:
        order = [first] + [lang for lang in LANGS if lang != first]
        html = env.get_template("offline.html").render(s=text, w=worried, sg=sg, base=base, langs=order)
        out = site / ("" if first == LANGS[0] else f"{first}/") / "offline.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(csp.add(html), encoding="utf-8")  # the site's own CSP


def write_service_worker(site: Path, project: Path) -> dict:
    node = shutil.which("node")
    modules = node_modules(project) or node_modules(ROOT)
    if not node or not modules:
        raise PluginError("offline: the service worker needs Node and npm's workbox-build: run `npm ci` (make does it)")
    result = subprocess.run([node, str(HERE / "service-worker.mjs"), str(site), str(modules)],
                            capture_output=True, text=True, env={**os.environ, "NODE_NO_WARNINGS": "1"})
    if result.returncode != 0:
        raise PluginError(f"offline: building the service worker failed:\n{result.stderr or result.stdout}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def write_all(site: Path, config) -> None:
    write_manifests(site)
    p = publisher.load(config["extra"], config.get("config_file_path"))
    write_offline_page(site, base_path(config), {lang: publisher.view(p, lang)["numbers"] for lang in LANGS})
    write_service_worker(site, Path(config["config_file_path"]).parent)
