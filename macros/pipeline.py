"""The post-build pipeline: what happens to site/ once every language is built, in order.

1. publish each component's JS, CSS and JSON to assets/components/<name>/
2. minify the project's own JS and CSS (esbuild; ECP_MINIFY=0 skips it while debugging)
3. put each language's 404 page in its place, and answer Material's sitemap requests
4. index the site for search (Pagefind, one index per language)
5. offline use: manifests, the offline page and the service worker, made from what is in site/
   by then, so it comes last

None of these needs the theme: a move away from Material keeps them as they are.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import languages, offline, welsh
from .components import FOLDERS

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent / "build"
PUBLISHED = (".js", ".css", ".json")


def publish_components(site: Path) -> None:
    for folder in FOLDERS:
        files = [f for f in folder.iterdir() if f.suffix in PUBLISHED]
        if not files:
            continue
        out = site / "assets" / "components" / folder.name
        out.mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copyfile(f, out / f.name)
    # The scripts' copy of the Welsh rule table, always from this build's welsh.yml.
    (site / "assets" / "components" / "common" / "welsh-rules.js").write_text(welsh.js_module(), encoding="utf-8")


def _node(script: str, *args: str, needs: str) -> None:
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / needs).exists():
        raise PluginError(f"{needs} is missing: run `npm ci` (make serve and make test do it)")
    result = subprocess.run([node, str(SCRIPTS / script), *args], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NODE_NO_WARNINGS": "1"})
    if result.returncode != 0:
        raise PluginError(f"{script} failed:\n{result.stdout}{result.stderr}")


def minify(site: Path) -> None:
    if os.environ.get("ECP_MINIFY") != "0":
        _node("minify.mjs", str(site), needs="esbuild")


def place_404s(site: Path) -> None:
    languages.write_404s(site)
    languages.stub_sitemaps(site)


def index_search(site: Path) -> None:
    _node("search-index.mjs", str(site), needs="pagefind")


STEPS = (publish_components, minify, place_404s, index_search)


def run(site: Path, config) -> None:
    for step in STEPS:
        step(site)
    if all((site / p).exists() for p in ("index.html", "cy/index.html")):
        offline.write_all(site, config)
