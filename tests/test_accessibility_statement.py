"""The accessibility statement says what is true now, and stays so.

Its known problems, their plans, and the problems fixed since an earlier statement live in one file
(the content folder's accessibility.yml). Each entry has a check here, run against the built site:
a listed problem must still be found; a fixed one must stay fixed; a feature the statement promises
must hold. An entry without a check fails, so nothing is listed that is not checked.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from helpers import LANGS, ROOT, built
from test_sources import text, tree, walk

DATA = yaml.safe_load((ROOT / "macros" / "content" / "accessibility.yml").read_text(encoding="utf-8"))


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "pagefind" not in p.parts)


def without_templates(html: str) -> str:
    return re.sub(r"<template\b.*?</template>", "", html, flags=re.S)


def search_template(site: Path) -> str:
    m = re.search(r'<template id="ecp-search">(.*?)</template>', (site / "index.html").read_text(encoding="utf-8"), re.S)
    assert m, "the search box's template is on the home page"
    return m.group(1)


# Each check answers: is the problem there (for `problems` and `fixed`), or does the feature hold?
def abbreviation_hover(site):
    """Abbreviations carry their full form only in a title, on an element a keyboard cannot reach."""
    abbrs = [m.group(0) for p in pages(site) for m in re.finditer(r"<abbr\b[^>]*>", p.read_text(encoding="utf-8"))]
    return bool(abbrs) and not any("tabindex" in a for a in abbrs)


def search_needs_javascript(site):
    """Without JavaScript there is no search box: its markup is only inside an inert template."""
    home = (site / "index.html").read_text(encoding="utf-8")
    return "md-search__input" in home and "md-search__input" not in without_templates(home)


def search_button_name(site):
    """The control that opens search is a <label> with an aria-label (axe: aria-prohibited-attr)."""
    return bool(re.search(r"<label\b[^>]*\baria-label=", search_template(site)))


def search_results_focus(site):
    """The empty results area is a Tab stop (tabindex=0) with no focus style of its own."""
    return bool(re.search(r'class="md-search__scrollwrap"[^>]*tabindex="0"', search_template(site)))


def ratings_table_scroll(site):
    """A ratings table's scrolling box is not a Tab stop."""
    boxes = [m.group(0) for p in pages(site) for m in re.finditer(r'<div class="wb-table-wrap"[^>]*>', p.read_text(encoding="utf-8"))]
    return bool(boxes) and not all("tabindex" in b for b in boxes)


def welsh_word_forms(site):
    """Fixed when Welsh search groups mutated forms under their radical (blant, mhlant -> plant)."""
    forms = json.loads((site / "pagefind" / "forms.cy.json").read_text(encoding="utf-8"))
    return not ("plant" in forms and {"blant", "plant"} <= set(forms["plant"]))


def language_hover_list(site):
    """Fixed when the header has the language as a plain link, and no hover list of languages."""
    home = (site / "index.html").read_text(encoding="utf-8")
    return 'data-component="language-link"' not in home or "md-select" in home


def charts_have_tables(site):
    """Every chart of scores (an svg with role=img) sits in a part that also has a table."""
    charts = 0
    for p in pages(site):
        html = p.read_text(encoding="utf-8")
        for m in re.finditer(r'<svg\b[^>]*role="img"', html):
            charts += 1
            if "<table" not in html[m.end():m.end() + 20000]:
                return False
    return charts > 0


CHECKS = {f.__name__.replace("_", "-"): f for f in (
    abbreviation_hover, search_needs_javascript, search_button_name, search_results_focus,
    ratings_table_scroll, welsh_word_forms, language_hover_list, charts_have_tables)}


def test_every_entry_has_a_check():
    ids = [e["id"] for part in ("problems", "fixed", "features") for e in DATA.get(part, [])]
    assert len(ids) == len(set(ids)), "ids are unique"
    missing = [i for i in ids if i not in CHECKS]
    assert not missing, f"no check in this file for {missing}"


@pytest.mark.parametrize("entry", [e["id"] for e in DATA["problems"]])
def test_listed_problem_is_still_there(site, entry):
    assert CHECKS[entry](site), f"{entry} is fixed: take it off the accessibility statement (accessibility.yml)"


@pytest.mark.parametrize("entry", [e["id"] for e in DATA.get("fixed", [])])
def test_fixed_problem_stays_fixed(site, entry):
    assert not CHECKS[entry](site), f"{entry} is back: list it in the accessibility statement again, or fix it"


@pytest.mark.parametrize("entry", [e["id"] for e in DATA.get("features", [])])
def test_promised_feature_holds(site, entry):
    assert CHECKS[entry](site), f"the statement promises {entry}, and the site no longer does it"


@pytest.mark.parametrize("lang", LANGS)
def test_statement_lists_exactly_the_known_problems(site, lang):
    t = tree(built(site, lang, "about/accessibility"))
    lists = {n["attrs"]["data-component"]: n for n in walk(t.root)
             if n["attrs"].get("data-component", "").startswith("known-problems")}
    assert {"known-problems", "known-problems-plans", "known-problems-compliance"} <= set(lists)
    for part in ("known-problems", "known-problems-plans"):
        items = [n for n in walk(lists[part]) if n["tag"] == "li"]
        assert [li["attrs"].get("data-problem") for li in items] == [e["id"] for e in DATA["problems"]], part
        for li, e in zip(items, DATA["problems"]):
            words = " ".join(text(li).split())
            key = "text" if part == "known-problems" else "plan"
            assert " ".join(e[key][lang].split()) in words
            if part == "known-problems" and e.get("wcag"):
                assert e["wcag"] in words, f"{e['id']}: names its success criterion"
    words = " ".join(text(t.root).split())
    sentence = " ".join(text(lists["known-problems-compliance"]).split())
    failing = [e for e in DATA["problems"] if e.get("wcag")]
    partial = {"en": "partially compliant", "cy": "cydymffurfio'n rhannol"}[lang]
    assert (partial in sentence) == bool(failing), "partially compliant exactly while a listed problem fails a criterion"
    # What the statement of November 2026 said and is no longer true.
    old = {"en": ["hover over it", "may miss mutated forms", "add Welsh word forms"],
           "cy": ["hofran drosto", "gall fethu ffurfiau wedi'u treiglo", "ychwanegu ffurfiau geiriau Cymraeg"]}[lang]
    assert not [o for o in old if o in words]
