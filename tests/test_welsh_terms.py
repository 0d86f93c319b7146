"""One Welsh term per concept: the terminology table in macros/content/glossary.yml, enforced.

Every glossary term (and every `usage` entry) may list Welsh variants to `avoid`. These tests fail
when an avoided variant appears in a built Welsh page (the whole page under site/cy/, frame and
404 included) or in a Welsh string of the data files (strings.yml, glossary, scenarios, the
checker's wording.json), naming the page or string, the sentence and the preferred term. A
variant that is right in context is listed under the term's `allow`, with its reason.

How a variant is matched (first letter capital or mutated, the rest as written) is documented at
`macros.glossary.variant_pattern`.

Check the built site without pytest::

    .venv/bin/python tests/test_welsh_terms.py site/
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from welsh_text import built_pages, source_strings  # noqa: E402

from macros import glossary  # noqa: E402
from macros.glossary import Rule, variant_pattern  # noqa: E402


def _plain(text: str) -> str:
    """Sentence text without Markdown emphasis and with single spaces, to compare with `allow`."""
    return " ".join(text.replace("*", "").replace("`", "").split())


def _allowed(rule: Rule, sentence: str) -> bool:
    plain = _plain(sentence)
    return any(_plain(a.text) in plain for a in rule.allow)


def _key(variant: str) -> str:
    """A piece of the variant that mutation never changes, for a quick test before the pattern."""
    words = variant.lower().replace("\u2019", "'").split()
    return words[-1].split("'")[-1] if len(words) > 1 else words[0][2:]


def scan(texts: dict[str, list[str]], rules: list[Rule] | None = None):
    """{(rule id, variant, preferred, sentence): [places]} for every avoided variant found.

    `texts` maps a place (a page, or a data file and key) to its sentences or strings.
    """
    rules = glossary.terminology() if rules is None else rules
    found: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    patterns = [(rule, v, variant_pattern(v), _key(v)) for rule in rules for v in rule.avoid]
    for place, sentences in texts.items():
        for sentence in sentences:
            lower = sentence.lower()
            for rule, variant, pattern, key in patterns:
                if key in lower and pattern.search(sentence) and not _allowed(rule, sentence):
                    found[(rule.id, variant, rule.preferred, _plain(sentence))].append(place)
    return dict(found)


def report(found) -> str:
    lines = []
    for (rid, variant, preferred, sentence), places in sorted(found.items()):
        places = list(dict.fromkeys(places))
        where = ", ".join(places[:4]) + (f" and {len(places) - 4} more" if len(places) > 4 else "")
        lines.append(f'  "{variant}" -> use "{preferred}" (glossary: {rid})\n'
                     f"    in {where}\n    sentence: {sentence}")
    return "\n".join(lines)


HOW_TO_FIX = ("\nWrite the preferred term (mutated as the grammar needs), or, if the variant is right "
              "in context, add it to the term's `allow` in macros/content/glossary.yml with the reason.")


def source_texts() -> dict[str, list[str]]:
    return {where: [text] for where, text in source_strings()}


# --- pytest ------------------------------------------------------------------------------------

def test_built_welsh_pages_use_the_glossary_terms(site):
    found = scan(built_pages(site))
    assert not found, "Avoided Welsh variants on built pages:\n" + report(found) + HOW_TO_FIX


def test_welsh_strings_use_the_glossary_terms():
    found = scan(source_texts())
    assert not found, "Avoided Welsh variants in Welsh strings:\n" + report(found) + HOW_TO_FIX


def test_every_allow_is_still_needed(site):
    """An exception whose sentence no longer contains the variant is stale: remove it."""
    texts = [s for sentences in built_pages(site).values() for s in sentences]
    texts += [text for _, text in source_strings()]
    stale = []
    for rule in glossary.terminology():
        for allowed in rule.allow:
            if not any(_plain(allowed.text) in _plain(t) and any(variant_pattern(v).search(t) for v in rule.avoid)
                       for t in texts):
                stale.append(f"  {rule.id}: {allowed.text!r}")
    assert not stale, "Glossary `allow` entries that match nothing any more:\n" + "\n".join(stale)


def test_preferred_terms_are_not_avoided():
    """A variant that matched the term itself would fail every page that uses it."""
    clashes = [f"  {r.id}: {v!r} matches the preferred {r.preferred!r}"
               for r in glossary.terminology() for v in r.avoid if variant_pattern(v).search(r.preferred)]
    assert not clashes, "\n".join(clashes)


def test_every_glossary_term_is_in_the_table():
    """The review's table names these concepts; each keeps its avoided variants."""
    ids = {r.id for r in glossary.terminology()}
    for wanted in ("safety-scale", "steps-to-change", "icpc", "good-enough-care", "fictional",
                   "conveyor-belt-practice", "hypothesis", "short-cuts", "common-pitfalls", "plan-actions"):
        assert wanted in ids


def test_variant_matching():
    steps = variant_pattern("camau tuag at newid")
    assert steps.search("Mae camau tuag at newid yn gwneud")
    assert steps.search("agorwch gamau tuag at\nnewid un o'r astudiaethau")
    assert steps.search("Camau tuag at newid: cynnydd")
    assert not steps.search("Mae Camau tuag at Newid yn gwneud dau beth")
    scale = variant_pattern("graddfa diogelwch")
    assert scale.search("Nid yr un peth â'r raddfa diogelwch.") and scale.search("Graddfa diogelwch")
    assert not scale.search("y raddfa ddiogelwch")
    assert variant_pattern("ymarfer llinell gynhyrchu").search("o hymarfer llinell gynhyrchu")
    assert variant_pattern("ffitio gyda'i gilydd").search("yn ffitio gyda\u2019i gilydd.")
    assert not variant_pattern("ffuglennol").search("anffuglennol")


def test_scan_reports_page_sentence_and_preferred_term():
    rule = Rule(id="safety-scale", english="Safety scale", preferred="Graddfa ddiogelwch",
                avoid=["graddfa diogelwch"],
                allow=[glossary.Allowed(text="Roedd hi'n dweud graddfa diogelwch", reason="a quotation")])
    found = scan({"cy/practice/conference/": ["Mae pawb yn cael eu holi ar y raddfa diogelwch.",
                                              "Roedd hi'n dweud graddfa diogelwch bob tro."]}, [rule])
    assert list(found) == [("safety-scale", "graddfa diogelwch", "Graddfa ddiogelwch",
                            "Mae pawb yn cael eu holi ar y raddfa diogelwch.")]
    text = report(found)
    assert "cy/practice/conference/" in text and 'use "Graddfa ddiogelwch"' in text


# --- command line ------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if len(argv) != 2 or not (Path(argv[1]) / "cy").is_dir():
        print(f"usage: {argv[0]} SITE_DIR", file=sys.stderr)
        return 2
    pages, strings_found = scan(built_pages(Path(argv[1]))), scan(source_texts())
    print("Built pages:\n" + (report(pages) or "  none"))
    print("Welsh strings:\n" + (report(strings_found) or "  none"))
    return 1 if pages or strings_found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
