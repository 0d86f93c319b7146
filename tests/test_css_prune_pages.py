"""The pruned Material stylesheets still style every page as the original ones do.

For one page of every kind (tests/screenshots.py's page_kinds), in both languages, at 320 and
1280px, and again with the drawer open, with search open and, on the case-study exercise, with the
answers checked: every style rule of Material's original stylesheets (from the installed package)
whose selector matches an element of the page, pseudo-elements and user-action states set aside,
must still be in the built site's stylesheet, in the same @media/@supports context, with the same
declarations (custom properties aside: the unit tests cover those)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import material
from screenshots import page_kinds, welsh

THEME = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

# Every style rule of a stylesheet, parsed by the browser itself so that both sides are normalised
# alike: [{key: "context | selector", query: selector for querySelector, decls: [...]}].
RULES_JS = r"""
(text) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  // Split a selector list at its top-level commas.
  const split = (list) => {
    const out = []; let depth = 0, start = 0;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (c === "(" || c === "[") depth++;
      else if (c === ")" || c === "]") depth--;
      else if (c === "\\") i++;
      else if (c === "," && depth === 0) { out.push(list.slice(start, i).trim()); start = i + 1; }
    }
    out.push(list.slice(start).trim());
    return out;
  };
  // Pseudo-elements and the states a reader's pointer or keyboard sets are stripped, outside
  // parentheses only, so that the element they style is what is looked for.
  const PSEUDO = /::?(?:before|after|placeholder|marker|selection|backdrop|first-line|first-letter|file-selector-button|-webkit-[\w-]+|-moz-[\w-]+|-ms-[\w-]+)|:(?:hover|focus-visible|focus-within|focus|active|visited|target)(?![\w-])/g;
  const strip = (sel) => {
    let out = "", depth = 0, i = 0;
    while (i < sel.length) {
      const c = sel[i];
      if (c === "(" || c === "[") depth++;
      if (c === ")" || c === "]") depth--;
      if (depth === 0 && c === ":") {
        PSEUDO.lastIndex = i;
        const m = PSEUDO.exec(sel);
        if (m && m.index === i) {
          // a pseudo-element's own arguments, e.g. ::-webkit-scrollbar-thumb:hover, go with it
          i += m[0].length;
          if (sel[i] === "(") { let d = 0; do { if (sel[i] === "(") d++; if (sel[i] === ")") d--; i++; } while (d && i < sel.length); }
          continue;
        }
      }
      out += c; i++;
    }
    out = out.trim();
    return !out || /[>+~\s]$/.test(out) ? (out + " *").trim() : out;
  };
  const decls = (style) => [...style].filter((p) => !p.startsWith("--"))
    .map((p) => `${p}:${style.getPropertyValue(p)}${style.getPropertyPriority(p) ? "!important" : ""}`);
  const out = [];
  const walk = (rules, context) => {
    for (const r of rules) {
      if (r instanceof CSSStyleRule) {
        const d = decls(r.style);
        for (const sel of split(r.selectorText)) out.push({ key: `${context} | ${sel}`, query: strip(sel), decls: d });
      } else if (r instanceof CSSMediaRule || r instanceof CSSSupportsRule) {
        walk(r.cssRules, `${context} @${r instanceof CSSMediaRule ? "media" : "supports"} ${r.conditionText}`);
      }
    }
  };
  walk(sheet.cssRules, "");
  return out;
}
"""

MATCHING_JS = r"""
(queries) => queries.map((q, i) => { try { return document.querySelector(q) ? i : -1; } catch (e) { return -1; } })
  .filter((i) => i >= 0)
"""


def stylesheets(site: Path) -> list[tuple[Path, Path]]:
    """(Material's original, the built site's pruned copy) for main and palette."""
    built = sorted((site / "assets" / "stylesheets").glob("*.min.css"))
    names = [p for p in built if re.match(r"(main|palette)\.\w+\.min\.css$", p.name)]
    assert {p.name.split(".")[0] for p in names} == {"main", "palette"}, built
    pairs = [(THEME / p.name, p) for p in names]
    for original, _ in pairs:
        assert original.is_file(), f"{original.name} is not in the installed Material ({THEME})"
    return pairs


@pytest.fixture(scope="module")
def rules(site, make_tab, base_url):
    """(every rule of the originals, {key: every declaration the pruned copies give it})."""
    originals, pruned = [], {}
    with make_tab() as tab:
        tab.goto(base_url + "/404.html")
        for original, built in stylesheets(site):
            originals += tab.evaluate(RULES_JS, original.read_text(encoding="utf-8"))
            for r in tab.evaluate(RULES_JS, built.read_text(encoding="utf-8")):
                pruned.setdefault(r["key"], set()).update(r["decls"])
    assert len(originals) > 1000 and len(pruned) > 100, (len(originals), len(pruned))
    return originals, pruned


def missing(tab, rules) -> list[str]:
    originals, pruned = rules
    hits = tab.evaluate(MATCHING_JS, [r["query"] for r in originals])
    out = []
    for i in hits:
        r = originals[i]
        have = pruned.get(r["key"])
        if have is None:
            out.append(f"rule gone: {r['key']}")
        elif not set(r["decls"]) <= have:
            out.append(f"declarations gone from {r['key']}: {sorted(set(r['decls']) - have)}")
    return out


def settle(tab):
    tab.wait_for_load_state("load")
    tab.wait_for_timeout(150)


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_rule_a_page_uses_survives_the_pruning(site, make_tab, base_url, rules, lang, width):
    problems: dict[str, list[str]] = {}  # what is gone: the pages that needed it
    kinds = page_kinds(site)
    assert len(kinds) >= 10, kinds
    with make_tab(bypass_csp=True, viewport={"width": width, "height": 900}) as tab:
        for kind, path in kinds:
            url = base_url + (welsh(path) if lang == "cy" else path)
            tab.goto(url)
            settle(tab)
            found = missing(tab, rules)
            # The drawer (the menu button's checkbox) and search, opened as a reader does.
            tab.evaluate("""() => { const d = document.getElementById('__drawer');
                                    if (d && !d.checked) d.click(); }""")
            tab.wait_for_timeout(100)
            found += missing(tab, rules)
            tab.evaluate("""() => { const d = document.getElementById('__drawer'); if (d && d.checked) d.click();
                                    const s = document.getElementById('__search'); if (s && !s.checked) s.click(); }""")
            tab.wait_for_timeout(300)
            found += missing(tab, rules)
            if kind == "case-exercise":
                tab.goto(url)
                settle(tab)
                tab.evaluate("""() => { document.querySelectorAll('[data-statement]').forEach((fs, i) => {
                                          const r = fs.querySelectorAll('input[type=radio]'); r[i % r.length].click(); });
                                        document.querySelector("[data-action='check']").click(); }""")
                tab.wait_for_selector("[data-statement][data-result]")
                found += missing(tab, rules)
            for problem in set(found):
                problems.setdefault(problem, []).append(kind)
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)[:8000]
