"""Another council adopts the portal, and a practice educator adds a case study.

One throwaway copy of the project: the scaffold of a new case is refused by the strict build,
naming its placeholders; filled from the fixture family no other test names, it builds with a
fictional council's own file (tests/fixtures/council/council.yml, `INHERIT: mkdocs.yml`). Then the
built copy names that council, in both languages, wherever the portal says who publishes it, and
never presents Gwynedd Council as this copy's publisher (the approach's history stays Gwynedd's).
"""
from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from helpers import LANGS, ROOT, SiteServer, copy_project, mkdocs_build, plain
from macros.case_pages import KINDS, page_path
from macros.new_case import skeleton
from test_authoring import fill, unseen_family

pytestmark = pytest.mark.built

COUNCIL_FILE = ROOT / "tests" / "fixtures" / "council" / "council.yml"
COUNCIL = yaml.load(COUNCIL_FILE.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["publisher"]
MAIN = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["publisher"]
NEW_ID = "teulu-newydd"  # the new case's id in the copy
LARGEST_ID = "teulu-mawr"  # a case as large as the loader's limits allow where it matters for print


def largest_case(full: dict) -> dict:
    """The fixture family grown to the limits that lengthen the printed documents: 200 statements
    (the most one list may hold) for the report, a long threshold analysis for the assessment, three
    areas of change with 40 steps each and long texts for the decisions, 40 people present and 20
    agencies' views for the minutes, 40 people invited for the letter."""
    import copy

    data = copy.deepcopy(full)
    data["statements"] = [dict(copy.deepcopy(full["statements"][i % len(full["statements"])]), id=f"st-{i + 1}")
                          for i in range(200)]
    area = data["areas_of_change"][0]
    data["areas_of_change"].insert(1, dict(copy.deepcopy(area), id="food-again"))
    for a in data["areas_of_change"]:
        a["steps"] = [copy.deepcopy(a["steps"][0]) for _ in range(40)]
        for key in ("not_good_enough", "good_enough", "checked", "contingency"):
            a[key] = {lang: " ".join([a[key][lang]] * 4) for lang in ("en", "cy")}
    c = data["conference"]
    c["report"]["voice"] = {lang: "\n\n".join([c["report"]["voice"][lang]] * 6) for lang in ("en", "cy")}
    c["decision"]["reason"] = {lang: " ".join([c["decision"]["reason"][lang]] * 5) for lang in ("en", "cy")}
    c["invitation"]["who_comes"] = [copy.deepcopy(c["invitation"]["who_comes"][i % 4]) for i in range(40)]
    c["assessment"]["threshold"] = {lang: "\n\n".join([c["assessment"]["threshold"][lang]] * 4) for lang in ("en", "cy")}
    m = c["minutes"]
    m["present"] = [copy.deepcopy(m["present"][i % len(m["present"])]) for i in range(40)]
    m["views"] = [copy.deepcopy(m["views"][i % len(m["views"])]) for i in range(20)]
    data["title"] = {"en": "The Mawr family, Llanrwst", "cy": "Teulu Mawr, Llanrwst"}
    data["proper_names"] = [*data.get("proper_names", []), "Mawr"]
    return data


@pytest.fixture(scope="module")
def adopted(tmp_path_factory) -> dict:
    project = copy_project(tmp_path_factory.mktemp("council"))
    shutil.copy(COUNCIL_FILE, project / "council.yml")
    case = project / "scenarios" / f"{NEW_ID}.yml"
    case.write_text(skeleton(NEW_ID), encoding="utf-8")
    refused = mkdocs_build(project, tmp_path_factory.mktemp("refused"), "council.yml")
    _, full = unseen_family()
    case.write_text(yaml.safe_dump(fill(yaml.safe_load(skeleton(NEW_ID)), full), allow_unicode=True), encoding="utf-8")
    (project / "scenarios" / f"{LARGEST_ID}.yml").write_text(
        yaml.safe_dump(largest_case(json.loads(json.dumps(full, default=str))), allow_unicode=True), encoding="utf-8")
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(project, site, "council.yml")
    return {"refused": refused, "result": result, "site": site}


def page(adopted, lang: str, path: str) -> str:
    site = adopted["site"] / ("cy" if lang == "cy" else "")
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_the_strict_build_refuses_the_scaffold_naming_what_is_left(adopted):
    out = adopted["refused"].stdout + adopted["refused"].stderr
    assert adopted["refused"].returncode != 0
    assert f"scenarios/{NEW_ID}.yml:" in out and "fields still to write" in out
    assert "title.en" in out and "title.cy" in out and "statements 1.text.cy" in out


def test_the_filled_scaffold_builds_every_case_page_in_both_languages(adopted):
    assert adopted["result"].returncode == 0, adopted["result"].stdout + adopted["result"].stderr
    for lang in LANGS:
        for kind in KINDS:
            assert (adopted["site"] / ("cy" if lang == "cy" else "") / page_path(NEW_ID, kind) / "index.html").is_file(), (lang, kind)


@pytest.mark.parametrize("lang", LANGS)
def test_header_footer_and_notice_name_the_council_on_every_page(adopted, lang):
    name = COUNCIL["name"][lang]
    root = adopted["site"] / ("cy" if lang == "cy" else "")
    pages = [p for p in root.rglob("index.html") if lang == "cy" or "/cy/" not in p.as_posix()]
    assert len(pages) > 40
    for p in pages:
        text = p.read_text(encoding="utf-8")
        header = re.search(r"<header\b.*?</header>", text, re.S).group(0)
        footer = re.search(r"<footer\b.*?</footer>", text, re.S).group(0)
        notice = re.search(r'<aside class="ecp-worried".*?</aside>', text, re.S).group(0)
        assert name in plain(header) and COUNCIL["url"] in header, p
        assert name in plain(footer), p
        for n in COUNCIL["safeguarding"]:
            assert f'href="tel:{n["number"].replace(" ", "")}"' in notice and n["what"][lang] in plain(notice), p


@pytest.mark.parametrize("lang", LANGS)
def test_contact_accessibility_and_privacy_pages_name_the_council(adopted, lang):
    name = COUNCIL["name"][lang]
    contacts = COUNCIL["contacts"]
    for path, who in (("about/contact", contacts["general"]), ("about/accessibility", [contacts["accessibility"]]),
                      ("about/privacy", [contacts["privacy"]]), ("about/welsh-language", [contacts["welsh_language"]])):
        html = page(adopted, lang, path)
        article = re.search(r"<article\b.*?</article>", html, re.S).group(0)
        assert name in plain(article), path
        for person in who:
            assert f'href="mailto:{person["email"]}"' in article and person["role"][lang] in plain(article), path
    statement = plain(page(adopted, lang, "about/accessibility"))
    assert COUNCIL["statement"]["tested_by"][lang] in statement
    assert ("15 January 2027" if lang == "en" else "15 Ionawr 2027") in statement


def test_no_page_presents_gwynedd_as_this_copys_publisher(adopted):
    gwynedd = MAIN["contacts"]["general"] + [MAIN["contacts"][k] for k in ("accessibility", "privacy", "welsh_language")]
    leaks = {c["email"] for c in gwynedd} | {c["phone"] for c in gwynedd if c["phone"]}
    # The council's own numbers; national ones (999, 101) may be on both.
    leaks |= {n["number"] for n in MAIN["safeguarding"] if len(n["number"].replace(" ", "")) > 4}
    as_publisher = re.compile(r"(published by|run by|Publisher:)\s*(the\s+)?Gwynedd|Cyhoeddwr:\s*Cyngor Gwynedd|"
                              r"Cyngor Gwynedd sy'n (cyhoeddi|rhedeg)", re.I)
    found = []
    for p in adopted["site"].rglob("*.html"):
        text = p.read_text(encoding="utf-8")
        words = plain(text)
        found += [f"{p.relative_to(adopted['site'])}: {leak}" for leak in leaks if leak in text]
        found += [f"{p.relative_to(adopted['site'])}: {m.group(0)}" for m in as_publisher.finditer(words)]
    assert not found, "\n".join(found[:20])
    # The approach's history is still Gwynedd's.
    assert "Gwynedd" in plain(page(adopted, "en", "about"))


def test_the_offline_page_gives_the_councils_numbers(adopted):
    offline = (adopted["site"] / "offline.html").read_text(encoding="utf-8")
    for n in COUNCIL["safeguarding"]:
        assert f'href="tel:{n["number"].replace(" ", "")}"' in offline
        assert n["what"]["en"] in plain(offline) and n["what"]["cy"] in plain(offline)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_print_holds_the_largest_case(adopted, page, lang):
    """Each document starts its own A4 page; a long one flows onto more, each with its running
    header (the fictional mark, the document and the family)."""
    from macros.model import Scenario
    from test_example_documents import check_printed, printed_pages

    assert adopted["result"].returncode == 0
    server = SiteServer(adopted["site"])
    try:
        page.goto(f"{server.url}{'/cy' if lang == 'cy' else ''}/{page_path(LARGEST_ID, 'documents')}")
        pages = printed_pages(page)
    finally:
        server.close()
    assert len(pages) > 10, len(pages)
    _, full = unseen_family()
    check_printed(pages, Scenario.model_validate(largest_case(json.loads(json.dumps(full, default=str)))), lang)
