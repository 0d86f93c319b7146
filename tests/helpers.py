"""What the tests share: where things are, the built site's pages and addresses, and plain text.

Every source path a test reads is named here once, so moving a source file means one edit.
Fixtures (the built site, the server, the browser and its tabs) live in conftest.py.
"""
from __future__ import annotations

import html
import http.server
import json
from html.parser import HTMLParser
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LANGS = ("en", "cy")
OTHER = {"en": "cy", "cy": "en"}

# ------------------------------------------------------------------ source paths (one place)
# Relative to the project, so a test can find the same file in a throwaway copy (copy_project).
MKDOCS_YML_REL = "mkdocs.yml"
STRINGS_YML_REL = "macros/content/strings.yml"
GLOSSARY_YML_REL = "macros/content/glossary.yml"
CROSSWALK_YML_REL = "macros/content/crosswalk.yml"
COMPONENT_ASSETS_REL = "macros/components"  # macros/components/<name>/: templates, JS, CSS, data
WORDING_JSON_REL = f"{COMPONENT_ASSETS_REL}/plan-checker/wording.json"
SITE_CSS_REL = "docs/assets/site.css"
# What a throwaway copy of the project needs to build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "overrides", "scenarios")

MKDOCS_YML = ROOT / MKDOCS_YML_REL
MAKEFILE = ROOT / "Makefile"
README = ROOT / "README.md"
DOCS = ROOT / "docs"
OVERRIDES = ROOT / "overrides"  # Material's templates and the theme partials
SCENARIOS_DIR = ROOT / "scenarios"
SAMPLE_SCENARIO = SCENARIOS_DIR / "teulu-hughes.yml"
SECOND_SCENARIO = SCENARIOS_DIR / "teulu-pritchard.yml"
STRINGS_YML = ROOT / STRINGS_YML_REL
GLOSSARY_YML = ROOT / GLOSSARY_YML_REL
CROSSWALK_YML = ROOT / CROSSWALK_YML_REL
WORDING_JSON = ROOT / WORDING_JSON_REL
NODE_TESTS = TESTS / "node"  # their imports name macros/components/... themselves
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def component_assets(name: str, root: Path = ROOT) -> Path:
    """The folder of a component's published JS, CSS and data, e.g. "plan-checker"."""
    return root / COMPONENT_ASSETS_REL / name


# ------------------------------------------------------------------ built pages and addresses

def prefix(lang: str) -> str:
    """"/cy" on Welsh addresses, "" on English ones."""
    return "/cy" if lang == "cy" else ""


def site_path(path: str) -> str:
    """A site path ("", "about/", "case-studies/x/", "404.html") from a page path or a source
    stem ("index", "about/index", "about/news")."""
    if path in ("", "index") or path.endswith(".html") or path.endswith("/"):
        return "" if path == "index" else path
    if path.endswith("/index"):
        return path[: -len("index")]
    return path + "/"


def built(site: Path, lang: str, path: str) -> Path:
    """The built file of a page in a language: built(site, "cy", "about/") is site/cy/about/index.html."""
    p = site_path(path)
    base = site / "cy" if lang == "cy" else site
    return base / p if p.endswith(".html") else base / p / "index.html"


def read_built(site: Path, lang: str, path: str) -> str:
    return built(site, lang, path).read_text(encoding="utf-8")


def url(base_url: str, lang: str, path: str = "") -> str:
    """The served address of a page: url(base, "cy", "about/") is base/cy/about/."""
    return f"{base_url}{prefix(lang)}/{site_path(path)}"


def twin_path(lang: str, path: str) -> str:
    """The site path the language link must reach from a page (the 404 page links to the other home).

    The 404 page is served at any depth, so its links are absolute, from the published address
    (site_url), whose path is not "/" since the site has its GitHub Pages address.
    """
    if path == "404.html":
        return published_path() + ("/cy/" if lang == "en" else "/")
    return ("/cy/" if lang == "en" else "/") + path


def plain(html_text: str) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_text)).split())


class Element:
    """An element of a parsed page: tag, attrs (a dict, so attribute order never matters),
    children, and its text as a reader sees it."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Element | None" = None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def iter(self):
        for c in self.children:
            if isinstance(c, Element):
                yield c
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list["Element"]:
        """Descendants by tag, class and attributes (attrs with _ for -, e.g. data_component)."""
        want = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [e for e in self.iter()
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())
                and all(e.attrs.get(k) == v if v is not True else k in e.attrs for k, v in want.items())]

    def find(self, *args, **kwargs) -> "Element | None":
        found = self.find_all(*args, **kwargs)
        return found[0] if found else None

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join(" ".join(parts).split())


def parse(html_text: str) -> Element:
    """A small element tree of an HTML page or fragment, entities decoded."""
    root = Element("#root", {})

    class _P(HTMLParser):
        cur = root

        def handle_starttag(self, tag, attrs):
            e = Element(tag, dict(attrs), self.cur)
            self.cur.children.append(e)
            if tag not in Element.VOID:
                self.cur = e

        def handle_startendtag(self, tag, attrs):
            self.cur.children.append(Element(tag, dict(attrs), self.cur))

        def handle_endtag(self, tag):
            e = self.cur
            while e is not root and e.tag != tag:
                e = e.parent
            if e is not root:
                self.cur = e.parent

        def handle_data(self, data):
            self.cur.children.append(data)

    p = _P(convert_charrefs=True)
    p.feed(html_text)
    p.close()
    return root


# ------------------------------------------------------------------ builds

def mkdocs_build(project: Path, site: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    """A strict build of `project` into `site`; `config` may be a council's file that INHERITs mkdocs.yml."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / config), "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project, for builds with changed scenarios."""
    for name in PROJECT_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "case-studies"))
        else:
            shutil.copy(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")  # the build's npm tools
    return dest


# ------------------------------------------------------------------ one changed copy, built once
# Tests that need a build with something added share ONE build of a changed copy (the `variant`
# fixture in conftest.py builds it once for all workers). Each addition is independent of the rest:
COPIED_SCENARIO = "ty-ni"        # SAMPLE_SCENARIO under a new id: its pages appear in both languages
COPIED_SECOND = "ty-arall"       # SECOND_SCENARIO under a new id: every conference page too
HOSTILE_SCENARIO = "evil"        # SAMPLE_SCENARIO with HTML in its texts: shown as typed
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
VERSION_TWO = "Version two of this page."  # added to elements/change (en) and, as a class, to site.css
VERSION_TWO_CSS = ".ecp-version-two { color: #123456; }"
SEARCH_PAGES = {  # words the real pages do not use, so these pages are the only matches
    "search-a": ("Larwm", "Mae larwm tân yn y gegin, ac mae ei bysgod yn y pwll.",
                 "Alarm", "There is a fire alarm in the kitchen."),
    "search-b": ("Aros", "Arhoswch tan yfory cyn bwydo'r pysgod.",
                 "Wait", "Wait until tomorrow before you feed the fish."),
    # A term and its definition, and a table, written as a component writes them: one line, no
    # space between one element and the next.
    "search-c": ("Anifeiliaid", "<dl><dt>Sgwarnog lwyd</dt><dd>Draenog bach</dd></dl><table><thead><tr><th>Tylluan</th>"
                 "<th>Gwiwer</th></tr></thead><tbody><tr><td>Mochyn</td><td>Dafad</td></tr></tbody></table>",
                 "Animals", "<dl><dt>Grey hare</dt><dd>Small hedgehog</dd></dl><table><thead><tr><th>Owl</th>"
                 "<th>Squirrel</th></tr></thead><tbody><tr><td>Pig</td><td>Sheep</td></tr></tbody></table>"),
}


def hostile_scenario() -> dict:
    import yaml

    data = yaml.safe_load(SAMPLE_SCENARIO.read_text(encoding="utf-8"))
    data["title"] = {"en": f"Evil {HOSTILE}", "cy": f"Drwg {HOSTILE}"}
    data["statements"][0]["text"]["en"] = f"Statement {HOSTILE}"
    data["narrative"]["cy"] = f"Naratif {HOSTILE}"
    data["rewrites"][0]["rules"][0]["text"]["en"] += f" {HOSTILE}"
    data["areas_of_change"][0]["name"]["en"] = f"Area {HOSTILE}"
    return data


def make_variant(project: Path) -> Path:
    """The changes above, made to a throwaway copy of the project."""
    import yaml

    scenarios = project / "scenarios"
    (scenarios / f"{COPIED_SCENARIO}.yml").write_text(SAMPLE_SCENARIO.read_text(encoding="utf-8"), encoding="utf-8")
    (scenarios / f"{COPIED_SECOND}.yml").write_text(SECOND_SCENARIO.read_text(encoding="utf-8"), encoding="utf-8")
    (scenarios / f"{HOSTILE_SCENARIO}.yml").write_text(
        yaml.safe_dump(hostile_scenario(), allow_unicode=True), encoding="utf-8")
    page = project / "docs" / "elements" / "change.en.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{VERSION_TWO}\n", encoding="utf-8")
    css = project / SITE_CSS_REL
    css.write_text(css.read_text(encoding="utf-8") + f"\n{VERSION_TWO_CSS}\n", encoding="utf-8")
    for name, (cy_title, cy_text, en_title, en_text) in SEARCH_PAGES.items():
        (project / "docs" / f"{name}.cy.md").write_text(f"# {cy_title}\n\n{cy_text}\n", encoding="utf-8")
        (project / "docs" / f"{name}.en.md").write_text(f"# {en_title}\n\n{en_text}\n", encoding="utf-8")
    return project


def published_path() -> str:
    """The path of the published address (site_url), e.g. "/effective-child-protection"."""
    site_url = os.environ.get("SITE_URL") or re.search(
        r'site_url: !ENV \[SITE_URL, "([^"]+)"\]', MKDOCS_YML.read_text(encoding="utf-8")).group(1)
    return urlparse(site_url).path.rstrip("/")


# ------------------------------------------------------------------ the local server

class SiteServer:
    """A built site on 127.0.0.1, answering under its published path (site_url's, as GitHub Pages
    does: the 404 and offline pages link their assets from there) and, unless `at_root` is false,
    at / as well. Its folder can be swapped (a new build), it can be switched off (`up = False`:
    no answer at all, a network error), and `headers` are sent with every answer.
    `url` is where tests start: the root, or the published path when `at_root` is false.
    """

    def __init__(self, directory: Path, at_root: bool = True, headers: dict[str, str] | None = None):
        self.directory = Path(directory)
        self.up = True
        server, published = self, published_path()

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(server.directory), **kwargs)

            def translate_path(self, path):
                if published and (path == published or path.startswith(published + "/")):
                    path = path[len(published):] or "/"
                elif published and not at_root:
                    return str(server.directory / "no such file")  # outside the site: 404
                return super().translate_path(path)

            def do_GET(self):
                if not server.up:
                    self.close_connection = True
                    return
                super().do_GET()

            def end_headers(self):
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                super().end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin if at_root else self.origin + published

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# ------------------------------------------------------------------ browser helpers

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class Requests(list):
    """Every URL the page asked for."""

    def external(self) -> list[str]:
        return [u for u in self if urlparse(u).hostname not in ("127.0.0.1", None) and not u.startswith(("data:", "blob:"))]


def axe_violations(page, context_selector: str | None = None) -> list[dict]:
    """Run axe-core on the page (or one part of it) and return its violations, summarised.

    Waits for running CSS transitions and animations to finish first, so axe judges the state
    a reader sees, not a frame of a fade-in.
    """
    # An evaluated function, not wait_for_function: its polling uses eval, which the site's CSP
    # (rightly) refuses.
    page.evaluate("""async () => {
        const settled = () => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
        for (const end = Date.now() + 5000; !settled() && Date.now() < end;) await new Promise(r => requestAnimationFrame(r));
    }""")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        f"""async () => {{
            const ctx = {'document' if context_selector is None else 'document.querySelector(' + repr(context_selector) + ')'};
            // Only violations are read: resultTypes spares axe building selectors for every pass.
            const r = await axe.run(ctx, {{runOnly: {{type: "tag", values: {AXE_TAGS!r}}}, resultTypes: ["violations"]}});
            return r.violations.map(v => ({{id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + (n.failureSummary || ""))}}));
        }}"""
    )


def axe_report(violations: list[dict]) -> str:
    return "\n".join(f"  [{v['id']}] {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations)


# Widths the journeys are tried at: phones, a laptop at 125% zoom, a laptop.
SMALL_PHONE, PHONE, ZOOMED, LAPTOP = 320, 375, 1024, 1280


def no_axe(axe, page, state: str) -> None:
    v = axe(page)
    assert v == [], f"{state}: {json.dumps(v, indent=1, ensure_ascii=False)}"


# Words broken across lines (a word's letters on two lines), in the elements matching `roots`
# (a selector). Each run of letters between spaces, hyphens, dashes and slashes is measured with
# a Range: more than one line means the word was split mid-word. Hidden text, code and e-mail or
# web addresses (which may wrap anywhere) are left out. Returns "tag.class: word" strings.
BROKEN_WORDS_JS = """(roots) => {
  const SKIP = 'script, style, template, pre, code, kbd, samp, option, select, textarea, svg, [hidden], '
    + '.md-visually-hidden, .ecp-vh, .ecp-sr-only, .md-search';
  const broken = [];
  for (const root of document.querySelectorAll(roots)) {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode());) {
      const el = n.parentElement;
      if (!el || el.closest(SKIP) || !el.checkVisibility()) continue;
      for (const m of n.textContent.matchAll(/[^\\s\\-\\u2010\\u2011\\u2013\\u2014\\/\\u00ad]+/g)) {
        if (m[0].length < 2 || /@|:\\/\\/|^www\\./.test(m[0])) continue;
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)));
        if (lines.size > 1) broken.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: "${m[0]}"`);
      }
    }
  }
  return broken;
}"""


def broken_words(page, roots: str = ".md-header, .md-content, .md-footer") -> list[str]:
    """The words split mid-word across two lines in `roots`, as the page is laid out now."""
    return page.evaluate(BROKEN_WORDS_JS, roots)


def tab_until(page, js: str, limit: int = 150) -> None:
    """Press Tab until the JS condition holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(js):
            return
    raise AssertionError(f"keyboard never reached: {js}")


def in_view(page, selector: str) -> bool:
    """The element's top is on screen, below Material's fixed header."""
    return page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
           const head = document.querySelector('.md-header').getBoundingClientRect().bottom;
           return r.top >= head - 1 && r.top < innerHeight - 40; }""", selector)


def refused(tmp_path: Path, data: dict, name: str = "ty-ni.yml") -> str:
    """The loader's report on a scenario that must be refused (written to tmp_path as `name`)."""
    import pytest
    import yaml

    from macros.loader import ScenarioError, load_file

    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_file(path)
    return str(e.value)
