"""Write scenarios/scenario.schema.json from the pydantic model (`make schema`)."""
from __future__ import annotations

import json
from pathlib import Path

from .model import Scenario

OUT = Path(__file__).resolve().parent.parent / "scenarios" / "scenario.schema.json"


def schema_text() -> str:
    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Effective Child Protection scenario"
    schema["description"] = "One fictional family. The file name is the scenario id. Every text is {en, cy}."
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUT.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")
