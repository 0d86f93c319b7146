"""Content Security Policy: every built page carries it, and no page of any kind breaks it."""
from __future__ import annotations

import re

import pytest

from macros.csp import inline_script_hashes

PAGES = {
    "home": "",
    "element": "elements/change/",
    "conference guidance": "practice/conference/",
    "case-study exercise": "case-studies/teulu-hughes/",
    "case-study rewrites": "case-studies/teulu-hughes/rewrites/",
    "case-study steps": "case-studies/teulu-hughes/steps/",
    "rewrites gallery": "plans/rewrites/",
    "checker": "plans/checker/",
    "workbook": "steps/workbook/",
    "self-study": "learn/self-study/",
    "glossary": "learn/glossary/",
    "privacy (delete data)": "about/privacy/",
    "404": "404.html",
}
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def _directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


def test_every_page_has_the_policy_first_in_head(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    assert site / "404.html" in pages and site / "cy" / "404.html" in pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = CSP_META.findall(html)
        assert len(found) == 1, f"{path.relative_to(site)}: {len(found)} CSP meta tags"
        head = html[html.index("<head"):html.index("</head>")]
        assert head.index("Content-Security-Policy") < head.find("<script"), f"{path}: a script before the CSP"
        assert '<meta name="referrer" content="no-referrer">' in head
        d = _directives(found[0])
        assert d["default-src"] == ["'self'"]
        assert d["connect-src"] == ["'self'"] and d["object-src"] == ["'none'"]
        assert d["base-uri"] == ["'self'"] and d["form-action"] == ["'self'"]
        assert d["worker-src"] == ["'self'"] and d["manifest-src"] == ["'self'"]
        assert d["img-src"] == ["'self'", "data:"]
        assert "'unsafe-eval'" not in found[0] and "'unsafe-inline'" not in found[0]
        assert d["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]
        assert d["script-src"][2:] == inline_script_hashes(html), f"{path}: hashes out of date"


def _exercise(page):
    """Use the page lightly: search, and the first few controls of each component."""
    search = page.locator("input[type=search]:visible, .md-search__input:visible").first
    if search.count():
        search.click()
        search.press_sequentially("plan", delay=20)
        page.wait_for_timeout(300)
        page.keyboard.press("Escape")
    for sel in ('[data-action="example"]', '[data-act="start-example"]'):
        if page.locator(f"{sel}:visible").count():
            page.locator(f"{sel}:visible").first.click()
    abbr = page.locator("abbr:visible")
    if abbr.count():
        abbr.first.hover()  # Material's tooltip
    radios = page.locator("[data-module]:not([data-module=search]) input[type=radio]:visible")
    if radios.count():
        radios.first.check()
    # Search is used above; copy-link buttons (tested in test_journeys) animate their label.
    buttons = page.locator("[data-module]:not([data-module=search]) button:not(.ecp-copy-link):visible")
    for i in range(min(buttons.count(), 3)):
        b = buttons.nth(i)
        text = (b.inner_text() + (b.get_attribute("data-act") or "") + (b.get_attribute("data-action") or "")).lower()
        if any(w in text for w in ("print", "argraff", "delete", "dileu", "import", "mewnforio", "clear", "clirio")):
            continue
        if b.is_enabled():
            b.click(timeout=2000)
    page.wait_for_timeout(200)


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_policy_violation_or_console_error(csp_page, base_url, lang, kind):
    page = csp_page
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: d.dismiss())
    page.add_init_script(WATCH)
    prefix = "cy/" if lang == "cy" else ""
    page.goto(f"{base_url}/{prefix}{PAGES[kind]}", wait_until="load")
    assert page.evaluate("typeof __md_get === 'function'"), "the theme's inline script did not run"
    _exercise(page)
    violations = page.evaluate("window.__violations")
    assert not violations, violations
    assert not errors, errors
    assert not page.errors, page.errors


def test_the_policy_is_enforced(csp_page, base_url):
    page = csp_page
    """The watch works and the policy bites: an injected inline script is refused and reported."""
    page.add_init_script(WATCH)
    page.goto(f"{base_url}/", wait_until="networkidle")
    ran = page.evaluate("""() => {
        const s = document.createElement("script");
        s.textContent = "window.__ran = true";
        document.body.append(s);
        return new Promise((r) => setTimeout(() => r(window.__ran === true), 100));
    }""")
    assert ran is False
    assert any("script-src" in v for v in page.evaluate("window.__violations"))
