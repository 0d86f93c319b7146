"""The home page's starts: three ways in, the four elements, and the case studies as
cards from the scenarios. Rendered into docs/index.*.md by `{{ home() }}`; the page template
overrides/home-page.html sets the layout. home.js adds "carry on where
you left off" from the self-study progress kept on this device (localStorage)."""
from ..page import here
from ..loader import load_all
from ..case_pages import page_path
from .self_study import route

ELEMENTS = ("conversations", "thresholds", "change", "measure")


def register(env):
    @env.macro
    def home() -> str:
        h = here(env)
        steps = [{"id": s.id, "title": s.title[h.lang], "path": s.path} for s in route()]
        return h.render("home", scenarios=load_all(), paths=page_path, elements=ELEMENTS, steps=steps)
