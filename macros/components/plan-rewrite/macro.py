"""Plan rewrites: the gallery of every rewrite across all scenarios (docs/plans/rewrites).

The per-scenario page is scenario_page(sid, "rewrites"), which renders scenario-rewrites.html.
"""
from ..page import here
from ..loader import load_all
from ..model import Theme
from ..case_pages import page_path

THEME_ORDER = [t.value for t in Theme]


def gallery_items() -> list[dict]:
    """Every rewrite with its scenario, ordered by theme, then scenario id, then file order."""
    items = []
    for sid, s in load_all().items():
        for index, r in enumerate(s.rewrites):
            items.append({"sid": sid, "s": s, "r": r, "anchor": f"{sid}--{r.id}", "index": index,
                          "page": page_path(sid, "rewrites")})
    items.sort(key=lambda i: (THEME_ORDER.index(i["r"].theme.value), i["sid"], i["index"]))
    return items


def register(env):
    @env.macro
    def rewrite_gallery() -> str:
        items = gallery_items()
        themes = []
        for item in items:
            theme = item["r"].theme.value
            if theme not in [t for t, _ in themes]:
                themes.append((theme, sum(1 for i in items if i["r"].theme.value == theme)))
        return here(env).render("plan-rewrite-gallery", items=items, themes=themes,
                                cases=len({i["sid"] for i in items}))
