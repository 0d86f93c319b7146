"""Welsh mutation rules: a small set that can be decided from the text alone.

Welsh changes the first letter of a word after certain words (mutation). This module checks the
cases where a missing mutation can be told from two neighbouring words, without a dictionary:

    rule id          after                              a next word that begins with   should be
    soft-neu         neu                                p t c ll rh m (and KNOWN_RADICAL) b d g f l r ...
    soft-prep        i am ar at o dan heb gan wrth      the same                       b d g f l r ...
                     dros drwy hyd
    aspirate         a â gyda tua na ei tri chwe        c p t                          ch ph th
    h-before-vowel   eu ein                             a vowel                        h + vowel
    nasal-fy         fy                                 p t c b d g                    mh nh ngh m n ng
    nasal-yn-place   yn                                 a place name in p t c b d g    ym Mh.. yn Nh.. yng Ngh..
    numeral-blynedd  un dwy tair pedair chwe / pum      blynedd / flynedd ...          un flynedd, tair blynedd,
                     saith wyth naw deng ...                                           pum mlynedd
    soft-numeral     dau dwy                            the same as soft-prep          dau ddiwrnod, dwy flynedd
    numeral-noun     digits                             a counted noun (welsh.yml)      2 ddiwrnod, 3 chanlyniad,
                                                                                       5 niwrnod, 1 flwyddyn

The triggers, the names that mutate, the words that never do, the mutations themselves and the
counted nouns all come from the site's one rule table, welsh.yml (macros/welsh.py), which the
build also uses to compose Welsh: the checker and the composer cannot disagree.
Weekdays are not names: "ar Dydd Iau" is a missing mutation ("ar ddydd Iau").

What is left out, and why (a false alarm is a defect in a rule):
- b, d, g after a soft-mutation trigger: they may be the soft form of p, t, c ("ar bob", "i dad",
  "o gwmpas" are right). Only the words in KNOWN_RADICAL, which are never a soft form, are checked.
- m is checked (no soft mutation makes an m), f, l, r are the soft forms themselves.
- After "ei" (his/her) and "i'w": masculine takes soft, feminine takes aspirate and h-, and the text
  does not say which. Only c, p, t after "ei" are checked: they are wrong for both.
- "a" as a relative pronoun takes soft mutation, as a conjunction aspirate: c, p, t after it are
  wrong for both, so they are checked; b, d, g are not.
- Capitalised words are names and, by the site's convention, are not mutated ("i Cai", "â Mali").
  Place names and institutions do mutate: those in MUTATING_NAMES are checked.
- "i" and "o" are also pronouns ("gen i", "mae o"): after a verb form (PRONOUN_BEFORE, or an ending
  such as -ais, -odd) the next word is not checked.
- Words that never mutate after these triggers are in NEVER_MUTATED ("i mewn", "am byth", "neu
  mae", "neu pan").

Exceptions reviewed by hand live in tests/welsh-mutation-exceptions.yml, each with its reason.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import welsh  # noqa: E402

_R = welsh.rules()
SOFT_RADICALS = tuple(r for r, forms in _R["mutations"].items() if "soft" in forms and r not in ("b", "d", "g"))
ASPIRATE_RADICALS = tuple(r for r, forms in _R["mutations"].items() if "aspirate" in forms)
NASAL_RADICALS = tuple(r for r, forms in _R["mutations"].items() if "nasal" in forms)
DIGRAPHS = tuple(_R["not_radical_starts"])
VOWELS = _R["vowels"]

# Words beginning with b, d or g that are never the soft form of another word, so after a soft
# mutation trigger they are plainly unmutated ("neu bod" for "neu fod", "i dweud" for "i ddweud").
KNOWN_RADICAL = frozenset("""
    bod bydd byddai byddan byddwn byddwch bwyta bywyd byw
    dweud dod dim defnyddio defnyddiwch dechrau deall disgwyl darllen dysgu digwydd dydd diwrnod
    dywedwch
    gwneud gweld gallu gofyn gwybod gadael gweithio gwrando gofalu gwirio gwisgo
""".split())

NEVER_MUTATED = frozenset(_R["never_mutated"])
MUTATING_NAMES = frozenset(_R["mutating_names"])
# Capitalised words that are not names: weekdays ("ar Dydd Iau" misses its mutation).
NOT_NAMES = frozenset(w.split()[0].capitalize() for w in _R["weekdays"]["cy"])

# After these, "i" and "o" are pronouns ("mae gen i", "ydy o"), not prepositions.
PRONOUN_BEFORE = frozenset("""
    gen ges cefais rydw dw ydw oeddwn roeddwn byddaf fyddaf wyf hoffwn gallwn allwn dylwn ddylwn
    baswn faswn fues bues es wnes gwnes i fi mi a
    mae ydy ydi oedd roedd fydd bydd wnaeth gwnaeth dydy nad ganddo iddo ato ohono amdano arno efo
""".split())
PRONOUN_ENDINGS = ("ais", "odd", "iodd", "ith", "ai", "wn", "af", "es")


@dataclass(frozen=True)
class Rule:
    id: str
    triggers: frozenset[str]
    wants: str  # soft, aspirate, h, nasal, numeral
    description: str


_SOFT = frozenset(_R["triggers"]["soft"])
RULES = (
    Rule("soft-neu", frozenset({"neu"}) & _SOFT, "soft", "soft mutation after neu (Pryd neu ba mor aml)"),
    Rule("soft-prep", _SOFT - {"neu", "dau", "dwy"}, "soft",
         "soft mutation after a preposition (i Gyngor Gwynedd, heb ddim, ar ddydd Iau)"),
    Rule("aspirate", frozenset(_R["triggers"]["aspirate"]) | {"ei"}, "aspirate",
         "aspirate mutation after a, â, gyda, tua, na, ei, tri, chwe (a phwy, tua thri)"),
    Rule("h-before-vowel", frozenset(_R["h_before_vowel"]), "h", "h- before a vowel after eu, ein (eu heffaith)"),
    Rule("nasal-fy", frozenset(_R["triggers"]["nasal"]), "nasal", "nasal mutation after fy (fy mhlentyn)"),
    Rule("nasal-yn-place", frozenset({"yn"}), "nasal", "nasal mutation of a place name after yn (yng Nghaernarfon)"),
    Rule("numeral-blynedd", frozenset(), "numeral",
         "blynedd after a numeral: un flynedd, dwy flynedd, tair blynedd, pum mlynedd"),
    Rule("soft-numeral", _SOFT & {"dau", "dwy"}, "soft", "soft mutation after dau, dwy (dau ddiwrnod)"),
    Rule("numeral-noun", frozenset(), "numeral", "a counted noun after digits (2 ddiwrnod, 3 chanlyniad)"),
)

WORD = r"[^\W\d_][\w'\u2019-]*"

# blynedd/blwydd after a numeral: the form each numeral takes.
YEAR_FORMS = {"un": "f", "dwy": "f", "tair": "b", "pedair": "b", "chwe": "b", "pum": "m", "saith": "m",
              "wyth": "m", "naw": "m", "deng": "m", "deuddeng": "m", "pymtheng": "m", "ugain": "m", "can": "m"}
YEAR = re.compile(r"(?<![\w'\u2019-])(un|dwy|tair|pedair|chwe|pum|saith|wyth|naw|deng|deuddeng|pymtheng|ugain|can)"
                  r"\s+(blynedd|flynedd|mlynedd|blwydd|flwydd|mlwydd)\b", re.I)


def _noun_forms() -> dict[str, str]:
    """Every form of the first word of each counted noun (welsh.yml) -> the noun's key."""
    out = {}
    for key, entry in _R["nouns"].items():
        for base in {entry["cy"].split()[0], entry.get("counted", entry["cy"]).split()[0]}:
            for kind in ("none", "soft", "nasal", "aspirate"):
                out.setdefault(welsh.mutate(base, kind).lower(), key)
    return out


NOUN_FORMS = _noun_forms()
# Digits then a word: "2 ddiwrnod". Not inside a bigger number, a date or a time (26/3, 10:00, 1.5).
COUNT = re.compile(r"(?<![\w.,/:-])(\d{1,4})\s+([^\W\d_][\w'\u2019-]*)")


@dataclass(frozen=True)
class Hit:
    rule: str
    words: str  # the two words, as written
    fix: str  # what the rule expects, in words

    def __str__(self):
        return f"{self.rule}: \"{self.words}\" ({self.fix})"


def radical(word: str, choices: tuple[str, ...]) -> str | None:
    """The radical initial of `word` among `choices`, or None (digraphs ph, th, ch... are not p, t, c)."""
    lower = word.lower()
    for r in sorted(choices, key=len, reverse=True):
        if lower.startswith(r) and not (len(r) == 1 and lower.startswith(DIGRAPHS)):
            return r
    return None


def _pronoun(prev: str) -> bool:
    prev = prev.lower().replace("\u2019", "'")
    return prev in PRONOUN_BEFORE or (len(prev) > 3 and prev.endswith(PRONOUN_ENDINGS))


def _name(word: str) -> bool:
    return word[0].isupper() and word.split("'")[0] not in NOT_NAMES


def check_pair(prev: str, trigger: str, word: str, sentence_start: bool) -> Hit | None:
    """The hit for `trigger word` (with the word before the trigger), or None."""
    t = trigger.lower()
    if trigger[0].isupper() and not sentence_start:
        return None  # a capitalised trigger mid-sentence is part of a name
    plain = word.lower().replace("\u2019", "'").split("'")[0]
    if plain in NEVER_MUTATED:
        return None
    is_name = _name(word)
    if t in RULES[0].triggers or t in RULES[1].triggers or t in RULES[7].triggers:
        rule = "soft-neu" if t == "neu" else "soft-numeral" if t in RULES[7].triggers else "soft-prep"
        if t in ("i", "o") and _pronoun(prev):
            return None
        if is_name and word.split("'")[0] not in MUTATING_NAMES:
            return None
        r = radical(word, SOFT_RADICALS)
        if r is None and plain in KNOWN_RADICAL:
            r = plain[0]
        if r:
            to = _R["mutations"][r]["soft"]
            return Hit(rule, f"{trigger} {word}", f"soft mutation: {r}- becomes " + (to or "(g dropped)"))
        return None
    if t in RULES[2].triggers:
        if is_name:
            return None
        r = radical(word, ASPIRATE_RADICALS)
        if r:
            return Hit("aspirate", f"{trigger} {word}", f"aspirate mutation: {r}- becomes {r}h-")
        return None
    if t in ("eu", "ein"):
        if not is_name and word[0].lower() in VOWELS:
            return Hit("h-before-vowel", f"{trigger} {word}", f"h- before a vowel: {t} h{word}")
        return None
    if t == "fy":
        r = radical(word, NASAL_RADICALS)
        if r and not is_name:
            return Hit("nasal-fy", f"{trigger} {word}", f"nasal mutation: {r}- becomes " + _R["mutations"][r]["nasal"])
        return None
    if t == "yn":
        if is_name and word.split("'")[0] in MUTATING_NAMES:
            r = radical(word, NASAL_RADICALS)
            if r:
                return Hit("nasal-yn-place", f"{trigger} {word}", "nasal mutation of a place name: "
                           + welsh.nasal(word) + " (ym/yng before m/ng)")
        return None
    return None


def check(sentence: str) -> list[Hit]:
    """Every rule hit in one sentence."""
    hits = []
    # Overlapping pairs: "neu i Cyngor" checks "neu i" and "i Cyngor".
    tokens = [(m.start(), m.group(0)) for m in re.finditer(WORD, sentence)]
    for i, (pos, trigger) in enumerate(tokens[:-1]):
        t = trigger.lower()
        if not any(t in r.triggers for r in RULES):
            continue
        nxt_pos, word = tokens[i + 1]
        between = sentence[pos + len(trigger):nxt_pos]
        if not re.fullmatch(r"\s+", between):
            continue  # punctuation or a quotation mark between them: a quoted word keeps its form
        prev = tokens[i - 1][1] if i else ""
        start = i == 0 or bool(re.search(r"[.!?:;\"“]\s*$", sentence[:pos]))
        hit = check_pair(prev, trigger, word, start)
        if hit:
            hits.append(hit)
    for m in COUNT.finditer(sentence):
        n, word = int(m.group(1)), m.group(2)
        key = NOUN_FORMS.get(word.lower().replace("\u2019", "'"))
        if key is None or n == 0:
            continue
        want = welsh.counted_form(n, key).split()[0]
        if word.lower() != want.lower():
            hits.append(Hit("numeral-noun", m.group(0), f"{n} {want}"))
    for m in YEAR.finditer(sentence):
        want = YEAR_FORMS[m.group(1).lower()]
        if m.group(2)[0].lower() != want:
            form = {"f": "flynedd", "b": "blynedd", "m": "mlynedd"}[want]
            hits.append(Hit("numeral-blynedd", m.group(0), f"{m.group(1)} {form}"))
    return hits
