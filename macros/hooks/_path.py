"""MkDocs loads hook files by path, not as a package: put the project root on sys.path so they
can import `macros`."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
