"""True to the sources (issue 11), checked in the built HTML of both languages.

- Every page that states a fact (a figure, a date, a timescale or a named body's practice) ends with
  a "Sources" list, in both languages; a page that names a body cites a source about it; every
  source says where a reader can find it.
- No placeholder contact address; the accessibility statement's contact is the project's own.
- The crosswalk of the models exists in both languages, every row has an id, empty cells say so,
  and each glossary term's link lands on its row.
- One fact in one place: a guidance page that cites a case study never retypes its figures; they
  come from the scenario file through the scenario_fact macro, whose output is marked.
- The Risk Model is not given a "Stage 1 / Stage 2" structure that the sources do not describe.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from helpers import CROSSWALK_YML, GLOSSARY_YML, LANGS, MKDOCS_YML, built
from macros import strings
from macros.loader import load_all

SOURCES_HEADING = {"en": "Sources", "cy": "Ffynonellau"}
CONFIG = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Tree(HTMLParser):
    """A small element tree of the page's main content (the article), enough for these checks."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = {"tag": "root", "attrs": {}, "children": []}
        self._stack = [self.root]
        self._depth = 0  # inside <article class="md-content__inner">
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if not self._depth:
            if tag == "article" and "md-content__inner" in a.get("class", ""):
                self._depth = 1
            return
        node = {"tag": tag, "attrs": a, "children": []}
        self._stack[-1]["children"].append(node)
        if tag not in VOID:
            self._stack.append(node)
            self._depth += 1

    def handle_endtag(self, tag):
        if not self._depth or tag in VOID:
            return
        if self._depth == 1:
            if tag == "article":
                self._depth = 0
            return
        if tag not in [n["tag"] for n in self._stack[1:]]:
            return  # a stray end tag: ignore it, as a browser would
        while len(self._stack) > 1:
            node = self._stack.pop()
            self._depth -= 1
            if node["tag"] == tag:
                break

    def handle_data(self, data):
        if self._depth:
            self._stack[-1]["children"].append(data)


def walk(node):
    yield node
    for child in node["children"]:
        if isinstance(child, dict):
            yield from walk(child)


def text(node, skip=lambda n: False) -> str:
    out = []
    for child in node["children"]:
        if isinstance(child, str):
            out.append(child)
        elif not skip(child) and child["tag"] not in ("script", "style", "template"):
            out.append(text(child, skip))
    return "".join(out)


def tree(path: Path) -> Tree:
    return Tree(path.read_text(encoding="utf-8"))


# --- Sources sections ---------------------------------------------------------------------------

def pages_with_sources(site: Path) -> list[str]:
    """Every hand-written page (as a path under the language root) that has a Sources section."""
    found = set()
    for lang, path in guidance_pages(site):
        rel = path.relative_to(site / "cy" if lang == "cy" else site).parent.as_posix()
        if 'id="sources"' in path.read_text(encoding="utf-8"):
            found.add("" if rel == "." else rel)
    return sorted(found)


def test_sources_sections_end_the_page_in_both_languages(site):
    pages = pages_with_sources(site)
    assert len(pages) >= 20, pages
    for page in pages:
        found = {}
        for lang in LANGS:
            t = tree(built(site, lang, page) if page else (site / "cy" if lang == "cy" else site) / "index.html")
            blocks = [n for n in sources_parent(t)["children"] if isinstance(n, dict)]
            headings = [i for i, n in enumerate(blocks) if n["tag"] == "h2" and n["attrs"].get("id") == "sources"]
            assert len(headings) == 1, f"{lang} {page}: needs one h2 with id 'sources'"
            i = headings[0]
            assert text(blocks[i]).strip() == SOURCES_HEADING[lang], f"{lang} {page}: heading in the page's language"
            lists = [n for n in blocks[i + 1:] if n["attrs"].get("data-component") == "sources"]
            assert lists, f"{lang} {page}: the Sources heading is followed by the sources list"
            items = [n for n in lists[0]["children"] if isinstance(n, dict) and n["tag"] == "li"]
            assert items and all(text(li).strip() for li in items), f"{lang} {page}: empty sources list"
            assert not [n for n in blocks[i + 1:] if n["tag"] == "h2"], f"{lang} {page}: Sources is the last section"
            found[lang] = [li["attrs"].get("data-source") for li in items]
        assert found["en"] == found["cy"], f"{page}: the two languages cite different sources"


# --- Contact ------------------------------------------------------------------------------------

def test_no_placeholder_contact_anywhere(site):
    bad = re.compile(r"example\.(gov\.uk|com|org)|@example\b|\.invalid\b")
    assert not bad.search(MKDOCS_YML.read_text(encoding="utf-8"))
    hits = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if bad.search(p.read_text(encoding="utf-8"))]
    assert not hits, hits


def test_contact_details_come_from_configuration_and_the_project():
    publisher = CONFIG["extra"]["publisher"]
    assert CONFIG["extra"]["project"]["website"] == "https://www.effectivechildprotection.wales"
    contacts = publisher["contacts"]
    for person in [*contacts["general"], contacts["accessibility"]]:
        assert person["email"].endswith("@gwynedd.llyw.cymru"), person
        assert person["name"] and person["role"]["en"] and person["role"]["cy"]
    assert "Senior Manager – Safeguarding" in contacts["general"][0]["role"]["en"]
    assert contacts["general"][1]["role"]["en"] == "Practice Transformation Lead"


@pytest.mark.parametrize("lang", LANGS)
def test_contact_and_accessibility_pages_give_the_project_contacts(site, lang):
    contacts = CONFIG["extra"]["publisher"]["contacts"]
    page = built(site, lang, "about/contact").read_text(encoding="utf-8")
    for person in contacts["general"]:
        assert f'href="mailto:{person["email"]}"' in page
    assert f'href="{CONFIG["extra"]["publisher"]["url"]}"' in page
    statement = tree(built(site, lang, "about/accessibility"))
    blocks = [n for n in statement.root["children"] if isinstance(n, dict)]
    start = next(i for i, n in enumerate(blocks) if n["attrs"].get("id") == "report")
    end = next(i for i, n in enumerate(blocks) if i > start and n["tag"] == "h2")
    hrefs = [n["attrs"].get("href", "") for b in blocks[start:end] for n in walk(b) if n["tag"] == "a"]
    lead = contacts["accessibility"]
    assert f'mailto:{lead["email"]}' in hrefs, "the accessibility contact is one that works"
    assert f'tel:{lead["phone"].replace(" ", "")}' in hrefs


# --- Law and standards --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_accessibility_statement_states_the_requirement_and_the_aim(site, lang):
    words = " ".join(text(tree(built(site, lang, "about/accessibility")).root).split())
    assert "WCAG 2.1" in words and "2.2" in words
    assert "gov.uk/guidance/accessibility-requirements" in built(site, lang, "about/accessibility").read_text(encoding="utf-8")


# --- The Risk Model -----------------------------------------------------------------------------

RISK_MODEL_STAGES = re.compile(
    r"\bStage [12]\b|\bscreening question\b|\bstructured assessment\b|\bCam [12]\b|cwestiwn sgrinio|asesiad strwythuredig",
    re.IGNORECASE)


def test_no_invented_risk_model_structure(site):
    hits = []
    for path in site.rglob("*.html"):
        words = " ".join(text(Tree(path.read_text(encoding="utf-8")).root).split())
        for m in RISK_MODEL_STAGES.finditer(words):
            hits.append(f"{path.relative_to(site)}: ...{words[max(0, m.start() - 60):m.end() + 60]}...")
    assert not hits, "\n".join(hits[:20])
    glossary = GLOSSARY_YML.read_text(encoding="utf-8")
    assert not RISK_MODEL_STAGES.search(glossary)


@pytest.mark.parametrize("lang", LANGS)
def test_thresholds_page_marks_its_illustration(site, lang):
    t = tree(built(site, lang, "elements/thresholds"))
    ids = {n["attrs"].get("id") for n in walk(t.root)}
    assert {"what-the-sources-say", "well-evidenced-decision", "human-rights", "sources"} <= ids
    words = text(t.root)
    assert ("illustration" in words) if lang == "en" else ("Enghraifft o ymarfer da yn gyffredinol" in words)


# --- The crosswalk ------------------------------------------------------------------------------

CROSSWALK = yaml.safe_load(CROSSWALK_YML.read_text(encoding="utf-8"))
GLOSSARY = yaml.safe_load(GLOSSARY_YML.read_text(encoding="utf-8"))["terms"]


# The models the table shows: those the sources give at least one term for (a model with none would
# be a column of empty cells, so the table leaves it out).
SHOWN = [c["id"] for c in CROSSWALK["columns"] if any(c["id"] in r["cells"] for r in CROSSWALK["rows"])]


def crosswalk_rows(site: Path, lang: str) -> dict[str, list[dict]]:
    t = tree(built(site, lang, "learn/crosswalk"))
    tables = [n for n in walk(t.root) if n["attrs"].get("data-component") == "crosswalk"]
    assert len(tables) == 1, f"{lang}: one crosswalk table"
    rows = [n for n in walk(tables[0]) if n["tag"] == "tr" and n["attrs"].get("id")]
    return {r["attrs"]["id"]: [c for c in r["children"] if isinstance(c, dict) and c["tag"] in ("th", "td")]
            for r in rows}


def test_crosswalk_exists_in_both_languages_with_the_same_row_ids(site):
    en, cy = crosswalk_rows(site, "en"), crosswalk_rows(site, "cy")
    assert list(en) == list(cy) == [r["id"] for r in CROSSWALK["rows"]]
    concepts = {"worried", "working-well", "grey-areas", "needs-to-change", "safety-scale",
                "areas-of-change", "good-enough", "core-group", "review"}
    assert concepts <= set(en), sorted(concepts - set(en))
    for lang, rows in (("en", en), ("cy", cy)):
        for rid, cells in rows.items():
            assert len(cells) == 1 + len(SHOWN), f"{lang} {rid}: a cell for every model shown"
            assert cells[0]["tag"] == "th" and cells[0]["attrs"].get("scope") == "row"


@pytest.mark.parametrize("lang", LANGS)
def test_crosswalk_leaves_cells_empty_where_the_sources_say_nothing(site, lang):
    rows = crosswalk_rows(site, lang)
    hidden = strings.t("crosswalk.empty", lang)
    for row in CROSSWALK["rows"]:
        for col, cell in zip(SHOWN, rows[row["id"]][1:]):
            words = text(cell).strip()
            if col in row["cells"]:
                assert words and hidden not in words, f"{row['id']}/{col}"
            else:
                # An em dash for the eye, hidden from screen readers, which hear why it is empty.
                dash = [n for n in walk(cell) if n["attrs"].get("aria-hidden") == "true"]
                said = [n for n in walk(cell) if "ecp-crosswalk__hidden" in n["attrs"].get("class", "")]
                assert dash and text(dash[0]) == "—" and said and text(said[0]) == hidden, f"{row['id']}/{col}"
    # The sources give no Signs of Safety or Three Houses terms: the table has no column for them
    # (the page says why), and every column it has names its model.
    assert not {"signs-of-safety", "three-houses"} & set(SHOWN)
    page = tree(built(site, lang, "learn/crosswalk"))
    heads = [text(n).strip() for n in walk(page.root) if n["tag"] == "th" and n["attrs"].get("scope") == "col"]
    names = {c["id"]: c["name"][lang] for c in CROSSWALK["columns"]}
    assert heads[1:] == [names[c] for c in SHOWN], heads


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_terms_link_to_their_crosswalk_row(site, lang):
    rows = crosswalk_rows(site, lang)
    page = tree(built(site, lang, "learn/glossary"))
    links = []
    for dd_link in (n for n in walk(page.root) if "ecp-glossary__crosswalk" in n["attrs"].get("class", "")):
        a = next(n for n in walk(dd_link) if n["tag"] == "a")
        links.append((a["attrs"]["href"], text(a)))
    expected = {term for row in CROSSWALK["rows"] for term in row.get("glossary", [])}
    assert len(links) == len(expected) and len(expected) >= 8
    assert len({label for _, label in links}) == len(links), "each link names its term"
    for href, _label in links:
        path, _, fragment = href.partition("#")
        assert path == "../crosswalk/", href  # the same language's crosswalk page
        assert fragment in rows, f"{href}: no such row"
    assert {t["id"] for t in GLOSSARY} >= expected


# --- One fact in one place ----------------------------------------------------------------------

SCENARIOS = load_all()


def scenario_names(sid: str) -> set[str]:
    s = SCENARIOS[sid]
    names = {s.child.name} | {p.name.split()[0] for p in s.people} | {p.name.split()[-1] for p in s.people}
    return {n for n in names if len(n) > 2}


def retyped_figures(html: str, lang: str) -> list[str]:
    """Figures in a guidance page's sections that cite a scenario and that a writer typed: anything
    outside the output of a component (scenario_fact, or a tool that renders the scenario file).
    The UI strings that state a scale's direction are allowed."""
    t = Tree(html)
    allowed = [strings.t(k, lang) for k in ("scale.direction", "steps.point_1", "steps.point_10")]
    problems = []
    sections, current = [], []
    for node in t.root["children"]:
        if isinstance(node, dict) and node["tag"] == "h2":
            sections.append(current)
            current = []
        current.append(node)
    sections.append(current)
    for section in sections:
        nodes = [n for n in section if isinstance(n, dict)]
        hrefs = " ".join(n["attrs"].get("href", "") for s in nodes for n in walk(s))
        words = " ".join(text(s) for s in nodes)
        for sid in SCENARIOS:
            cited = f"case-studies/{sid}/" in hrefs or any(re.search(rf"\b{re.escape(n)}\b", words)
                                                           for n in scenario_names(sid))
            if not cited:
                continue
            component = lambda n: "data-component" in n["attrs"] or "data-module" in n["attrs"]  # noqa: E731
            plain = " ".join(text(s, skip=component) for s in nodes if not component(s))
            for phrase in allowed:
                plain = plain.replace(phrase, " ")
            plain = re.sub(r"https?://\S+", " ", plain)  # a printed page's own address
            for m in re.finditer(r"\d+", plain):
                problems.append(f"{sid}: ...{' '.join(plain[max(0, m.start() - 50):m.end() + 30].split())}...")
    return problems


def test_the_figures_check_catches_a_retyped_figure():
    """The check below can fail: a retyped score is caught, the macro's marked output is not."""
    page = ('<article class="md-content__inner"><h2 id="x">Example</h2>'
            '<p>See the <a href="../case-studies/teulu-hughes/">case study</a>.</p>{}</article>')
    assert retyped_figures(page.format("<p>Safety scale: parents 6, school 3.</p>"), "en")
    assert retyped_figures(page.format("<p>Siân gives a 4.</p>").replace("See the", "See"), "en")
    marked = ('<p>Scale: <span data-component="scenario-fact" data-scenario="teulu-hughes">Siân 7</span>. '
              f'{strings.t("scale.direction", "en")}</p>')
    assert not retyped_figures(page.format(marked), "en")


def guidance_pages(site: Path) -> list[tuple[str, Path]]:
    out = []
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).as_posix()
        lang = "cy" if rel.startswith("cy/") else "en"
        inner = rel[3:] if lang == "cy" else rel
        if inner.startswith(("case-studies/", "assets/", "search/")):
            continue
        out.append((lang, path))
    return sorted(out)


def test_guidance_pages_take_case_study_figures_only_from_the_scenario_file(site):
    problems = []
    for lang, path in guidance_pages(site):
        for p in retyped_figures(path.read_text(encoding="utf-8"), lang):
            problems.append(f"{path.relative_to(site)}: {p}")
    assert not problems, "figures retyped instead of scenario_fact():\n" + "\n".join(problems[:30])


@pytest.mark.parametrize("lang", LANGS)
def test_quoted_figures_match_the_scenario_file(site, lang):
    quoted = 0
    for _lang, path in (p for p in guidance_pages(site) if p[0] == lang):
        for node in walk(tree(path).root):
            if node["attrs"].get("data-component") != "scenario-fact":
                continue
            quoted += 1
            s = SCENARIOS[node["attrs"]["data-scenario"]]
            if node["attrs"]["data-fact"] == "safety_scale":
                expected = ", ".join(f"{v.who[lang]} {v.score}" for v in s.safety_scale)
                assert " ".join(text(node).split()) == expected, path
    assert quoted >= 1, "the conference page quotes the Hughes safety scale through scenario_fact"


def test_hughes_tells_one_story():
    """The Hughes contingency and start date agree between the Steps to Change and the rewrite, and no
    rule waits for a parent who has been drinking to ring for help."""
    s = SCENARIOS["teulu-hughes"]
    sober = next(a for a in s.areas_of_change if a.id == "sober-carer")
    rewrite = next(r for r in s.rewrites if r.id == "alcohol-services")
    assert "Nain" in sober.contingency.en and "Nain" in sober.contingency.cy
    assert any("Nain Glenys will ring" in rule.text.en for rule in rewrite.rules)
    for text in [sober.contingency.en, *(rule.text.en for rule in rewrite.rules)]:
        assert "has had a drink" not in text and "stays sober" not in text, text
    start = next(st for st in sober.steps if "drug and alcohol" in st.text.en)
    day = start.by.en.removeprefix("By ")
    assert any(rule.text.en.startswith(f"From {day}") for rule in rewrite.rules)


@pytest.mark.parametrize("lang", LANGS)
def test_steps_to_change_anchors_are_worded_once(site, lang):
    low, high = strings.t("steps.point_1", lang), strings.t("steps.point_10", lang)
    pages = ["elements/measure", "learn/handouts/measure", "practice/reports", "steps/workbook",
             "case-studies/teulu-hughes/steps", "learn/glossary"]
    for page in pages:
        words = " ".join(text(tree(built(site, lang, page)).root).split())
        assert low in words and high in words, f"{lang} {page}: the scale's ends as defined in strings.yml"
    # The old second wording of the bottom point is gone.
    old = {"en": "at the worst|worry was at its highest|furthest from good enough",
           "cy": "pellaf o fod yn ddigon da|ar ei uchaf"}[lang]
    for page in pages:
        words = " ".join(text(tree(built(site, lang, page)).root).split())
        assert not re.search(old, words), f"{lang} {page}"


# --- Every page that states a fact says where from -----------------------------------------------
# A page states a fact when its prose gives a figure, a date, a timescale or a named body's practice.
# Such a page ends with a Sources list, and a page that names a body cites a source carrying that
# name (`names` in macros/content/sources.yml). Prose is the article before its Sources section,
# leaving out links, code and components (elements with data-component): a tool's numbers and a
# fictional family's figures are not facts to source. Names are looked for in components too (the
# glossary and the crosswalk are components). The publisher's own name, set in mkdocs.yml, is the
# publisher speaking, not a report of a body's practice: it is taken out before names are looked for.
import macros.components  # noqa: E402,F401  (lets the component folders import)
from macros.components.sources import load as load_sources  # noqa: E402

SOURCES = load_sources()
MONTHS = {
    "en": r"January|February|March|April|June|July|August|September|October|November|December",
    # "Mai" and "Mawrth" are everyday words too (that; Tuesday): a date with them has a digit anyway.
    "cy": r"Ionawr|Chwefror|Ebrill|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr",
}
TIMESCALE = {
    "en": re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                     r"(?:working\s+)?(?:days?|weeks?|months?|years?)\b", re.I),
    "cy": re.compile(r"\b(?:un|dau|dwy|tri|tair|pedwar|pedair|pum|pump|chwe|chwech|saith|wyth|naw|deg|"
                     r"deuddeg)\s+(?:diwrnod|ddiwrnod|niwrnod|wythnos|mis|fis|blynedd|mlynedd|flynedd)\b", re.I),
}


def publisher_names() -> list[str]:
    """The publisher's names as configured (extra.publisher.name or the older extra.contact)."""
    extra = CONFIG.get("extra", {})
    pub = (extra.get("publisher") or {}).get("name") or {}
    names = list(pub.values()) if isinstance(pub, dict) else [pub]
    contact = extra.get("contact") or {}
    names += [contact.get(k) for k in ("organisation", "organisation_cy", "organisation_cy_soft")]
    return sorted({n for n in names if n}, key=len, reverse=True)


def is_component(n) -> bool:
    return "data-component" in n["attrs"] or "data-module" in n["attrs"]


def sources_parent(t: Tree) -> dict:
    """The element that holds the Sources heading (the article, or a page template's wrapper)."""
    for n in walk(t.root):
        if any(isinstance(c, dict) and c["tag"] == "h2" and c["attrs"].get("id") == "sources" for c in n["children"]):
            return n
    return t.root


def split_at_sources(t: Tree) -> tuple[list, list]:
    """The article's blocks with the Sources section taken out, and the Sources section."""
    parent = sources_parent(t)
    blocks = [n for n in parent["children"] if isinstance(n, dict)]
    at = next((i for i, n in enumerate(blocks) if n["tag"] == "h2" and n["attrs"].get("id") == "sources"), len(blocks))
    section = blocks[at:]
    if parent is t.root:
        return blocks[:at], section
    rest = [n for n in t.root["children"] if isinstance(n, dict)]
    return [strip(n, {id(x) for x in section}) for n in rest], section


def strip(node, drop: set) -> dict:
    """A copy of the tree without the nodes in `drop` (by identity)."""
    return {**node, "children": [c if isinstance(c, str) else strip(c, drop) for c in node["children"]
                                 if isinstance(c, str) or id(c) not in drop]}


def facts_stated(html: str, lang: str) -> dict[str, list[str]]:
    """What a page states that needs a source, by kind: figure, date, timescale, name."""
    body, _ = split_at_sources(Tree(html))
    aside = lambda n: is_component(n) or n["tag"] in ("a", "code", "kbd")  # noqa: E731
    prose = " ".join(" ".join(text(b, skip=aside).split()) for b in body if not aside(b))
    everything = " ".join(" ".join(text(b, skip=lambda n: n["tag"] in ("a", "code")).split()) for b in body)
    for name in publisher_names():
        prose, everything = prose.replace(name, " "), everything.replace(name, " ")
    found: dict[str, list[str]] = {}

    def note(kind, m):
        found.setdefault(kind, []).append(" ".join(prose[max(0, m.start() - 40):m.end() + 30].split()))

    for m in re.finditer(r"\d+", prose):
        note("figure", m)
    for m in re.finditer(rf"\b(?:{MONTHS[lang]})\b", prose):
        note("date", m)
    for m in TIMESCALE[lang].finditer(prose):
        note("timescale", m)
    for s in SOURCES.values():
        for name in getattr(s.names, lang):
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", everything):
                found.setdefault("name", []).append(name)
    return found


def cited(html: str) -> list[str]:
    """The ids of the sources a page's Sources list cites."""
    _, section = split_at_sources(Tree(html))
    return [n["attrs"]["data-source"] for b in section for n in walk(b) if n["attrs"].get("data-source")]


def source_problems(html: str, lang: str) -> list[str]:
    found, ids = facts_stated(html, lang), cited(html)
    if found and not ids:
        kinds = "; ".join(f"{kind}: {hits[0]!r}" for kind, hits in found.items())
        return [f"states a fact ({kinds}) and has no Sources list"]
    return [f"names {name!r} but cites no source about it (add one whose `names` has it)"
            for name in sorted(set(found.get("name", [])))
            if not any(name in getattr(SOURCES[i].names, lang) for i in ids if i in SOURCES)]


def test_the_sources_rule_can_fail():
    page = '<article class="md-content__inner"><h1>T</h1><p>{}</p>{}</article>'
    listed = ('<h2 id="sources">Sources</h2><ul data-component="sources">'
              '<li data-source="staffordshire">Guidance notes</li></ul>')
    assert source_problems(page.format("The summary goes out within five working days.", ""), "en")
    assert source_problems(page.format("Share the report 2 days before.", ""), "en")
    assert source_problems(page.format("It was in October.", ""), "en")
    assert source_problems(page.format("Staffordshire took the table away.", ""), "en")
    assert source_problems(page.format("Essex puts it first.", listed), "en") == [
        "names 'Essex' but cites no source about it (add one whose `names` has it)"]
    assert not source_problems(page.format("Staffordshire shares reports 2 days before.", listed), "en")
    assert not source_problems(page.format("Talk with the family, not at them.", ""), "en")
    assert source_problems(page.format("Mae'r cynllun yn para chwe mis.", ""), "cy")
    assert source_problems(page.format("Aeth Swydd Stafford â'r bwrdd oddi yno.", ""), "cy")
    # A tool's or a fictional family's figures (in a component) need no source; a name in one does.
    assert not source_problems(page.format('<span data-component="scenario-fact">Siân 7</span>', ""), "en")
    assert source_problems(page.format('<span data-component="glossary">Gwynedd uses it</span>', ""), "en")


def test_every_page_that_states_a_fact_says_where_from(site):
    problems = [f"{path.relative_to(site)}: {p}" for lang, path in guidance_pages(site)
                for p in source_problems(path.read_text(encoding="utf-8"), lang)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_every_source_can_be_followed(site, lang):
    """Each cited source names its source note or links its page, in the reader's language if it can."""
    seen = set()
    for _lang, path in (p for p in guidance_pages(site) if p[0] == lang):
        _, section = split_at_sources(tree(path))
        for li in (n for b in section for n in walk(b) if n["attrs"].get("data-source")):
            s = SOURCES[li["attrs"]["data-source"]]
            seen.add(s.id)
            hrefs = [n["attrs"].get("href", "") for n in walk(li) if n["tag"] == "a"]
            codes = [text(n) for n in walk(li) if n["tag"] == "code"]
            assert (s.file and s.file in codes) or hrefs, f"{path}: {s.id} says nowhere to find it"
            if s.url:
                want = getattr(s.url, lang) or s.url.en or s.url.cy
                assert want in hrefs, f"{path}: {s.id} links {want}"
    assert seen == set(SOURCES), f"sources no page cites: {sorted(set(SOURCES) - seen)}"
