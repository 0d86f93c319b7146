"""Hook: the post-build pipeline, once, after static-i18n has built every language into site/.
The steps and their order are in macros/pipeline.py."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]  # MkDocs loads hooks by path: make `macros` importable
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import pipeline  # noqa: E402
from macros.i18n import is_nested_build  # noqa: E402

_site: dict = {}


def on_startup(command, dirty):
    _site["serving"] = command == "serve"


@event_priority(100)
def on_config(config):
    if not is_nested_build(config):
        _site["dir"] = Path(config["site_dir"])
    return config


@event_priority(-200)  # after static-i18n's own post-build, which builds the other languages
def on_post_build(config):
    if is_nested_build(config):
        return
    pipeline.run(_site.get("dir") or Path(config["site_dir"]), config, serving=_site.get("serving", False))
