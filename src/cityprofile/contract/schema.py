"""The published JSON Schema of profile.json, and checking a profile against it."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("profile.schema.json")


@cache
def load_schema() -> dict:
    """Return the profile.json schema (JSON Schema 2020-12)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def find_schema_errors(profile: dict) -> list[str]:
    """Return each way ``profile`` breaks the schema, as "path: message"; empty when it is valid."""
    from jsonschema import Draft202012Validator  # installed with nbformat; only tests and tools check

    validator = Draft202012Validator(load_schema())
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(profile), key=lambda e: list(map(str, e.absolute_path)))]
