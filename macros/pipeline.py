"""The post-build pipeline: what happens to site/ once every language is built, in order.

1. publish each component's JS, CSS and JSON to assets/components/<name>/
2. put each language's 404 page in its place, and stop Material fetching a sitemap beside each
   hreflang alternate (which are full addresses)
3. side by side, as neither reads what the other writes:
   - minify the project's own JS and CSS (esbuild; ECP_MINIFY=0 skips it while debugging)
   - index the site for search (Pagefind, one index per language; it reads only the pages)
4. drop the rules of Material's stylesheets that nothing in the built site can match
   (macros/css_prune.py), reading every page and script, the search index's included; the
   project's own CSS is left whole
5. offline use: manifests, the offline page and the service worker, made from what is in site/
   by then, so it comes last

None of these needs the theme: a move away from Material keeps them as they are.

Under `mkdocs serve` an author waits for each rebuild, so only what a page needs to be read is done
before the page is shown (1 and 2); the minifier is skipped and the search index and offline files
are made afterwards in the background, where a newer rebuild makes an older run give up.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import css_prune, languages, offline, welsh
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
    languages.quiet_material_alternates(site)


def index_search(site: Path) -> None:
    _node("search-index.mjs", str(site), needs="pagefind")


def prune_theme_css(site: Path) -> None:
    theme = sorted((site / "assets" / "stylesheets").glob("*.css"))
    if theme:
        css_prune.prune_site(site, theme)


def side_by_side(*steps):
    """One step that runs `steps` in threads (each is mostly a Node process) and waits for all;
    the first failure is raised on the build's thread."""
    def run_all(site: Path) -> None:
        with ThreadPoolExecutor(len(steps)) as pool:
            for done in [pool.submit(step, site) for step in steps]:
                done.result()
    return run_all


STEPS = (publish_components, place_404s, side_by_side(minify, index_search), prune_theme_css)
SERVE_NOW = (publish_components, place_404s)   # what a served page needs to be read
SERVE_LATER = (index_search,)                  # then search and offline use, in the background

log = logging.getLogger("mkdocs.ecp")
_generation = [0]


def _offline(site: Path, config) -> None:
    if all((site / p).exists() for p in ("index.html", "cy/index.html")):
        offline.write_all(site, config)


def run(site: Path, config, serving: bool = False) -> None:
    if not serving:
        for step in STEPS:
            step(site)
        _offline(site, config)
        return
    for step in SERVE_NOW:
        step(site)
    _generation[0] += 1
    mine = _generation[0]

    def later() -> None:
        try:
            for step in (*SERVE_LATER, lambda s: _offline(s, config)):
                if _generation[0] != mine:
                    return  # a newer rebuild has started: it will do this again
                step(site)
        except Exception as e:  # noqa: BLE001 - a rebuild may have emptied site/ meanwhile
            if _generation[0] == mine:
                log.warning("serve: search index or offline files not made: %s", e)

    threading.Thread(target=later, daemon=True, name="ecp-serve-later").start()
