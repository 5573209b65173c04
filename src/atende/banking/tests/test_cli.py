"""The command line, run as people and scripts run it (a subprocess) and through main(argv)."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from atende.banking.cli import build_parser, main, register_cnab

SRC = Path(__file__).resolve().parents[3]
CAIXA = {"bank": "104", "codigo_beneficiario": "005507", "nosso_numero": "14222333777777777",
         "valor": "321.12", "vencimento": "2006-08-23"}  # fmt: skip
CAIXA_LINHA = "10490.05505 77222.133348 77777.777713 4 32420000032112"


def run(*args: str, stdin: str = "") -> tuple[int, object]:
    result = subprocess.run(
        [sys.executable, "-m", "atende.banking", *args],
        input=stdin, capture_output=True, text=True, check=False,
        env={"PYTHONPATH": str(SRC), "PATH": ""},
    )  # fmt: skip
    return result.returncode, json.loads(result.stdout)


def call(monkeypatch, capsys, *args: str, stdin: str = "") -> tuple[int, object]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def test_boleto_single_object_in_single_object_out():
    code, out = run("boleto", stdin=json.dumps(CAIXA))
    assert code == 0
    assert out == {
        "barcode": "10494324200000321120055077222133347777777771",
        "linha_digitavel": CAIXA_LINHA,
        "nosso_numero": "14222333777777777-2",
    }


def test_boleto_list_in_list_out_with_errors_per_item(monkeypatch, capsys):
    items = [CAIXA, {**CAIXA, "valor": "abc"}, {**CAIXA, "bank": "999"}]
    code, out = call(monkeypatch, capsys, "boleto", stdin=json.dumps(items))
    assert code == 1
    assert out[0]["barcode"] == "10494324200000321120055077222133347777777771"
    assert out[1] == {"error": "Valor inválido: “abc”.", "field": "valor"}
    assert out[2] == {
        "error": "Banco 999 não suportado (use 001, 033, 104, 237, 341, 748 ou 756).",
        "field": "bank",
    }


def test_boleto_json_numbers_are_read_as_decimal(monkeypatch, capsys):
    text = json.dumps(CAIXA).replace('"321.12"', "321.12")
    code, out = call(monkeypatch, capsys, "boleto", stdin=text)
    assert (code, out["linha_digitavel"]) == (0, CAIXA_LINHA)
    # As a float this would silently become 321.12; as Decimal it is what was sent, and refused.
    text = json.dumps(CAIXA).replace('"321.12"', "321.1200000000000001")
    code, out = call(monkeypatch, capsys, "boleto", stdin=text)
    assert (code, out["error"]) == (1, "O valor deve ter no máximo duas casas decimais.")


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("{nope", "JSON inválido na entrada"),
        ('{"valor": NaN}', "NaN não é um número aceito"),
        ('"texto"', "Cada boleto deve ser um objeto JSON."),
    ],
)
def test_bad_input_is_a_portuguese_error(monkeypatch, capsys, stdin, message):
    code, out = call(monkeypatch, capsys, "boleto", stdin=stdin)
    assert code == 1
    assert message in out["error"]


def test_linha_reports_each_check_digit(monkeypatch, capsys):
    code, out = call(monkeypatch, capsys, "linha", CAIXA_LINHA.replace("77222", "77223", 1))
    assert code == 1
    assert (out["bank"], out["amount"], out["factor"], out["valid"]) == (
        "104",
        "321.12",
        3242,
        False,
    )
    assert out["field_dvs_valid"] == [True, False, True]
    assert out["check_digits"][1] == {
        "name": "campo 2",
        "typed": "8",
        "expected": "7",
        "valid": False,
    }
    assert out["check_digits"][3]["name"] == "DV geral"


def test_linha_from_stdin_and_barcode(monkeypatch, capsys):
    barcode = "10494324200000321120055077222133347777777771\n"
    code, out = call(monkeypatch, capsys, "linha", stdin=barcode)
    assert (code, out["kind"], out["field_dvs_valid"], out["valid"]) == (0, "barcode", None, True)
    assert out["linha_digitavel"] == CAIXA_LINHA.replace(".", "").replace(" ", "")


def test_linha_nonsense(monkeypatch, capsys):
    code, out = call(monkeypatch, capsys, "linha", "12345")
    assert (code, out["field"]) == (1, "linha")


def test_pix_build_parse_and_qr(tmp_path):
    qr = tmp_path / "pix.png"
    arguments = ["--key", "pix@atende.com.br", "--name", "Atende Ltda", "--city", "São Paulo",
                 "--amount", "10.50", "--txid", "FAT1", "--qr", str(qr)]  # fmt: skip
    code, built = run("pix", *arguments)
    assert code == 0
    assert qr.read_bytes().startswith(b"\x89PNG")
    code, parsed = run("pix", "--parse", built["payload"])
    assert code == 0
    assert (parsed["amount"], parsed["txid"], parsed["name"], parsed["city"]) == (
        "10.50",
        "FAT1",
        "ATENDE LTDA",
        "SAO PAULO",
    )


def test_pix_from_json_and_refusals(monkeypatch, capsys):
    data = {"key": "pix@atende.com.br", "name": "Atende", "city": "Campinas", "txid": "FAT-1"}
    code, out = call(monkeypatch, capsys, "pix", stdin=json.dumps(data))
    assert (code, out["field"]) == (1, "txid")
    code, out = call(monkeypatch, capsys, "pix", "--parse", "000201")
    assert (code, out["error"]) == (1, "BR Code vazio ou curto demais.")


def test_pdf_writes_one_file_with_one_page_per_boleto(tmp_path):
    output = tmp_path / "boletos.pdf"
    items = [{**CAIXA, "pagador": "Cliente", "beneficiario": "Atende", "instrucoes": "Não receber"},
             {**CAIXA, "nosso_numero": "14222333777777778"}]  # fmt: skip
    code, out = run("pdf", "-o", str(output), stdin=json.dumps(items))
    assert (code, out) == (0, {"file": str(output), "pages": 2})
    assert output.read_bytes().startswith(b"%PDF-")
    assert not output.with_name("boletos.pdf.partial").exists()


def test_pdf_with_a_bad_item_writes_nothing(tmp_path, monkeypatch, capsys):
    output = tmp_path / "boletos.pdf"
    items = [CAIXA, {**CAIXA, "valor": "-5"}]
    code, out = call(monkeypatch, capsys, "pdf", "-o", str(output), stdin=json.dumps(items))
    assert code == 1
    assert out["items"] == [
        {"index": 1, "error": "O valor não pode ser negativo.", "field": "valor"}
    ]
    assert list(tmp_path.iterdir()) == []


def test_bank_file_commands_are_registered_when_installed():
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    expected = {"boleto", "linha", "pix", "pdf"}
    if register_cnab is not None:
        expected |= {"retorno", "remessa"}
    assert expected <= set(commands)
