"""One folder per component: macros/components/<name>/ holds its macro (macro.py, optional),
its templates (<name>.html, <name>-<part>.html), its JS and CSS and a README.

Folder names are kebab-case, as the published assets (assets/components/<name>/) and the HTML
hooks (data-module="<name>") are. A folder's macro.py imports as
`macros.components.<name_with_underscores>` (the finder below maps the two).
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDERS = sorted(p for p in HERE.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def module_name(folder: Path) -> str:
    return f"{__name__}.{folder.name.replace('-', '_')}"


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        for folder in FOLDERS:
            if fullname == module_name(folder) and (folder / "macro.py").exists():
                return importlib.util.spec_from_file_location(fullname, folder / "macro.py")
        return None


if not any(isinstance(f, _Finder) for f in sys.meta_path):
    sys.meta_path.insert(0, _Finder())  # before the path finder, which would see a namespace package


def modules() -> list:
    """Every component's macro module, in folder order."""
    return [importlib.import_module(module_name(f)) for f in FOLDERS if (f / "macro.py").exists()]
