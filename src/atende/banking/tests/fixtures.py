"""Where the shared banking fixtures are (beside the clone); tests skip with a reason if absent."""

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[4]
FIXTURES = REPO_ROOT.parent / "shared" / "banking-fixtures"


def require_fixtures() -> Path:
    """The fixtures folder; skips the calling module (or test) when it is not there."""
    if not (FIXTURES / "vectors.json").is_file():
        pytest.skip(
            f"shared/banking-fixtures not found beside the clone: looked for {FIXTURES}",
            allow_module_level=True,
        )
    return FIXTURES


@cache
def _all_vectors() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads((FIXTURES / "vectors.json").read_text(encoding="utf-8")))


def vectors(kind: str) -> list[dict[str, Any]]:
    """The entries of vectors.json of one `kind` (boleto, pix_brcode, check_digit, …)."""
    return [entry for entry in _all_vectors() if entry["kind"] == kind]


def vector(vector_id: str) -> dict[str, Any]:
    return next(entry for entry in _all_vectors() if entry["id"] == vector_id)
