"""The glossary page, from macros/glossary.yml."""
from ..context import here
from ..glossary import load


def register(env):
    @env.macro
    def glossary() -> str:
        return here(env).render("glossary", terms=load().terms)
