"""The Welsh that code composes (dates, counts, captions, messages), rendered and checked.

Every string the build or a script fills with a date or a count is composed here for every
scenario's dates and for counts from 1 to 40, in Python (macros/welsh.py through strings.t) and
in the scripts' module (common/welsh.js and fill.js, run in Node), and then:

- run through the mutation checker (tests/welsh_mutations.py), whose rules after ar, neu, o, i,
  am, dau/dwy and digits come from the same table;
- checked for what the checker cannot see: "dydd" lower-case mid-sentence, no "1 ... workbooks"
  in English, area names quoted in captions.

The rules are tested, not the families' texts: a new valid scenario passes.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import LANGS, ROOT  # noqa: E402
from welsh_mutations import check  # noqa: E402

from macros import strings, welsh  # noqa: E402
from macros.loader import load_all  # noqa: E402
from macros.views import first_names, long_date, working_days_between  # noqa: E402

pytestmark = pytest.mark.unit

# Strings filled with dates: key -> the date placeholders (other placeholders get plain values).
DATED = {
    "walk.report_shared": ("date",), "walk.plan_runs": ("first", "review"), "doc.shared_on": ("date",),
    "walk.conference_when": ("date",), "walk.first_core_group": ("date",),
    "walk.review_conference": ("date",), "review.meetings": ("first", "review"), "doc.inv_when": ("date",),
}
# Strings filled with counts: key -> {placeholder: counted noun}. The same in Python and in JS.
COUNTED = {
    "walk.report_shared": {"days": "working_day"}, "walk.plan_runs": {"months": "month"},
    "gallery.count": {"rewrites": "rewrite", "cases": "case_study"}, "gallery.showing": {"rewrites": "rewrite"},
    "study.minutes": {"minutes": "minute"}, "study.progress": {"steps": "step"},
    "home.study_progress": {"steps": "step"}, "home.study_all_done": {"steps": "step"},
    "privacy.count": {"items": "saved_item"}, "privacy.deleted": {"items": "saved_item"},
    "workbook.confirm_delete_all": {"workbooks": "workbook"}, "workbook.chart_desc": {"ratings": "rating"},
    "search.count": {"results": "result"}, "study.total": {"hours": "hour"},
}
PLAIN = {"agency": "Gwasanaeth", "names": "Rhian ac Aled", "time": "10:00", "place": "Ystafell 2",
         "shown": 3, "done": 2, "first": "2 Meh 2026", "last": "1 Gorff 2026", "f": 5, "p": 3}
NUMBERS = range(1, 41)


def plain_values(key: str, lang: str) -> dict:
    return {k: v for k, v in PLAIN.items() if k not in DATED.get(key, ())}


def dated_sentences() -> list[tuple[str, str, str]]:
    """(where, lang, text) for every dated string with every scenario's dates."""
    out = []
    for sid, s in load_all().items():
        c = s.conference
        dates = [c.date, c.report.shared, c.first_core_group, c.review]
        for key, slots in DATED.items():
            for lang in LANGS:
                for d in dates:
                    values = plain_values(key, lang) | {slot: long_date(d, lang) for slot in slots}
                    values |= {"days": welsh.count(working_days_between(c.report.shared, c.date), "working_day", lang),
                               "months": welsh.count(c.plan_months, "month", lang),
                               "names": first_names(s, c.report.shared_with, lang)}
                    out.append((f"{sid} {key} {d}", lang, strings.t(key, lang, **values)))
    return out


def counted_sentences() -> list[tuple[str, str, str]]:
    out = []
    for key, slots in COUNTED.items():
        for lang in LANGS:
            for n in NUMBERS:
                values = plain_values(key, lang) | {slot: welsh.count(n, noun, lang) for slot, noun in slots.items()}
                if key in DATED:
                    values |= {slot: welsh.date(load_all()[next(iter(load_all()))].conference.date, lang)
                               for slot in DATED[key]}
                out.append((f"{key} n={n}", lang, strings.plural(key, n, lang, **values)))
    return out


def js_sentences() -> list[tuple[str, str, str]]:
    """The same counted strings composed by the scripts' own code (welsh.js + fill.js in Node)."""
    node = shutil.which("node")
    if not node:
        pytest.skip("Node is needed to run the scripts' Welsh module")
    common = (ROOT / "macros" / "components" / "common").as_uri()
    jobs = [{"key": key, "lang": lang, "n": n, "text": strings.load()[key][lang],
             "one": strings.load().get(f"{key}_one", {}).get(lang), "slots": slots,
             "plain": plain_values(key, lang)}
            for key, slots in COUNTED.items() if key not in DATED for lang in LANGS for n in NUMBERS]
    script = f"""
import {{ count, plural }} from "{common}/welsh.js";
import {{ fill }} from "{common}/fill.js";
const jobs = JSON.parse(await new Promise((ok) => {{ let s = ""; process.stdin.on("data", (d) => s += d); process.stdin.on("end", () => ok(s)); }}));
const out = jobs.map((j) => {{
  const values = {{ ...j.plain }};
  for (const [slot, noun] of Object.entries(j.slots)) values[slot] = count(j.n, noun, j.lang);
  const text = j.n === 1 && j.one ? j.one : j.text;
  return [`js ${{j.key}} n=${{j.n}}`, j.lang, fill(text, values, j.lang)];
}});
console.log(JSON.stringify(out));
"""
    result = subprocess.run([node, "--input-type=module", "-e", script], input=json.dumps(jobs),
                            capture_output=True, text=True, check=True)
    return [tuple(x) for x in json.loads(result.stdout)]


def problems(sentences) -> list[str]:
    found = []
    for where, lang, text in sentences:
        if lang == "cy":
            found += [f"{where}: {hit} in: {text}" for hit in check(text)]
            # "dydd" is lower-case except at the start of a sentence.
            for m in re.finditer(r"\bDdydd\b|\bDydd\b", text):
                if m.start() and not re.search(r"[.!?]\s*$", text[:m.start()]):
                    found.append(f"{where}: capital Dydd mid-sentence in: {text}")
            if re.search(r"\bar [Dd]ydd\b", text):
                found.append(f"{where}: ar dydd in: {text}")
        else:
            if re.search(r"(?<![\d.,])1 (workbooks|results|steps|ratings|rewrites|saved items|case studies|minutes|months|working days)\b", text):
                found.append(f"{where}: a plural after 1 in: {text}")
    return found


def test_composed_dates_follow_the_rules():
    sentences = dated_sentences()
    assert any("ar ddydd" in text for _, lang, text in sentences if lang == "cy")
    assert problems(sentences) == []


def test_composed_counts_follow_the_rules():
    sentences = counted_sentences()
    assert problems(sentences) == []
    cy = {text for where, lang, text in sentences if lang == "cy"}
    assert any("2 ddiwrnod gwaith" in t for t in cy) and any("2 lyfr gwaith" in t for t in cy)


def test_counts_the_scripts_compose_follow_the_rules():
    sentences = js_sentences()
    assert problems(sentences) == []
    # The scripts say exactly what the build would.
    python = {(where, lang): text for where, lang, text in counted_sentences()}
    for where, lang, text in sentences:
        assert python[(where[3:], lang)] == text, where


def test_captions_quote_the_area_name():
    for s in load_all().values():
        for area in s.areas_of_change:
            for lang in LANGS:
                for key in ("review.table_caption", "review.chart_title"):
                    text = strings.t(key, lang, name=area.name[lang])
                    assert welsh.quote(area.name[lang]) in text, text
                    if lang == "cy":
                        assert check(text) == [], text


def test_form_and_offline_messages_follow_the_rules():
    keys = [k for k in strings.load() if k.startswith(("form.", "offline.page_"))]
    assert {"form.date_missing", "form.family_missing", "offline.page_none_lang"} <= set(keys)
    assert problems([(k, "cy", strings.t(k, "cy")) for k in keys]) == []


CHECKER = [
    # unmutated -> flagged; mutated -> clean (after ar, neu, o, i, am, dau/dwy and digits)
    ("ar dydd Iau", "ar ddydd Iau"), ("ar Dydd Iau", "ar ddydd Iau"), ("neu dywedwch hynny", "neu ddywedwch hynny"),
    ("o pryd i bryd", "o bryd i bryd"), ("i Cyngor Gwynedd", "i Gyngor Gwynedd"), ("am pump o'r gloch", "am bump o'r gloch"),
    ("dau diwrnod", "dau ddiwrnod"), ("dwy blynedd", "dwy flynedd"), ("2 diwrnod gwaith", "2 ddiwrnod gwaith"),
    ("3 canlyniad", "3 chanlyniad"), ("5 diwrnod", "5 niwrnod"), ("2 llyfr gwaith", "2 lyfr gwaith"),
    ("1 blwyddyn", "1 flwyddyn"), ("40 blynedd", "40 mlynedd"),
]


@pytest.mark.parametrize("wrong,right", CHECKER)
def test_the_checker_knows_the_rules_the_composer_follows(wrong, right):
    assert check(wrong), wrong
    assert check(right) == [], right


@pytest.mark.parametrize("key", sorted(welsh.rules()["nouns"]))
def test_every_count_the_module_writes_passes_the_checker(key):
    for n in range(1, 101):
        assert check(str(welsh.count(n, key, "cy"))) == [], (n, key)
