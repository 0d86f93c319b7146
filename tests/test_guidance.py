"""Whole-site checks on the built HTML: twins, section ids, links and anchors, the glossary and its
abbreviation tooltips. They cover every page, including generated case studies."""
from __future__ import annotations

import posixpath
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from helpers import GLOSSARY_YML

# Folders in site/ that are not content pages.
NOT_PAGES = {"assets", "search", "cy/assets", "cy/search"}


class Page(HTMLParser):
    """The ids, h2/h3 ids, links and abbreviations of one built page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.section_ids: list[str] = []
        self.links: list[tuple[str, dict, bool]] = []  # (href, attrs, inside the content)
        self.abbrs: list[tuple[str, str]] = []  # (text, title)
        self._content_depth = 0
        self._abbr: dict | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
            if tag in ("h2", "h3"):
                self.section_ids.append(a["id"])
        if a.get("name") and tag == "a":
            self.ids.add(a["name"])
        if tag == "article" and "md-content__inner" in (a.get("class") or ""):
            self._content_depth = 1
        elif tag == "article" and self._content_depth:
            self._content_depth += 1
        if tag == "a" and "href" in a:
            self.links.append((a["href"], a, bool(self._content_depth)))
        if tag == "abbr":
            self._abbr = {"title": a.get("title", ""), "text": ""}

    def handle_endtag(self, tag):
        if tag == "article" and self._content_depth:
            self._content_depth -= 1
        if tag == "abbr" and self._abbr is not None:
            self.abbrs.append((self._abbr["text"], self._abbr["title"]))
            self._abbr = None

    def handle_data(self, data):
        if self._abbr is not None:
            self._abbr["text"] += data


def page_files(site: Path) -> list[Path]:
    out = []
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).parent.as_posix()
        if any(rel == p or rel.startswith(p + "/") for p in NOT_PAGES):
            continue
        out.append(path)
    return sorted(out)


@pytest.fixture(scope="module")
def pages(site) -> dict[Path, Page]:
    return {p: Page(p.read_text(encoding="utf-8")) for p in page_files(site)}


def twins(site: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for path in page_files(site):
        rel = path.relative_to(site)
        if rel.parts[0] == "cy":
            continue
        pairs.append((path, site / "cy" / rel))
    return pairs


def test_the_site_has_the_pages_we_expect(site):
    names = {p.relative_to(site).as_posix() for p in page_files(site)}
    for page in ("index.html", "learn/self-study/index.html", "learn/glossary/index.html",
                 "about/privacy/index.html", "cy/about/privacy/index.html"):
        assert page in names
    assert len(names) >= 40, "too few pages: is the build complete?"


def test_every_page_has_its_twin(site):
    missing = []
    for path in page_files(site):
        rel = path.relative_to(site)
        twin = site / rel.relative_to("cy") if rel.parts[0] == "cy" else site / "cy" / rel
        if not twin.exists():
            missing.append(f"{rel} has no twin at {twin.relative_to(site)}")
    assert not missing, "\n".join(missing)


def test_twins_have_the_same_section_ids(site, pages):
    problems = []
    for en, cy in twins(site):
        en_ids, cy_ids = set(pages[en].section_ids), set(pages[cy].section_ids)
        if en_ids != cy_ids:
            problems.append(f"{en.relative_to(site)}: only in English {sorted(en_ids - cy_ids)}, "
                            f"only in Welsh {sorted(cy_ids - en_ids)}")
    assert not problems, "\n".join(problems)


def test_section_ids_are_unique_on_each_page(site, pages):
    problems = []
    for path, page in pages.items():
        dupes = sorted({i for i in page.section_ids if page.section_ids.count(i) > 1})
        if dupes:
            problems.append(f"{path.relative_to(site)}: {dupes}")
    assert not problems, "\n".join(problems)


def resolve(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file a relative link points at (None for outside links) and its fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None, ""
    base = "/" + page.relative_to(site).parent.as_posix() + "/"
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):  # absolute links carry the published path (site_url), as on Pages
        from helpers import published_path
        prefix = published_path()
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix):] or "/"
    target = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else path
    file = site / target.lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, parts.fragment


def test_every_internal_link_and_anchor_resolves(site, pages):
    problems = []
    cache: dict[Path, set[str]] = {p: pg.ids for p, pg in pages.items()}
    for path, page in pages.items():
        for href, _attrs, _content in page.links:
            file, fragment = resolve(site, path, href)
            if file is None:
                continue
            where = f"{path.relative_to(site)} -> {href}"
            if not file.exists():
                problems.append(f"{where}: no such file")
                continue
            if fragment and file.suffix == ".html":
                if file not in cache:
                    cache[file] = Page(file.read_text(encoding="utf-8")).ids
                if fragment not in cache[file]:
                    problems.append(f"{where}: no id '{fragment}' on the target")
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:60])


def test_welsh_content_links_stay_in_welsh_and_english_in_english(site, pages):
    """A link in a page's text goes to the page in the same language (the switcher excepted)."""
    problems = []
    for path, page in pages.items():
        welsh = path.relative_to(site).parts[0] == "cy"
        for href, attrs, in_content in page.links:
            if not in_content or "hreflang" in attrs:
                continue
            file, _ = resolve(site, path, href)
            if file is None or not file.exists() or file.name != "index.html":
                continue
            rel = file.relative_to(site)
            if rel.parts[0] in ("assets", "search"):
                continue
            if welsh != (rel.parts[0] == "cy"):
                problems.append(f"{path.relative_to(site)} -> {href} ({rel})")
    assert not problems, f"{len(problems)} links cross languages:\n" + "\n".join(problems[:60])


# --- The glossary -------------------------------------------------------------------------------

GLOSSARY = yaml.safe_load(GLOSSARY_YML.read_text(encoding="utf-8"))["terms"]
REQUIRED_TERMS = {
    "icpc", "rcpc", "core-group", "smart", "significant-harm", "likelihood-of-significant-harm",
    "risk-model", "areas-of-change", "good-enough-care", "steps-to-change", "safety-scale",
    "collaborative-conversations", "motivational-interviewing", "practice-mentor",
    "child-protection-plan", "child-protection-coordinator", "pen-picture", "contingency-plan",
    "grey-areas", "lived-experience", "wales-safeguarding-procedures", "sswba",
}


def test_glossary_has_the_domain_terms_in_both_languages():
    ids = {t["id"] for t in GLOSSARY}
    assert REQUIRED_TERMS <= ids, sorted(REQUIRED_TERMS - ids)
    by_id = {t["id"]: t for t in GLOSSARY}
    # The project's own Welsh terms, and the alternatives other bodies use, mentioned once.
    assert by_id["significant-harm"]["term"]["cy"] == "Niwed arwyddocaol"
    assert "niwed sylweddol" in by_id["significant-harm"]["also"]["cy"]
    assert by_id["child-protection-plan"]["term"]["cy"] == "Cynllun amddiffyn plant"
    assert "cynllun amddiffyn y plentyn" in by_id["child-protection-plan"]["also"]["cy"]
    welsh_terms = [t["term"]["cy"].lower() for t in GLOSSARY]
    assert len(welsh_terms) == len(set(welsh_terms)), "one Welsh term may translate only one English term"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_glossary_page_lists_every_term_with_its_anchor(site, lang):
    path = (site / "cy" if lang == "cy" else site) / "learn" / "glossary" / "index.html"
    html = path.read_text(encoding="utf-8")
    page = Page(html)
    text = unescape(html)
    for term in GLOSSARY:
        assert term["id"] in page.ids, term["id"]
        assert term["term"][lang] in text, term["term"][lang]
    other = "en" if lang == "cy" else "cy"
    assert f'<span lang="{other}">' in html, "the other language's term is marked with its language"


def _pages_with_abbr(pages, site, lang: str, text: str) -> list[tuple[Path, str]]:
    found = []
    for path, page in pages.items():
        if (path.relative_to(site).parts[0] == "cy") != (lang == "cy"):
            continue
        for abbr_text, title in page.abbrs:
            if abbr_text == text:
                found.append((path, title))
    return found


@pytest.mark.parametrize("lang,title", [("en", "Initial child protection conference"),
                                        ("cy", "Cynhadledd amddiffyn plant gychwynnol")])
def test_abbreviations_carry_their_expansion_in_the_page_language(site, pages, lang, title):
    found = _pages_with_abbr(pages, site, lang, "ICPC")
    assert found, f"no {lang} page shows ICPC as an abbreviation"
    assert {t for _, t in found} == {title}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_abbreviation_tooltip_shows_on_hover(page, base_url, lang, axe):
    prefix = "/cy" if lang == "cy" else ""
    page.goto(f"{base_url}{prefix}/learn/glossary/")
    abbr = page.locator(".md-content abbr", has_text="ICPC").first
    expected = "Cynhadledd amddiffyn plant gychwynnol" if lang == "cy" else "Initial child protection conference"
    assert abbr.get_attribute("title") in (expected, None)  # Material moves the title into its tooltip
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=expected)
    tooltip.first.wait_for(state="visible", timeout=5000)
    assert page.errors == []
    assert page.requests.external() == []
