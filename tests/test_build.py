"""Build tests: they read the built HTML."""
import re

import pytest
import yaml

from helpers import (COPIED_SCENARIO, DOCS, HOSTILE_SCENARIO, SAMPLE_SCENARIO, STRINGS_YML_REL, built,
                     copy_project, mkdocs_build)


def source_pages() -> list[str]:
    """Every page's path without its language suffix, e.g. 'elements/change'."""
    return sorted({str(p.relative_to(DOCS))[: -len(".en.md")] for p in DOCS.rglob("*.en.md")
                   if "case-studies" not in p.parts})


@pytest.mark.parametrize("page", source_pages())
def test_every_page_has_both_twins_with_alternates(site, page):
    for lang in ("en", "cy"):
        html = built(site, lang, page).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        links = dict(re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="(en|cy)">', html)[i][::-1]
                     for i in range(2))
        assert set(links) == {"en", "cy"}, f"{page} ({lang}) lacks hreflang alternates"


def test_scenario_pages_exist_in_both_languages(site):
    for lang in ("en", "cy"):
        base = (site / "cy" if lang == "cy" else site) / "case-studies" / "teulu-hughes"
        for sub in ("", "rewrites", "steps"):
            assert (base / sub / "index.html").exists(), f"{lang} {sub}"
    cy = (site / "cy/case-studies/teulu-hughes/index.html").read_text(encoding="utf-8")
    assert "Teulu Hughes, Caernarfon" in cy and "Beth ddigwyddodd" in cy
    assert "The Hughes family" not in cy.split('class="md-content"')[1], "English leaked into the Welsh page"


def test_case_study_index_and_nav_list_the_scenario(site):
    for lang, title in (("en", "The Hughes family, Caernarfon"), ("cy", "Teulu Hughes, Caernarfon")):
        html = built(site, lang, "case-studies/index").read_text(encoding="utf-8")
        content = html.split('class="md-content"')[1]
        assert title in content
        nav = html.split('class="md-content"')[0]
        assert title in nav, f"{lang} nav lacks the scenario"


def test_each_language_has_its_own_404(site):
    assert "Page not found" in (site / "404.html").read_text(encoding="utf-8")
    assert "Methu dod o hyd" in (site / "cy" / "404.html").read_text(encoding="utf-8")


def test_no_third_party_urls_in_built_html(site):
    for path in list(site.rglob("*.html"))[:400]:
        html = path.read_text(encoding="utf-8")
        srcs = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
        bad = [u for u in srcs if "127.0.0.1" not in u and "localhost" not in u]
        assert not [u for u in bad if re.search(r'\.(js|css|woff2?)(\?|$)', u) or "fonts.g" in u], (path, bad)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("project"))


def test_a_copied_scenario_adds_its_pages_in_both_languages(variant):
    site = variant
    for prefix in (site, site / "cy"):
        for sub in ("", "rewrites/", "steps/"):
            assert (prefix / "case-studies" / COPIED_SCENARIO / sub / "index.html").exists()
        index = (prefix / "case-studies" / "index.html").read_text(encoding="utf-8")
        assert f'href="{COPIED_SCENARIO}/"' in index


def test_scenario_html_is_escaped_everywhere(variant):
    """A scenario with HTML in its title, statement, narrative, rule and area (helpers.hostile_scenario)."""
    site = variant
    pages = list((site / "case-studies" / HOSTILE_SCENARIO).rglob("*.html")) + list((site / "cy" / "case-studies" / HOSTILE_SCENARIO).rglob("*.html"))
    pages += [site / "case-studies/index.html", site / "cy/case-studies/index.html"]
    assert len(pages) >= 8
    shown = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        shown += "&lt;script&gt;alert" in html  # the text arrives, escaped
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html and "<img src=\"x\"" not in html, path
    assert shown >= 4, "the hostile texts should reach the pages as text"
    title = re.search(r"<title>(.*?)</title>", (site / "case-studies" / HOSTILE_SCENARIO / "index.html").read_text(encoding="utf-8"), re.S)
    assert "<script" not in title.group(1)


def test_a_broken_scenario_stops_the_build_naming_file_and_field(project, tmp_path):
    data = yaml.safe_load(SAMPLE_SCENARIO.read_text(encoding="utf-8"))
    del data["statements"][3]["explanation"]["cy"]
    (project / "scenarios" / "broken.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    (project / "scenarios" / "broken.yml").unlink()
    assert result.returncode != 0
    assert (f"scenarios/broken.yml: statements 4 (id: {data['statements'][3]['id']}).explanation: missing Welsh text (cy)"
            in result.stdout + result.stderr)


def test_a_missing_welsh_page_stops_the_build(project, tmp_path):
    cy = project / "docs" / "about" / "news.cy.md"
    text = cy.read_text(encoding="utf-8")
    cy.unlink()
    result = mkdocs_build(project, tmp_path / "site")
    cy.write_text(text, encoding="utf-8")
    assert result.returncode != 0
    assert "docs/about/news.en.md: no Welsh twin" in result.stdout + result.stderr


def test_a_missing_welsh_ui_string_stops_the_build(project, tmp_path):
    path = project / STRINGS_YML_REL
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nextra.key: {en: Only English}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    path.write_text(text, encoding="utf-8")
    assert result.returncode != 0
    assert "extra.key: missing Welsh text (cy)" in result.stdout + result.stderr
