"""The frame and parts of a public service: built-HTML rules on every page, and real Chromium at
320px on a page of every kind in both languages.

- Every page but the home pages has breadcrumbs and a caption above its title; the header names
  the publisher from config and the footer links to the accessibility statement, privacy,
  contact and Welsh language pages, which exist.
- Pagination never leaves a case study (its own parts, or back to the case-studies index) and
  never leaves the page's top-level section; the home page has none.
- At 320px nothing scrolls sideways, and every tap target in the header and the content is at
  least 44 by 44px or has that much room (its box grown to 44 by 44 touches no other target).
- Every chart (review conferences and worked examples found in the built site, and the workbook
  started from one), at 1280, 768 and 320px: text at least 14px on screen, no two labels meet,
  the "good enough" line at 10.

Rules, not texts: any valid new scenario or page is held to the same checks.
"""
from __future__ import annotations

import html
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from macros.case_pages import FOLDER, KINDS, page_path
from macros.loader import load_all
from helpers import LANGS, url as _url

ROOT = Path(__file__).resolve().parent.parent
SID = sorted(load_all())[0]
SUPPORT = ("about/accessibility/", "about/privacy/", "about/contact/", "about/welsh-language/")
KIND_PAGES = ["", "elements/", "elements/change/", "practice/conference/", "plans/checker/", "plans/rewrites/",
              "steps/workbook/", "learn/self-study/", "learn/handouts/change/", "learn/crosswalk/", "learn/glossary/",
              "about/privacy/", "case-studies/"] + [page_path(SID, k) for k in KINDS]


def _publisher() -> dict:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["extra"]["publisher"]


class _Page(HTMLParser):
    """Links by the class of any element around them, and the text of some landmarks."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.links: dict[str, list[str]] = {}
        self.text: dict[str, str] = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag in ("img", "br", "meta", "link", "input", "hr"):
            return
        self.stack.append(cls)
        if tag == "a" and a.get("href"):
            for c in self.stack:
                for name in c.split():
                    self.links.setdefault(name, []).append(a["href"])
        if a.get("aria-current") == "true":
            self.stack[-1] += " ecp-current-section"

    def handle_endtag(self, tag):
        if tag in ("img", "br", "meta", "link", "input", "hr"):
            return
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for c in self.stack:
            for name in c.split():
                self.text[name] = self.text.get(name, "") + data


def _pages(site: Path):
    for html in sorted(site.rglob("index.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith(("pagefind/", "assets/")):
            continue
        yield rel, html.read_text(encoding="utf-8")


def _target(rel: str, href: str) -> str:
    """The site path ('cy/elements/change/') a relative link on page rel goes to."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname("/" + rel), href.split("#")[0]))
    return path.strip("/") + "/" if path != "/" else ""


def _lang_path(rel: str) -> tuple[str, str]:
    path = rel[: -len("index.html")]
    return ("cy", path[3:]) if path.startswith("cy/") else ("en", path)


def _section(site: Path, rel_path: str) -> str:
    """A page's top-level section: the service navigation's current item."""
    html = (site / rel_path / "index.html").read_text(encoding="utf-8")
    return _Page(html).text.get("ecp-current-section", "").strip()


def test_every_page_says_where_it_is(site):
    publisher = _publisher()
    checked = 0
    for rel, html in _pages(site):
        lang, path = _lang_path(rel)
        p = _Page(html)
        assert publisher["name"][lang] in p.text.get("ecp-header__publisher", ""), f"{rel}: header does not name the publisher"
        assert publisher["name"][lang] in p.text.get("ecp-footer__publisher", ""), f"{rel}: footer does not name the publisher"
        support = [_target(rel, h) for h in p.links.get("ecp-footer__support", [])]
        want = [("cy/" if lang == "cy" else "") + s for s in SUPPORT]
        assert support[: len(want)] == want, f"{rel}: footer links {support}"
        for target in support:
            assert (site / target / "index.html").exists(), f"{rel}: footer link to missing {target}"
        if path == "":
            assert "ecp-breadcrumbs" not in html, f"{rel}: the home page needs no breadcrumbs"
            assert "ecp-pagination" not in html, f"{rel}: the home page has no previous and next"
            continue
        crumbs = p.links.get("ecp-breadcrumbs", [])
        assert crumbs and _target(rel, crumbs[0]) == ("cy/" if lang == "cy" else ""), f"{rel}: breadcrumbs must start at home"
        for href in crumbs:
            assert (site / _target(rel, href) / "index.html").exists(), f"{rel}: breadcrumb to a missing page {href}"
            assert _target(rel, href) != rel[: -len("index.html")], f"{rel}: the breadcrumbs hold the page itself"
        assert p.text.get("ecp-caption", "").strip(), f"{rel}: no caption above the title"
        checked += 1
    assert checked > 20


def test_pagination_stays_inside_a_case_or_section(site):
    scenarios = load_all()
    cases = 0
    for rel, html in _pages(site):
        lang, path = _lang_path(rel)
        prefix = "cy/" if lang == "cy" else ""
        links = [_target(rel, h) for h in _Page(html).links.get("ecp-pagination", [])]
        parts = path.split("/")
        if parts[0] == FOLDER and len(parts) > 2 and parts[1] in scenarios:
            sid = parts[1]
            mine = [prefix + page_path(sid, k) for k in KINDS]
            i = mine.index(prefix + path)
            assert links, f"{rel}: a case study part without previous and next"
            for target in links:
                assert target in mine or target == prefix + FOLDER + "/", f"{rel}: pagination leaves the case: {target}"
            want = ([mine[i - 1]] if i else [prefix + FOLDER + "/"]) + ([mine[i + 1]] if i + 1 < len(mine) else [])
            assert links == want, f"{rel}: {links} (expected {want})"
            cases += 1
            continue
        here = _section(site, rel[: -len("index.html")])
        for target in links:
            assert not target.startswith(prefix + FOLDER + "/") or path.startswith(FOLDER), f"{rel}: pagination into a case study"
            assert _section(site, target) == here, f"{rel}: pagination leaves the section {here!r} for {target}"
    assert cases == len(scenarios) * len(KINDS) * len(LANGS)


def test_case_parts_are_a_contents_list(site):
    for sid in load_all():
        for lang in LANGS:
            for i, kind in enumerate(KINDS):
                rel = ("cy/" if lang == "cy" else "") + page_path(sid, kind) + "index.html"
                html = (site / rel).read_text(encoding="utf-8")
                nav = re.search(r'<div class="ecp-contents".*?</ol>\s*</div>', html, re.S)
                assert nav and html.index("</h1>") < nav.start(), f"{rel}: the parts are not listed under the title"
                items = re.findall(r"<li class=\"ecp-contents__item[^\"]*\"[^>]*>(.*?)</li>", nav.group(0), re.S)
                assert len(items) == len(KINDS), rel
                for j, item in enumerate(items):
                    assert ("<a " in item) == (j != i), f"{rel}: part {j + 1} should {'not ' if j == i else ''}be a link"


# ------------------------------------------------------------------------ in the browser, 320px

TARGETS_JS = """() => {
  const W = document.documentElement.clientWidth;
  const visible = (e) => e.getClientRects().length && e.checkVisibility({visibilityProperty: true, opacityProperty: false});
  // A link inside a sentence is exempt (WCAG 2.5.8's inline exception): its block has other text.
  const inline = (a) => {
    const block = a.parentElement.closest('p, li, dd, td, th, figcaption, caption, label, legend, span.md-ellipsis');
    return block && block.textContent.trim().length > a.textContent.trim().length + 1;
  };
  const boxes = [];
  for (const e of document.querySelectorAll('header a[href], header button, header label[for], header [tabindex="0"], '
      + '.md-content a[href], .md-content button, .md-content input:not([type=hidden]), .md-content select, .md-content summary, '
      + '.ecp-pagination a, .ecp-footer a')) {
    if (!visible(e) || e.closest('.md-search, [hidden]')) continue;
    if (e.matches('a') && inline(e)) continue;
    let r = e.getBoundingClientRect();
    if (e.matches('input[type=radio], input[type=checkbox]') && e.labels && e.labels[0]) {
      const l = e.labels[0].getBoundingClientRect();
      r = {left: Math.min(r.left, l.left), top: Math.min(r.top, l.top), right: Math.max(r.right, l.right), bottom: Math.max(r.bottom, l.bottom)};
    } else if (e.matches('label[for]') && document.getElementById(e.htmlFor)?.matches('input[type=radio], input[type=checkbox]')) {
      continue;  // measured with its input
    }
    boxes.push({name: (e.getAttribute('aria-label') || e.textContent || e.className).trim().slice(0, 40),
                tag: e.tagName, l: r.left, t: r.top, r: r.right, b: r.bottom});
  }
  const grow = (b) => {
    const w = Math.max(0, 44 - (b.r - b.l)) / 2, h = Math.max(0, 44 - (b.b - b.t)) / 2;
    return {l: b.l - w, t: b.t - h, r: b.r + w, b: b.b + h};
  };
  const meet = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
  const small = [];
  for (const b of boxes) {
    if (b.r - b.l >= 44 - 0.5 && b.b - b.t >= 44 - 0.5) continue;
    const g = grow(b);
    const near = boxes.find((o) => o !== b && meet(g, o) && !(o.l >= b.l && o.r <= b.r && o.t >= b.t && o.b <= b.b));
    if (near) small.push(`${b.tag} "${b.name}" ${Math.round(b.r - b.l)}x${Math.round(b.b - b.t)} beside "${near.name}"`);
  }
  const header = [...document.querySelectorAll('header a[href], header label[for], header button')]
    .filter((e) => visible(e) && !e.closest('.md-search') && e.getBoundingClientRect().height < 44 - 0.5)
    .map((e) => `${e.tagName} "${(e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40)}" ${Math.round(e.getBoundingClientRect().height)}px high`);
  return {overflow: document.documentElement.scrollWidth - W, small, header};
}"""


# One button system: primary (the form's main action), warning (anything that deletes the
# reader's work), secondary (the rest), told apart by colour as the README's design table says.
BUTTONS_JS = r"""() => {
  const root = getComputedStyle(document.documentElement), probe = document.createElement('i');
  document.body.append(probe);
  const colour = (v) => { probe.style.color = root.getPropertyValue(v).trim(); return getComputedStyle(probe).color; };
  const want = {primary: colour('--ecp-primary-button'), warning: colour('--ecp-warning'), secondary: colour('--ecp-secondary-bg')};
  probe.remove();
  const wrong = [];
  for (const b of document.querySelectorAll('.md-content .md-button, .md-content .wb-btn')) {
    if (!b.checkVisibility()) continue;
    const act = b.dataset.action || b.dataset.act || '';
    const kind = b.matches('.md-button--primary') ? 'primary'
      : b.matches('.ecp-button--warning, .wb-danger') ? 'warning' : 'secondary';
    const name = `"${b.textContent.trim().slice(0, 30)}"`;
    if (/^(reset|clear|delete|remove)/.test(act) && kind !== 'warning') wrong.push(`${name} deletes work but is ${kind}`);
    if (b.disabled || b.getAttribute('aria-disabled') === 'true') continue;  // a disabled look of its own
    const bg = getComputedStyle(b).backgroundColor;
    if (bg !== want[kind]) wrong.push(`${name} is ${kind} but its background is ${bg}, not ${want[kind]}`);
  }
  return wrong;
}"""


@pytest.fixture(scope="module")
def phone(make_tab):
    with make_tab(viewport={"width": 320, "height": 700}, bypass_csp=True) as tab:
        yield tab


@pytest.mark.parametrize("path", KIND_PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_phone_reflow_and_tap_targets(phone, base_url, lang, path):
    phone.goto(_url(base_url, lang, path), wait_until="load")
    phone.wait_for_timeout(150)
    got = phone.evaluate(TARGETS_JS)
    assert got["overflow"] <= 0, f"the page scrolls sideways by {got['overflow']}px at 320px"
    assert not got["small"], "targets under 44 by 44px with too little room:\n  " + "\n  ".join(got["small"])
    assert not got["header"], "header controls under 44px high:\n  " + "\n  ".join(got["header"])
    wrong = phone.evaluate(BUTTONS_JS)
    assert not wrong, "buttons outside the button system:\n  " + "\n  ".join(wrong)
    # Pagination as the reader sees it: on a case's part, there, and never leading out of the case
    # (only back to the list of cases from its first part).
    pager = phone.evaluate("""() => [...document.querySelectorAll('.ecp-pagination a')]
        .filter((a) => a.checkVisibility()).map((a) => new URL(a.href).pathname)""")
    parts = path.split("/")
    if parts[0] == FOLDER and len(parts) > 2:
        home = "/" + ("cy/" if lang == "cy" else "") + FOLDER + "/"
        case = home + parts[1] + "/"
        assert pager, f"{path}: a case's part with no pagination at 320px"
        leaving = [p for p in pager if not (p.startswith(case) or p == home)]
        assert not leaving, f"{path}: pagination leaves the case for {leaving}"
    assert phone.errors == [] and phone.requests.external() == []


# ------------------------------------------------------------------ charts

# Every chart (an svg[role=img] in the content) in its figure: text sizes on screen, text boxes
# that meet (SVG labels, the legend and caption), and the "good enough" line at 10.
CHARTS_JS = """(good) => {
  const charts = [...document.querySelectorAll('.md-content svg[role=img]')];
  const out = {charts: charts.length, small: [], overlaps: [], good: []};
  const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  charts.forEach((svg, k) => {
    const fig = svg.closest('figure') || svg.parentElement, scale = svg.getScreenCTM().a, boxes = [];
    for (const t of svg.querySelectorAll('text, tspan')) {
      const size = parseFloat(getComputedStyle(t).fontSize) * scale, s = t.textContent.trim();
      if (s && size < 14 - 0.01) out.small.push(`chart ${k}: "${s}" ${size.toFixed(1)}px`);
      if (s && t.tagName === 'text') boxes.push([s, t.getBoundingClientRect()]);
    }
    const walk = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode());) {
      const el = n.parentElement, s = n.textContent.trim();
      if (!s || el.closest('svg') || !el.checkVisibility()) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 14 - 0.01) out.small.push(`chart ${k}: "${s.slice(0, 30)}" ${size.toFixed(1)}px`);
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) boxes.push([s.slice(0, 30), r]);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++)
      if (meet(boxes[i][1], boxes[j][1])) out.overlaps.push(`chart ${k}: "${boxes[i][0]}" / "${boxes[j][0]}"`);
    const width = svg.getBoundingClientRect().width;
    const ten = [...svg.querySelectorAll('text')].find((t) => t.textContent.trim() === '10');
    const label = [...svg.querySelectorAll('text')].find((t) => t.textContent.includes(good));
    const line = [...svg.querySelectorAll('.ecp-chart__good line')].find((l) => l.getBoundingClientRect().width > width / 2);
    if (!ten || !label || !line) out.good.push(`chart ${k}: tick 10 ${!!ten}, label ${!!label}, line ${!!line}`);
    else {
      const r = ten.getBoundingClientRect(), y = line.getBoundingClientRect().top;
      if (Math.abs((r.top + r.bottom) / 2 - y) > 4) out.good.push(`chart ${k}: the line is not at 10`);
    }
  });
  return out;
}"""

CHART_WIDTHS = (1280, 768, 320)


def _module_pages(site: Path, lang: str, module: str) -> list[str]:
    """The site paths of the built pages in a language that hold a component (found in the site)."""
    base = site / "cy" if lang == "cy" else site
    found = []
    for f in sorted(base.rglob("index.html")):
        rel = f.relative_to(base).as_posix()
        if lang == "en" and rel.startswith("cy/"):
            continue
        if f'data-module="{module}"' in f.read_text(encoding="utf-8"):
            found.append(rel[: -len("index.html")])
    return found


def _charts_read(tab, where: str, good: str) -> None:
    for width in CHART_WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        tab.wait_for_timeout(120)
        got = tab.evaluate(CHARTS_JS, good)
        at = f"{where} at {width}px"
        assert got["charts"] > 0, f"{at}: no chart"
        assert not got["small"], f"{at}: text under 14px on screen:\n  " + "\n  ".join(got["small"])
        assert not got["overlaps"], f"{at}: labels overlap:\n  " + "\n  ".join(got["overlaps"])
        assert not got["good"], f"{at}: no good-enough line at 10:\n  " + "\n  ".join(got["good"])


@pytest.mark.parametrize("lang", LANGS)
def test_charts_text_is_14px_and_labels_never_meet(site, make_tab, base_url, lang):
    """Every review conference in the site, every worked example and the workbook started from one,
    at 1280, 768 and 320px: each chart's text is at least 14px on screen, no two labels meet, and
    the "good enough" line is drawn at 10."""
    from macros import strings

    good = strings.t("workbook.good_enough_line", lang)
    reviews = _module_pages(site, lang, "review-conference")
    examples = _module_pages(site, lang, "steps-workbook-example")
    assert reviews and examples
    with make_tab(bypass_csp=True) as tab:
        for path in reviews:
            tab.goto(_url(base_url, lang, path))
            tab.wait_for_selector("[data-module=review-conference][data-ready]")
            _charts_read(tab, f"{lang} {path}", good)
        for path in examples:
            tab.set_viewport_size({"width": 1280, "height": 900})
            tab.goto(_url(base_url, lang, path))
            tab.wait_for_selector("[data-module=steps-workbook-example][data-ready]")
            _charts_read(tab, f"{lang} {path}", good)
        tab.locator("[data-act=start-example]").click()
        tab.wait_for_selector("[data-module=steps-workbook][data-ready]")
        tab.locator(".wb-area svg[role=img]").first.wait_for(timeout=5000)  # chart.js loads with the first rating
        _charts_read(tab, f"{lang} the workbook", good)
        assert tab.errors == [] and tab.requests.external() == []


# ------------------------------------------------------------------ stacked tables

def test_every_stacked_cell_carries_its_own_columns_heading(site):
    """A table shown as cards on phones labels each value with the heading of the column it is
    in, row headings (th scope=row) included, so no value sits under another column's name."""
    table = re.compile(r"<table data-stack>(.*?)</table>", re.S)
    head = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.S)
    checked, wrong = 0, []
    for f in site.rglob("*.html"):
        for t in table.findall(f.read_text(encoding="utf-8")):
            thead, body = t.split("</thead>", 1)
            names = [re.sub(r"<[^>]+>", "", h).strip() for h in head.findall(thead)]
            for row in re.findall(r"<tr(?:\s[^>]*)?>(.*?)</tr>", body, re.S):
                labels = re.findall(r"<(?:td|th)\b[^>]*?data-label=\"([^\"]*)\"", row)
                cells = len(re.findall(r"<(?:td|th)\b", row))
                checked += 1
                if cells != len(labels) or [html.unescape(x) for x in labels] != [html.unescape(n) for n in names[:cells]]:
                    wrong.append(f"{f.relative_to(site)}: {labels} under {names}")
    assert checked, "no stacked table in the site"
    assert not wrong, "\n".join(wrong[:10])
