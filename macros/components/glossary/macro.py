"""The glossary page, from macros/content/glossary.yml, sorted in the page's language."""
import re
import unicodedata

from .. import strings
from ..page import here
from ..glossary import load
from .crosswalk import rows_for_terms

# Welsh letters written with two characters sort as one letter, after their first character.
_CY_DIGRAPHS = {"ch": "c~", "dd": "d~", "ff": "f~", "ng": "g~", "ll": "l~", "ph": "p~", "rh": "r~", "th": "t~"}
_ARTICLE = re.compile(r"^(the|y|yr|’r|'r)\s+", re.IGNORECASE)
# A definition may quote a UI string, such as the ends of the Steps to Change scale: [t:steps.point_1]
_STRING = re.compile(r"\[t:([a-z0-9_.]+)\]")


def sort_key(text: str, lang: str) -> str:
    key = _ARTICLE.sub("", text.strip().lower())
    if lang == "cy":
        key = re.sub("|".join(_CY_DIGRAPHS), lambda m: _CY_DIGRAPHS[m.group(0)], key)
    return key


def letter(text: str, lang: str) -> str:
    """The letter a term is listed under: its first letter without accents, a Welsh digraph
    (Ch, Dd, Ff, Ng, Ll, Ph, Rh, Th) as one letter on Welsh pages."""
    key = _ARTICLE.sub("", text.strip().lower())
    if lang == "cy":
        for pair in _CY_DIGRAPHS:
            if key.startswith(pair):
                return pair.capitalize()
    first = unicodedata.normalize("NFD", key[:1])[:1]
    return first.upper()


def by_letter(terms, lang: str) -> list[tuple[str, list]]:
    """Sorted terms grouped by letter, in order: [(letter, [term, ...]), ...]."""
    groups: list[tuple[str, list]] = []
    for term in terms:
        first = letter(term.term[lang], lang)
        if not groups or groups[-1][0] != first:
            groups.append((first, []))
        groups[-1][1].append(term)
    return groups


def fill(text: str, lang: str) -> str:
    return _STRING.sub(lambda m: strings.t(m.group(1), lang), text)


def register(env):
    @env.macro
    def glossary() -> str:
        h = here(env)
        terms = sorted(load().terms, key=lambda term: sort_key(term.term[h.lang], h.lang))
        definitions = {term.id: fill(term.definition[h.lang], h.lang) for term in terms}
        return h.render("glossary", terms=terms, groups=by_letter(terms, h.lang), definitions=definitions,
                        crosswalk=rows_for_terms())
