"""Who publishes this copy of the portal, on the pages that say so: the contact, accessibility,
privacy and Welsh language pages. Everything comes from `extra.publisher` in mkdocs.yml
(macros/publisher.py), in the page's language, shown as typed (never read as Markdown or HTML)."""
from __future__ import annotations

from .. import publisher as pub
from ..page import here
from ..strings import literal_markdown
from ..views import long_date


def _view(env) -> tuple[dict, pub.Publisher, str]:
    h = here(env)
    p = pub.load(env.conf["extra"], env.conf.get("config_file_path"))
    return pub.view(p, h.lang), p, h


def register(env):
    @env.macro
    def publisher_text(key: str = "name") -> str:
        """One value in the page's language: name, url, url_label, statement.tested_by."""
        view, _, _ = _view(env)
        value = view
        for part in key.split("."):
            value = value[part]
        return literal_markdown(str(value))

    @env.macro
    def publisher_date(key: str, after: str = "") -> str:
        """A date of the accessibility statement (prepared, reviewed, tested), written out; `after`
        is the word before it, whose mutation it takes in Welsh ("ar ddydd Iau")."""
        _, p, h = _view(env)
        d = long_date(getattr(p.statement, key), h.lang)
        return literal_markdown(d.after(after, h.lang) if after else d)

    @env.macro
    def publisher_promise(key: str) -> str:
        """The publisher's own promise, as written; nothing when it makes none."""
        view, _, _ = _view(env)
        return literal_markdown(view["promises"].get(key) or "")

    @env.macro
    def publisher_contacts(kind: str = "general") -> str:
        """The contacts for one kind of request, as a list with email and phone links."""
        view, _, h = _view(env)
        people = view["contacts"][kind]
        return h.render("publisher-contacts", contacts=people if isinstance(people, list) else [people],
                        website=view if kind == "general" else None)

    @env.macro
    def publisher_numbers() -> str:
        """The safeguarding numbers, each with what it is."""
        view, _, h = _view(env)
        return h.render("publisher-numbers", numbers=view["numbers"])
