"""Unit tables for the Welsh text module (macros/welsh.py) and its rule table (welsh.yml).

Each table is what a Welsh editor expects; the module must give exactly that. The same cases run
through the scripts' copy (welsh.js) in tests/node/welsh.test.mjs, from the JSON fixture this file
checks is current.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import welsh  # noqa: E402

pytestmark = pytest.mark.unit

MUTATIONS = [
    # word, kind, expected
    ("plentyn", "soft", "blentyn"), ("tad", "soft", "dad"), ("cynllun", "soft", "gynllun"),
    ("brawd", "soft", "frawd"), ("dydd", "soft", "ddydd"), ("gofal", "soft", "ofal"),
    ("mam", "soft", "fam"), ("llyfr", "soft", "lyfr"), ("rhiant", "soft", "riant"),
    ("Dydd", "soft", "Ddydd"), ("Cyngor", "soft", "Gyngor"),
    ("plentyn", "nasal", "mhlentyn"), ("tad", "nasal", "nhad"), ("Caernarfon", "nasal", "Nghaernarfon"),
    ("blynedd", "nasal", "mlynedd"), ("diwrnod", "nasal", "niwrnod"), ("gwaith", "nasal", "ngwaith"),
    ("plant", "aspirate", "phlant"), ("tri", "aspirate", "thri"), ("cynllun", "aspirate", "chynllun"),
    ("effaith", "h", "heffaith"), ("ysgol", "h", "hysgol"),
    # Never mutated: digraph radicals, letters with no such mutation, vowels for soft.
    ("chwaer", "soft", "chwaer"), ("ffrind", "soft", "ffrind"), ("theatr", "soft", "theatr"),
    ("mam", "aspirate", "mam"), ("llyfr", "nasal", "llyfr"), ("sgôr", "soft", "sgôr"),
    ("nain", "h", "nain"), ("dydd", "none", "dydd"),
]


@pytest.mark.parametrize("word,kind,want", MUTATIONS)
def test_mutations(word, kind, want):
    assert welsh.mutate(word, kind) == want


AFTER = [
    # trigger, phrase, expected (the rules after ar, neu, o, i, am, dau/dwy, a, gyda, tri, fy, eu)
    ("ar", "dydd Iau 26 Mawrth 2026", "ddydd Iau 26 Mawrth 2026"),
    ("neu", "dywedwch hynny", "ddywedwch hynny"),
    ("o", "pryd i bryd", "bryd i bryd"),
    ("i", "Cyngor Gwynedd", "Gyngor Gwynedd"),
    ("am", "deg munud", "ddeg munud"),
    ("dau", "diwrnod", "ddiwrnod"), ("dwy", "blynedd", "flynedd"),
    ("a", "plant", "phlant"), ("gyda", "teuluoedd", "theuluoedd"), ("tri", "cham", "cham"),
    ("tri", "canlyniad", "chanlyniad"), ("fy", "plant", "mhlant"), ("eu", "effaith", "heffaith"),
    # Names keep their form; words that never mutate; a word that is no trigger.
    ("i", "Cai", "Cai"), ("am", "byth", "byth"), ("i", "mewn", "mewn"), ("neu", "pan fydd", "pan fydd"),
    ("yr", "dydd", "dydd"),
]


@pytest.mark.parametrize("trigger,phrase,want", AFTER)
def test_after(trigger, phrase, want):
    assert welsh.after(trigger, phrase) == want


COUNTS = [
    # n, noun, Welsh, English
    (1, "working_day", "1 diwrnod gwaith", "1 working day"),
    (2, "working_day", "2 ddiwrnod gwaith", "2 working days"),
    (3, "working_day", "3 diwrnod gwaith", "3 working days"),
    (5, "working_day", "5 niwrnod gwaith", "5 working days"),
    (10, "working_day", "10 niwrnod gwaith", "10 working days"),
    (14, "working_day", "14 diwrnod gwaith", "14 working days"),
    (1, "year", "1 flwyddyn", "1 year"), (2, "year", "2 flynedd", "2 years"),
    (3, "year", "3 blynedd", "3 years"), (5, "year", "5 mlynedd", "5 years"),
    (6, "year", "6 blynedd", "6 years"), (40, "year", "40 mlynedd", "40 years"),
    (1, "workbook", "1 llyfr gwaith", "1 workbook"), (2, "workbook", "2 lyfr gwaith", "2 workbooks"),
    (3, "workbook", "3 llyfr gwaith", "3 workbooks"),
    (1, "result", "1 canlyniad", "1 result"), (2, "result", "2 ganlyniad", "2 results"),
    (3, "result", "3 chanlyniad", "3 results"), (6, "result", "6 chanlyniad", "6 results"),
    (36, "result", "36 canlyniad", "36 results"),
    (2, "step", "2 gam", "2 steps"), (15, "step", "15 cam", "15 steps"),
    (1, "line", "1 llinell", "1 line"), (2, "line", "2 linell", "2 lines"),
    (2, "rating", "2 sgôr", "2 ratings"), (2, "saved_item", "2 eitem", "2 saved items"),
    (2, "month", "2 fis", "2 months"), (6, "month", "6 mis", "6 months"),
    (1, "case_study", "1 astudiaeth achos", "1 case study"), (3, "case_study", "3 astudiaeth achos", "3 case studies"),
    (2, "minute", "2 funud", "2 minutes"), (2, "hour", "2 awr", "2 hours"),
]


@pytest.mark.parametrize("n,key,cy,en", COUNTS)
def test_counts(n, key, cy, en):
    assert welsh.count(n, key, "cy") == cy
    assert welsh.count(n, key, "en") == en


IN_WORDS = [
    # n, noun, expected: feminine, nasal after time numerals, vigesimal (noun after the first element)
    (1, "year", "un flwyddyn"), (2, "year", "dwy flynedd"), (3, "year", "tair blynedd"),
    (4, "year", "pedair blynedd"), (5, "year", "pum mlynedd"), (6, "year", "chwe blynedd"),
    (10, "year", "deng mlynedd"), (11, "year", "un flynedd ar ddeg"), (12, "year", "deuddeng mlynedd"),
    (15, "year", "pymtheng mlynedd"), (18, "year", "deunaw mlynedd"), (20, "year", "ugain mlynedd"),
    (21, "year", "un flynedd ar hugain"), (22, "year", "dwy flynedd ar hugain"), (40, "year", "deugain mlynedd"),
    (2, "day", "dau ddiwrnod"), (3, "day", "tri diwrnod"), (5, "day", "pum niwrnod"),
    (11, "day", "un diwrnod ar ddeg"), (16, "day", "un diwrnod ar bymtheg"),
    (3, "result", "tri chanlyniad"), (6, "result", "chwe chanlyniad"), (2, "line", "dwy linell"),
    (1, "line", "un llinell"), (3, "line", "tair llinell"),
]


@pytest.mark.parametrize("n,key,want", IN_WORDS)
def test_in_words(n, key, want):
    assert welsh.in_words(n, key) == want


NUMBER_WORDS = [
    (1, "m", "un"), (2, "m", "dau"), (2, "f", "dwy"), (3, "f", "tair"), (4, "f", "pedair"), (5, "m", "pump"),
    (6, "m", "chwech"), (11, "m", "un ar ddeg"), (12, "m", "deuddeg"), (15, "m", "pymtheg"),
    (16, "m", "un ar bymtheg"), (17, "f", "dwy ar bymtheg"), (18, "m", "deunaw"), (19, "m", "pedwar ar bymtheg"),
    (20, "m", "ugain"), (21, "m", "un ar hugain"), (30, "m", "deg ar hugain"), (31, "m", "un ar ddeg ar hugain"),
    (35, "m", "pymtheg ar hugain"), (40, "m", "deugain"),
]


@pytest.mark.parametrize("n,gender,want", NUMBER_WORDS)
def test_number_words(n, gender, want):
    assert welsh.number_words(n, gender) == want


def test_dates():
    d = dt.date(2026, 3, 26)
    assert welsh.date(d, "cy") == "dydd Iau 26 Mawrth 2026"
    assert welsh.date(d, "en") == "Thursday 26 March 2026"
    assert welsh.short_date(dt.date(2026, 2, 1), "cy") == "1 Chwef 2026"
    # Every weekday, lower-case "dydd", the right day.
    assert [welsh.date(dt.date(2026, 3, 23) + dt.timedelta(i), "cy").split()[1] for i in range(7)] == \
        ["Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"]


FILL = [
    # Welsh string, values, expected
    ("Cafodd ei rannu ar {date}, {days} cyn y gynhadledd.", "cy",
     "Cafodd ei rannu ar ddydd Iau 26 Mawrth 2026, 2 ddiwrnod gwaith cyn y gynhadledd."),
    ("{date} am {time}", "cy", "Dydd Iau 26 Mawrth 2026 am 10:00"),
    ("Y grŵp craidd cyntaf, {date}", "cy", "Y grŵp craidd cyntaf, dydd Iau 26 Mawrth 2026"),
    ("Cynhadledd gychwynnol: {date}; wedyn. {date}", "cy",
     "Cynhadledd gychwynnol: dydd Iau 26 Mawrth 2026; wedyn. Dydd Iau 26 Mawrth 2026"),
    ("neu {date}", "cy", "neu ddydd Iau 26 Mawrth 2026"),
    ("Shared on {date}, {days} before.", "en", "Shared on Thursday 26 March 2026, 2 working days before."),
]


@pytest.mark.parametrize("text,lang,want", FILL)
def test_fill_mutates_and_capitalises_phrases(text, lang, want):
    d = dt.date(2026, 3, 26)
    values = {"date": welsh.date(d, lang), "days": welsh.count(2, "working_day", lang), "time": "10:00"}
    assert welsh.fill(text, lang, values) == want


def test_fill_never_changes_plain_values():
    # Names, titles and what a reader typed go in exactly as given, braces included.
    assert welsh.fill("i {name} ar {x}", "cy", {"name": "Cai", "x": "dydd {date}"}) == "i Cai ar dydd {date}"
    assert welsh.fill("ar {x}", "cy", {}) == "ar {x}"


def test_quote():
    assert welsh.quote("Mae Twm yn cael bwyd") == "“Mae Twm yn cael bwyd”"
    assert welsh.quote("“Mae Twm”") == "“Mae Twm”"


def test_every_counted_noun_has_both_languages_and_a_gender():
    for key, entry in welsh.rules()["nouns"].items():
        assert len(entry["en"]) == 2 and all(entry["en"]), key
        assert entry["cy"] and entry["gender"] in ("m", "f"), key


# --- the scripts' copy -------------------------------------------------------------------------

JS_RULES = ROOT / "macros" / "components" / "common" / "welsh-rules.js"
CASES = ROOT / "tests" / "node" / "fixtures" / "welsh-cases.json"


def cases() -> dict:
    return {"mutations": MUTATIONS, "after": AFTER, "counts": COUNTS,
            "fill": [[text, lang, want] for text, lang, want in FILL]}


def test_the_scripts_rule_table_is_the_yaml():
    # The build writes it fresh into the site; the copy beside welsh.js is for Node's tests.
    assert JS_RULES.read_text(encoding="utf-8") == welsh.js_module(), \
        "welsh-rules.js is stale: run .venv/bin/python -c 'from macros import welsh; " \
        "open(\"macros/components/common/welsh-rules.js\", \"w\").write(welsh.js_module())'"


def test_the_node_cases_are_these_tables():
    # tests/node/welsh.test.mjs runs the same cases through welsh.js and fill.js.
    assert json.loads(CASES.read_text(encoding="utf-8")) == json.loads(json.dumps(cases())), \
        "tests/node/fixtures/welsh-cases.json is stale: python tests/test_welsh_module.py writes it"


if __name__ == "__main__":
    CASES.write_text(json.dumps(cases(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
