"""Welsh pages are spelled in Welsh, and carry no English.

Two checks over the main content of every built page under ``site/cy/``:

1. Spelling: every word goes through ``aspell --encoding=utf-8 -l cy list`` (Debian aspell-cy).
   Words it does not know fail, unless ``tests/welsh-allowlist.txt`` lists them (names, a few
   modern words aspell lacks, fixed abbreviations).
2. English: common English function words ("the", "and", "with", ...) fail on a Welsh page.
   aspell-cy accepts some of them ("the", "of", "in", "it" are in its word list), and the allowlist
   must never let English through, so this check runs on its own and ignores the allowlist.

Text inside an element whose ``lang`` is not Welsh (e.g. a "Read in English" link with
``lang="en"``) is skipped, and so are code, scripts, styles, templates and SVG. ``alt``, ``title``,
``aria-label`` and ``placeholder`` text is checked too: readers meet it as Welsh.

Only text in the built HTML is checked; strings a component writes from JavaScript are not.

Writers can check the site quickly without pytest::

    .venv/bin/python tests/test_welsh.py site/
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ALLOWLIST = HERE / "welsh-allowlist.txt"
ASPELL = shutil.which("aspell") or "/usr/bin/aspell"
ASPELL_CMD = [ASPELL, "--encoding=utf-8", "-l", "cy", "list"]

# Pages that are not content.
SKIP_PAGES = {"404.html", "search/index.html"}

# Common English function words that never appear in Welsh prose. Left out on purpose, because
# they are Welsh words too: a, i (and, to), ac, am, at, do (yes), hi (she), can (hundred),
# all (soft mutation of "gall"), is (lower: "sgôr is"), to (roof; generation), her (challenge),
# we ("y we", the web), was (soft mutation of "gwas"), more, me, so, no.
ENGLISH_WORDS = frozenset("""
    the and of in on it its this that these those with for from by or but not
    what when where which who whom whose why how
    you your yours our they their there them he she his
    are were will would should could have has been being
    than then if into about please here
""".split())

# "the" is also Welsh: "te" (tea) after a word that causes the aspirate mutation ("brecwast a the").
# After one of these it is not flagged.
ASPIRATE_TRIGGERS = frozenset("a â gyda efo tua na ni ei i w tri chwe".split())

# Text in these elements is not prose.
SKIP_TAGS = {"script", "style", "template", "code", "pre", "kbd", "samp", "svg", "math"}
# Tags with no end tag.
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr"}
# Inline tags do not separate words; every other tag does.
INLINE_TAGS = {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q",
               "s", "small", "span", "strong", "sub", "sup", "time", "u"}
TEXT_ATTRS = ("alt", "title", "aria-label", "placeholder")

APOSTROPHES = "'\u2019\u2018\u02bc"
# Letters and digits, with hyphenated compounds ("jig-so") kept whole: the allowlist may name a
# compound, and otherwise its parts are checked one by one.
WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Web and e-mail addresses (the printed page URL, contact details) and UK postcodes are not prose.
ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")


class ContentText(HTMLParser):
    """Collects the Welsh text of a page's main content.

    The content root is the ``article.md-content__inner``; failing that, ``.md-content``.
    """

    # What separates blocks (non-inline elements). welsh_text.py uses "\n" to split sentences.
    block_sep = " "

    def __init__(self, root_class: str):
        super().__init__(convert_charrefs=True)
        self.root_class = root_class
        # (tag, inside the content root, nearest lang is Welsh, inside a SKIP_TAGS element)
        self.stack: list[tuple[str, bool, bool, bool]] = []
        self.parts: list[str] = []
        self.found = False

    def _state(self) -> tuple[bool, bool, bool]:
        return self.stack[-1][1:] if self.stack else (False, True, False)

    def _keep(self) -> bool:
        inside, welsh, skip = self._state()
        return inside and welsh and not skip

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inside, welsh, skip = self._state()
        if not inside and self.root_class in (attrs.get("class") or "").split():
            inside = self.found = True
        if attrs.get("lang") is not None:
            # The nearest lang wins: Welsh inside an English element counts again.
            welsh = attrs["lang"].strip().lower().split("-")[0] == "cy"
        skip = skip or tag in SKIP_TAGS
        if tag not in VOID_TAGS:
            self.stack.append((tag, inside, welsh, skip))
        if inside and welsh and not skip:
            if tag not in INLINE_TAGS:
                self.parts.append(self.block_sep)
            for name in TEXT_ATTRS:
                if attrs.get(name):
                    self.parts.append(" " + attrs[name] + " ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        # Close up to the matching start tag; ignore a stray end tag.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag not in INLINE_TAGS:
            self.parts.append(self.block_sep)

    def handle_data(self, data):
        if self._keep():
            self.parts.append(data)

    def text(self) -> str:
        return unicodedata.normalize("NFC", "".join(self.parts))


def page_text(html: str) -> str:
    """The Welsh text of a page's main content."""
    for root in ("md-content__inner", "md-content"):
        parser = ContentText(root)
        parser.feed(html)
        parser.close()
        if parser.found:
            return parser.text()
    return ""


def words(text: str) -> list[str]:
    """Words, split on apostrophes first ("sy'n" -> "sy", "n"), without punctuation.

    Web and e-mail addresses are dropped. A token of letters and digits ("A4") and a hyphenated
    compound ("jig-so") are kept whole so the allowlist can name them; `check` strips digits
    and splits compounds the allowlist does not list.
    """
    text = ADDRESS_RE.sub(" ", text)
    for mark in APOSTROPHES:
        text = text.replace(mark, " ")
    return WORD_RE.findall(text)


def english(tokens: list[str]) -> list[str]:
    """The English function words among the tokens (lower-cased), in order."""
    found, prev = [], ""
    for token in tokens:
        for part in token.split("-"):
            word = part.lower()
            if word in ENGLISH_WORDS and not (word == "the" and prev in ASPIRATE_TRIGGERS):
                found.append(word)
            prev = word
    return found


def load_allowlist(path: Path = ALLOWLIST) -> set[str]:
    """Words from the allowlist file: whitespace-separated, ``#`` starts a comment."""
    allowed: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        allowed.update(unicodedata.normalize("NFC", w) for w in line.split("#", 1)[0].split())
    return allowed


def is_allowed(word: str, allowed: set[str]) -> bool:
    """An entry matches as written; a lower-case entry also matches its capitalised forms.

    So "gwefan" allows "Gwefan", but "SMART" does not allow "smart".
    """
    return word in allowed or (word.lower() in allowed and word.lower() != word)


def welsh_pages(site: Path) -> dict[str, str]:
    """Page path (relative to site/, e.g. "cy/elements/change/") -> main-content text."""
    pages = {}
    for path in sorted((site / "cy").rglob("*.html")):
        rel = path.relative_to(site / "cy").as_posix()
        if rel in SKIP_PAGES:
            continue
        name = "cy/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        pages[name] = page_text(path.read_text(encoding="utf-8"))
    return pages


def aspell_unknown(candidates: set[str]) -> set[str]:
    """The candidates aspell-cy does not know."""
    if not candidates:
        return set()
    if not Path(ASPELL).exists():
        raise RuntimeError(f"{ASPELL} is missing: run `make test-deps` (Debian aspell aspell-cy)")
    result = subprocess.run(ASPELL_CMD, input="\n".join(sorted(candidates)) + "\n",
                            capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"aspell failed: {result.stderr.strip()}")
    return set(result.stdout.split())


Findings = dict[str, Counter]  # word -> Counter(page -> occurrences)


def project_words() -> set[str]:
    """Words the project itself states: each scenario's own proper names (`proper_names`, so a
    new family's names need no edit here) and the Welsh month abbreviations the charts write
    (`months_short` in macros/content/welsh.yml, all twelve, whichever months a family's dates fall in)."""
    sys.path.insert(0, str(HERE.parent))
    from macros import welsh
    from macros.loader import load_all

    words: set[str] = set()
    for scenario in load_all().values():
        for name in scenario.proper_names:
            words.update(unicodedata.normalize("NFC", w) for w in re.split(r"[\s'’]+", name) if w)
    words.update(welsh.rules()["months_short"]["cy"])
    return words


def check(site: Path, allowed: set[str] | None = None) -> tuple[Findings, Findings]:
    """(unknown words, English words), each word mapped to the pages it appears on."""
    allowed = (load_allowlist() | project_words()) if allowed is None else allowed
    spelling: Findings = defaultdict(Counter)
    english_found: Findings = defaultdict(Counter)
    for page, text in welsh_pages(site).items():
        tokens = words(text)
        for word in english(tokens):
            english_found[word][page] += 1
        for token in tokens:
            if is_allowed(token, allowed):
                continue
            for part in token.split("-"):
                if is_allowed(part, allowed):
                    continue
                word = re.sub(r"\d+", "", part)
                if word and not is_allowed(word, allowed):
                    spelling[word][page] += 1
    unknown = aspell_unknown(set(spelling))
    return ({w: c for w, c in spelling.items() if w in unknown}, dict(english_found))


def format_findings(title: str, findings: Findings) -> str:
    """One line per word, most frequent first: word (total): page (n), page (n)."""
    if not findings:
        return f"{title}: none"
    lines = [f"{title}: {len(findings)}"]
    ordered = sorted(findings.items(), key=lambda kv: (-sum(kv[1].values()), kv[0].lower(), kv[0]))
    for word, pages in ordered:
        where = ", ".join(f"{p} ({n})" if n > 1 else p for p, n in sorted(pages.items()))
        lines.append(f"  {word} ({sum(pages.values())}): {where}")
    return "\n".join(lines)


def by_page(findings: Findings) -> str:
    """The same findings grouped per page, for writers fixing one page at a time."""
    pages: dict[str, list[str]] = defaultdict(list)
    for word, counter in findings.items():
        for page, n in counter.items():
            pages[page].append(f"{word}×{n}" if n > 1 else word)
    return "\n".join(f"  {p}: {', '.join(sorted(ws, key=str.lower))}" for p, ws in sorted(pages.items()))


# --- pytest ------------------------------------------------------------------------------------

def test_welsh_spelling(site):
    unknown, _ = check(site)
    assert not unknown, (
        format_findings("Words aspell-cy does not know on Welsh pages", unknown)
        + "\nFix the spelling, or add a genuine name to tests/welsh-allowlist.txt."
    )


def test_no_english_on_welsh_pages(site):
    _, english = check(site)
    assert not english, (
        format_findings("English words on Welsh pages", english)
        + "\nTranslate the text, or mark a deliberate English phrase with lang=\"en\"."
    )


def test_allowlist_lets_no_english_through():
    allowed = {w.lower() for w in load_allowlist()}
    assert not allowed & ENGLISH_WORDS, f"English words in the allowlist: {sorted(allowed & ENGLISH_WORDS)}"


def test_extraction_rules():
    html = """<html lang="cy"><body><nav>Home page</nav>
      <div class="md-content"><article class="md-content__inner md-typeset">
        <h1>Mae'r teulu</h1><p>Mae hi'n <abbr title="Cynhadledd Amddiffyn Plant">ICPC</abbr>
        sy&rsquo;n dda<br>iawn, <em>gw</em>efan 2019 A4 jig-so.</p>
        <p class="ecp-print-url">http://127.0.0.1:8000/cy/about/ post@example.org LL55 1SH</p>
        <p><a href="/" lang="en" hreflang="en">Read in English</a></p>
        <div lang="en"><p lang="cy">Cymraeg</p></div>
        <pre><code>the code</code></pre><script>var the = 1;</script>
        <script type="application/json">{"the": "and"}</script><template>with</template>
        <img alt="Llun o'r teulu">
      </article></div><footer>the footer</footer></body></html>"""
    got = words(page_text(html))
    assert got == ["Mae", "r", "teulu", "Mae", "hi", "n", "Cynhadledd", "Amddiffyn", "Plant", "ICPC",
                   "sy", "n", "dda", "iawn", "gwefan", "2019", "A4", "jig-so", "Cymraeg", "Llun", "o", "r", "teulu"]


def test_english_detection():
    assert english(words("Bydd brecwast a the yn y tŷ. Mae'r the hwn")) == ["the"]
    assert english(words("Read the plan with your family, and talk")) == ["the", "with", "your", "and"]
    assert english(words("Mae'r cynllun yn glir i bawb, a hi sy'n ei ddarllen gyda'r teulu")) == []


def test_allowlist_matching():
    allowed = {"gwefan", "SMART", "A4"}
    assert is_allowed("Gwefan", allowed) and is_allowed("GWEFAN", allowed)
    assert is_allowed("SMART", allowed) and not is_allowed("smart", allowed)
    assert is_allowed("A4", allowed) and not is_allowed("a4", allowed)


# --- command line ------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if len(argv) != 2 or not (Path(argv[1]) / "cy").is_dir():
        print(f"usage: {argv[0]} SITE_DIR   (a built site with a cy/ folder, e.g. site/)", file=sys.stderr)
        return 2
    site = Path(argv[1])
    unknown, english = check(site)
    print(f"Checked {len(welsh_pages(site))} Welsh pages in {site}/cy with aspell-cy "
          f"and {len(load_allowlist())} allowlisted words.\n")
    print(format_findings("Unknown words", unknown))
    if unknown:
        print("By page:\n" + by_page(unknown))
    print()
    print(format_findings("English words", english))
    if english:
        print("By page:\n" + by_page(english))
    return 1 if unknown or english else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
