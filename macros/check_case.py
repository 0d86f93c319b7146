"""`make check-case ID=teulu-jones`: check one scenario file in a second or two, without building
the site, with the build's own messages (file, field path, problem, what to write).

    python -m macros.check_case teulu-jones          # or a path: scenarios/teulu-jones.yml
"""
from __future__ import annotations

import sys
from pathlib import Path

from .loader import SCENARIOS, ScenarioError, load_file


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make check-case ID=teulu-jones", file=sys.stderr)
        return 2
    arg = argv[0]
    path = Path(arg) if arg.endswith((".yml", ".yaml")) else SCENARIOS / f"{arg}.yml"
    if not path.exists():
        print(f"{path}: no such file (make new-case ID={path.stem} writes one)", file=sys.stderr)
        return 2
    try:
        load_file(path)
    except ScenarioError as e:
        for problem in e.problems:
            print(problem)
        print(f"\n{len(e.problems)} problem{'s' if len(e.problems) != 1 else ''} to fix.")
        return 1
    print(f"{path}: no problems found. See it with make serve, in English and in Welsh.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
