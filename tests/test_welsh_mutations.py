"""Mutation checks over all built Welsh text and every Welsh string.

The rules, what they check and what they leave out on purpose, are in tests/welsh_mutations.py.
Each hit is reported with its page (or data file and key), the two words, the expected form and
the sentence. The suite fails on any hit that is not a reviewed exception in
tests/welsh-mutation-exceptions.yml.

Check the built site without pytest::

    .venv/bin/python tests/test_welsh_mutations.py site/
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from welsh_mutations import check  # noqa: E402
from welsh_text import built_pages, sentences, source_strings  # noqa: E402

EXCEPTIONS = Path(__file__).resolve().parent / "welsh-mutation-exceptions.yml"


def _plain(text: str) -> str:
    return " ".join(text.replace("*", "").replace("`", "").replace("\u2019", "'").split())


def load_exceptions(path: Path = EXCEPTIONS) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for e in entries:
        assert set(e) == {"rule", "text", "reason"} and all(str(e[k]).strip() for k in e), \
            f"{path.name}: each exception needs rule, text and reason: {e}"
    return entries


def excepted(hit, sentence: str, exceptions: list[dict]) -> dict | None:
    plain = _plain(sentence)
    for e in exceptions:
        text = _plain(e["text"])
        if e["rule"] == hit.rule and text in plain and _plain(hit.words) in text:
            return e
    return None


def scan(texts: dict[str, list[str]], exceptions: list[dict] | None = None):
    """({(hit, sentence): [places]} not excepted, [exceptions that were used])."""
    exceptions = load_exceptions() if exceptions is None else exceptions
    found, used = defaultdict(list), []
    for place, sents in texts.items():
        for sentence in sents:
            for hit in check(sentence):
                e = excepted(hit, sentence, exceptions)
                if e is None:
                    found[(hit, " ".join(sentence.split()))].append(place)
                else:
                    used.append(e)
    return dict(found), used


def report(found) -> str:
    lines = []
    for (hit, sentence), places in sorted(found.items(), key=lambda kv: (kv[1][0], str(kv[0][0]))):
        places = list(dict.fromkeys(places))
        where = ", ".join(places[:4]) + (f" and {len(places) - 4} more" if len(places) > 4 else "")
        lines.append(f"  {where}: {hit}\n    sentence: {sentence}")
    return "\n".join(lines)


HOW_TO_FIX = ("\nMutate the word, or, if the unmutated form is right (a quotation, a name), add a "
              "reviewed entry with its reason to tests/welsh-mutation-exceptions.yml.")


def source_texts() -> dict[str, list[str]]:
    return {where: sentences(text) for where, text in source_strings()}


# --- pytest ------------------------------------------------------------------------------------

def test_built_welsh_pages_follow_the_mutation_rules(site):
    found, _ = scan(built_pages(site))
    assert not found, "Missing mutations on built Welsh pages:\n" + report(found) + HOW_TO_FIX


def test_welsh_strings_follow_the_mutation_rules():
    found, _ = scan(source_texts())
    assert not found, "Missing mutations in Welsh strings:\n" + report(found) + HOW_TO_FIX


def test_every_exception_is_still_needed(site):
    exceptions = load_exceptions()
    _, used_pages = scan(built_pages(site), exceptions)
    _, used_strings = scan(source_texts(), exceptions)
    used = {id(e) for e in used_pages + used_strings}
    stale = [f"  {e['rule']}: {e['text']!r}" for e in exceptions if id(e) not in used]
    assert not stale, "Exceptions in tests/welsh-mutation-exceptions.yml that match nothing any more:\n" + "\n".join(stale)


def rules_hit(sentence: str) -> list[str]:
    return [f"{h.rule}:{h.words}" for h in check(sentence)]


def test_rules_catch_the_reviewed_errors():
    # The errors the December 2026 review found, one per rule.
    assert rules_hit("Rhaid i Cyngor Gwynedd ddilyn Safonau'r Gymraeg") == ["soft-prep:i Cyngor"]
    assert rules_hit("Pryd neu pa mor aml") == ["soft-neu:neu pa"]
    assert rules_hit("Gludwch neu teipiwch eitemau") == ["soft-neu:neu teipiwch"]
    assert rules_hit("Ewch i'r hafan neu defnyddiwch y chwilio.") == ["soft-neu:neu defnyddiwch"]
    assert rules_hit("neu bydd hyn yn mynd yn ôl i gynhadledd") == ["soft-neu:neu bydd"]
    assert rules_hit("gyda'i gilydd am un mlynedd ar ddeg") == ["numeral-blynedd:un mlynedd"]
    assert rules_hit("Dair blynedd yn ôl, am bum mlynedd, dwy flynedd") == []
    assert rules_hit("am pum blynedd") == ["soft-prep:am pum", "numeral-blynedd:pum blynedd"]
    assert rules_hit("Siaradwch gyda teuluoedd a pobl") == ["aspirate:gyda teuluoedd", "aspirate:a pobl"]
    assert rules_hit("tua tri mis, ei cot") == ["aspirate:tua tri", "aspirate:ei cot"]
    assert rules_hit("eu effaith ar y plentyn") == ["h-before-vowel:eu effaith"]
    assert rules_hit("fy plentyn") == ["nasal-fy:fy plentyn"]
    assert rules_hit("Mae'n byw yn Caernarfon") == ["nasal-yn-place:yn Caernarfon"]
    assert rules_hit("dan pwysau heb dweud wrth neb") == ["soft-prep:dan pwysau", "soft-prep:heb dweud"]


def test_rules_leave_right_forms_alone():
    right = [
        "Pryd neu ba mor aml? Golygu neu dynnu. Gludwch neu deipiwch.",
        "a phwy, ei tharo, a the, ei chot, tua thri, gyda theuluoedd, â phawb",
        "yn Nolgellau, ym Mhen-y-groes, i Ddolgellau, ym Mhorthmadog, yng Nghymru, i Gyngor Gwynedd",
        # b, d, g may be soft forms of p, t, c: ar bob, i dad, o gwmpas, neu ddim.
        "ar bob tudalen, i dad y plant, o gwmpas y tŷ, neu ddim o gwbl, am ddim",
        # Names keep their form by the site's convention.
        "i Cai, am Twm, â Mali, i Dan, neu Dylan, a Catrin",
        # Words that never mutate after these: i mewn, am byth, neu mae, neu pan, i mi.
        "dod i mewn, am byth, neu mae'n, neu pan fydd, i mi weld",
        # "i" and "o" as pronouns.
        "mae gen i pryder, ydy o pwy, dywedais i popeth",
        # A quoted word keeps its form.
        'ymadroddion fel "rhieni i ymgysylltu" neu "parhau i weithio"',
        # Masculine/feminine "ei" and relative "a" are not decidable for b, d, g.
        "ei gwaith hi, ei gwaith ef, y meysydd a gytunwyd, y pethau a ddywedodd",
    ]
    for sentence in right:
        assert rules_hit(sentence) == [], sentence


def test_report_names_page_sentence_and_fix():
    found, _ = scan({"cy/plans/rewrites/": ["Pryd neu pa mor aml"]}, exceptions=[])
    text = report(found)
    assert "cy/plans/rewrites/" in text and '"neu pa"' in text and "p- becomes b" in text
    assert "sentence: Pryd neu pa mor aml" in text


def test_exception_needs_the_flagged_words():
    e = [{"rule": "soft-prep", "text": "chwilio am cynllun yn dod", "reason": "quoted"}]
    assert scan({"p": ["efallai na fydd chwilio am cynllun yn dod o hyd"]}, e)[0] == {}
    assert scan({"p": ["chwilio am cynllun yn dod, ac i pawb"]}, e)[0]  # "i pawb" is not excepted


# --- command line ------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if len(argv) != 2 or not (Path(argv[1]) / "cy").is_dir():
        print(f"usage: {argv[0]} SITE_DIR", file=sys.stderr)
        return 2
    pages, _ = scan(built_pages(Path(argv[1])))
    strings_found, _ = scan(source_texts())
    print("Built pages:\n" + (report(pages) or "  none"))
    print("Welsh strings:\n" + (report(strings_found) or "  none"))
    return 1 if pages or strings_found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
