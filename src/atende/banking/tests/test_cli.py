"""The command line, run as people and scripts run it."""

import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[3]


def run(*args: str, stdin: str = "") -> tuple[int, object]:
    result = subprocess.run(
        [sys.executable, "-m", "atende.banking", *args],
        input=stdin, capture_output=True, text=True, check=False,
        env={"PYTHONPATH": str(SRC), "PATH": ""},
    )  # fmt: skip
    return result.returncode, json.loads(result.stdout)


def test_boleto_list_in_list_out_with_errors_per_item():
    good = {"bank": "104", "codigo_beneficiario": "005507", "nosso_numero": "14222333777777777",
            "valor": "321.12", "vencimento": "2006-08-23"}  # fmt: skip
    code, out = run("boleto", stdin=json.dumps([good, {**good, "valor": "abc"}]))
    assert code == 1
    assert out[0]["barcode"] == "10494324200000321120055077222133347777777771"
    assert out[0]["linha_digitavel"] == "10490.05505 77222.133348 77777.777713 4 32420000032112"
    assert out[0]["nosso_numero"] == "14222333777777777-2"
    assert out[1]["error"] == "Valor inválido: “abc”."


def test_linha_and_pix_commands():
    code, out = run("linha", "10490.05505 77222.133348 77777.777713 4 32420000032112")
    assert (code, out["bank"], out["amount"], out["valid"]) == (0, "104", "321.12", True)
    code, built = run("pix", "--key", "pix@atende.com.br", "--name", "Atende Ltda",
                      "--city", "Campinas", "--amount", "10.50", "--txid", "FAT-1")  # fmt: skip
    assert code == 0
    code, parsed = run("pix", "--parse", built["payload"])
    assert (parsed["amount"], parsed["txid"], parsed["name"]) == ("10.50", "FAT1", "Atende Ltda")


def test_bad_json_is_a_portuguese_error():
    code, out = run("boleto", stdin="{nope")
    assert code == 1
    assert out["error"].startswith("JSON inválido na entrada")
