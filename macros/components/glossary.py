"""The glossary page, from macros/glossary.yml, sorted in the page's language."""
import re

from ..context import here
from ..glossary import load

# Welsh letters written with two characters sort as one letter, after their first character.
_CY_DIGRAPHS = {"ch": "c~", "dd": "d~", "ff": "f~", "ng": "g~", "ll": "l~", "ph": "p~", "rh": "r~", "th": "t~"}
_ARTICLE = re.compile(r"^(the|y|yr|’r|'r)\s+", re.IGNORECASE)


def sort_key(text: str, lang: str) -> str:
    key = _ARTICLE.sub("", text.strip().lower())
    if lang == "cy":
        key = re.sub("|".join(_CY_DIGRAPHS), lambda m: _CY_DIGRAPHS[m.group(0)], key)
    return key


def register(env):
    @env.macro
    def glossary() -> str:
        h = here(env)
        terms = sorted(load().terms, key=lambda term: sort_key(term.term[h.lang], h.lang))
        return h.render("glossary", terms=terms)
