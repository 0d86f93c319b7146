"""The numbers a worried reader can phone, from `extra.publisher.safeguarding` in mkdocs.yml: a list
of {number, what: {en, cy}}, each number shown as a tel: link followed by what it is. One renderer
for the three places that list them: the "Worried about a child?" notice on every page
(overrides/partials/safeguarding.html), the contact page's #urgent section (the
`safeguarding_numbers()` macro) and the offline page. Numbers and words are escaped here."""
from __future__ import annotations

from markupsafe import Markup, escape

KEY = "extra.publisher.safeguarding"


def entries(extra: dict) -> list[dict]:
    """The configured numbers, checked: a missing number or Welsh/English description fails the build."""
    items = ((extra or {}).get("publisher") or {}).get("safeguarding")
    if not isinstance(items, list) or not items:
        raise ValueError(f"mkdocs.yml: {KEY}: a list of numbers is required")
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not str(item.get("number") or "").strip():
            raise ValueError(f"mkdocs.yml: {KEY}.{i}.number: required")
        what = item.get("what") or {}
        for lang in ("en", "cy"):
            if not str(what.get(lang) or "").strip():
                raise ValueError(f"mkdocs.yml: {KEY}.{i}.what.{lang}: required (what this number is)")
    return items


def numbers(extra: dict, lang: str) -> Markup:
    rows = []
    for item in entries(extra):
        number = str(item["number"]).strip()
        tel = "".join(ch for ch in number if ch.isdigit() or ch == "+")
        rows.append(f'<li><a href="tel:{escape(tel)}"><strong>{escape(number)}</strong></a>: '
                    f'{escape(str(item["what"][lang]).strip())}</li>')
    return Markup('<ul class="ecp-worried__numbers">' + "".join(rows) + "</ul>")
