"""Screenshot gallery: `make screenshots` (not part of `make test`).

Serves the built site from 127.0.0.1 and takes a full-page PNG of one page of every kind, in
both languages, at 320, 768 and 1280 px wide, with Debian's Chromium. Writes the PNGs and an
index.html showing them side by side into screenshots/ (git-ignored).

    .venv/bin/python tests/screenshots.py [SITE_DIR] [--out DIR] [--widths 320,1280] [--pages /,/elements/change/]
"""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, SiteServer  # noqa: E402

WIDTHS = (320, 768, 1280)
# Fonts loaded and no transition running, so two runs of the same build give the same pixels.
SETTLED = """async () => {
    await document.fonts.ready;
    const settled = () => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
    for (const end = Date.now() + 3000; !settled() && Date.now() < end;) await new Promise(r => requestAnimationFrame(r));
}"""


def page_kinds(site: Path) -> list[tuple[str, str]]:
    """(kind, English path) for one page of every kind: home, section index, guidance, tool,
    learning, about, glossary, case-study index and each case-study page kind (read from the
    built site, so kinds added to macros/case_pages.py appear by themselves), and the 404 page."""
    kinds = [
        ("home", "/"), ("section", "/elements/"), ("guidance", "/elements/change/"),
        ("practice", "/practice/plans/"), ("checker", "/plans/checker/"),
        ("gallery", "/plans/rewrites/"), ("workbook", "/steps/workbook/"),
        ("self-study", "/learn/self-study/"), ("handout", "/learn/handouts/change/"),
        ("glossary", "/learn/glossary/"), ("about", "/about/privacy/"),
        ("case-studies", "/case-studies/"),
    ]
    try:
        from macros.case_pages import KINDS, page_path
    except ImportError:
        KINDS, page_path = (), None
    cases = sorted(p.name for p in (site / "case-studies").iterdir() if p.is_dir()) if (site / "case-studies").is_dir() else []
    if cases and page_path:
        for kind in KINDS:
            kinds.append((f"case-{kind}", "/" + page_path(cases[0], kind)))
    kinds.append(("404", "/404.html"))
    return [(k, p) for k, p in kinds if (site / p.lstrip("/")).exists() or (site / p.lstrip("/") / "index.html").exists()]


def welsh(path: str) -> str:
    return "/cy/404.html" if path == "/404.html" else "/cy" + path


def shoot(site: Path, out: Path, widths, pages) -> list[dict]:
    from playwright.sync_api import sync_playwright

    # As GitHub Pages serves it: at the published path too, where the 404 pages find their assets.
    server = SiteServer(site)
    base = server.url
    out.mkdir(parents=True, exist_ok=True)
    shots = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for width in widths:
                ctx = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
                pg = ctx.new_page()
                pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
                for kind, path in pages:
                    for lang, p_ in (("en", path), ("cy", welsh(path))):
                        pg.goto(base + p_, wait_until="load")
                        pg.evaluate(SETTLED)
                        pg.wait_for_timeout(300)
                        name = f"{kind}-{lang}-{width}.png"
                        pg.screenshot(path=str(out / name), full_page=True)
                        shots.append({"kind": kind, "lang": lang, "width": width, "path": p_, "file": name})
                        print(name, flush=True)
                ctx.close()
            browser.close()
    finally:
        server.close()
    return shots


def write_index(out: Path, shots: list[dict]) -> None:
    rows = []
    kinds = list(dict.fromkeys(s["kind"] for s in shots))
    for kind in kinds:
        cells = []
        for s in (s for s in shots if s["kind"] == kind):
            f = html.escape(s["file"])
            cells.append(f'<figure><a href="{f}"><img src="{f}" width="{min(s["width"], 400)}" loading="lazy" '
                         f'alt=""></a><figcaption>{html.escape(s["lang"])} · {s["width"]} px · '
                         f'<code>{html.escape(s["path"])}</code></figcaption></figure>')
        rows.append(f'<section><h2 id="{html.escape(kind)}">{html.escape(kind)}</h2><div class="row">{"".join(cells)}</div></section>')
    toc = " · ".join(f'<a href="#{html.escape(k)}">{html.escape(k)}</a>' for k in kinds)
    (out / "index.html").write_text(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Screenshots: every page kind</title>
<style>body{{font:16px/1.4 system-ui,sans-serif;margin:1rem}}.row{{display:flex;gap:1rem;overflow-x:auto;align-items:flex-start}}
figure{{margin:0}}img{{border:1px solid #b1b4b6;height:auto}}figcaption{{font-size:14px}}</style></head>
<body><h1>Screenshots: every page kind, English and Welsh, {", ".join(str(w) for w in sorted({s["width"] for s in shots}))} px</h1>
<p>{toc}</p>{"".join(rows)}</body></html>
""", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", nargs="?", default=str(ROOT / "site"))
    ap.add_argument("--out", default=str(ROOT / "screenshots"))
    ap.add_argument("--widths", default=",".join(map(str, WIDTHS)))
    ap.add_argument("--pages", help="comma-separated English paths (default: one of every kind)")
    a = ap.parse_args()
    site = Path(a.site)
    if not (site / "index.html").exists():
        print(f"{site} has no index.html: build the site first", file=sys.stderr)
        return 2
    pages = [(p.strip("/").replace("/", "-") or "home", p) for p in a.pages.split(",")] if a.pages else page_kinds(site)
    out = Path(a.out)
    shots = shoot(site, out, [int(w) for w in a.widths.split(",")], pages)
    write_index(out, shots)
    print(f"{len(shots)} screenshots in {out}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
