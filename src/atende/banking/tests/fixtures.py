"""Where the shared banking fixtures are (beside the clone); tests skip with a reason if absent."""

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.models import BoletoCodes

NOTE_PARTS = re.compile(r"agência (\d+), carteira (\d+), NN (\d+), conta (\d+)")
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


@cache
def _more_bank_vectors() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads((FIXTURES / "vectors-more-banks.json").read_text(encoding="utf-8")))


def more_bank_vectors(kind: str) -> list[dict[str, Any]]:
    """The entries of vectors-more-banks.json (Itaú, Santander, Sicoob, Sicredi) of one kind."""
    return [entry for entry in _more_bank_vectors() if entry["kind"] == kind]


def return_files() -> list[Path]:
    """Every real return file: returns/ (BB, Caixa, Bradesco) and returns-more-banks/."""
    folders = (FIXTURES / "returns", FIXTURES / "returns-more-banks")
    return sorted(path for folder in folders for path in folder.iterdir() if path.is_file())


def boleto_inputs(vector: dict[str, Any]) -> dict[str, Any]:
    """A boleto vector's inputs with its bank, as `boleto_from_inputs` takes them;
    bradesco-30 (BRA-400 p.29-30) gives its campo livre in a note."""
    inputs = {**vector["inputs"], "bank": vector["bank"]}
    note = NOTE_PARTS.search(inputs.pop("note", ""))
    if note:
        agency, wallet, number, account = note.groups()
        inputs |= {"agencia": agency, "carteira": wallet, "nosso_numero": number, "conta": account}
    return inputs


def vector_codes(vector: dict[str, Any]) -> BoletoCodes:
    """What `boleto_codes` computes for a boleto vector's inputs."""
    return boleto_codes(boleto_from_inputs(boleto_inputs(vector)))


def assert_codes_as_expected(codes: BoletoCodes, expected: dict[str, Any]) -> None:
    """The linha and whatever else the vector's source asserts: barcode (null when only the
    linha is asserted), campo livre and its DV, DV geral, fator."""
    assert codes.linha_digitavel == expected["linha_digitavel"]
    if expected["barcode"] is not None:
        assert codes.barcode == expected["barcode"]
    if "campo_livre" in expected:
        assert codes.free_field == expected["campo_livre"]
    if "campo_livre_dv" in expected:
        assert codes.free_field[-1] == expected["campo_livre_dv"]
    if "dv_geral" in expected:
        assert codes.barcode[4] == expected["dv_geral"]
    if "fator" in expected:
        assert codes.barcode[5:9] == expected["fator"]
