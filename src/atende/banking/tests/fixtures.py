"""Where the shared banking fixtures are (beside the clone); tests skip with a reason if absent."""

import json
from functools import cache
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[4].parent / "shared" / "banking-fixtures"


def require_fixtures() -> Path:
    if not FIXTURES.is_dir():
        pytest.skip(
            f"shared/banking-fixtures not found beside the clone (looked in {FIXTURES})",
            allow_module_level=True,
        )
    return FIXTURES


@cache
def vectors(kind: str) -> list[dict]:
    return [
        entry
        for entry in json.loads((FIXTURES / "vectors.json").read_text())
        if entry["kind"] == kind
    ]
