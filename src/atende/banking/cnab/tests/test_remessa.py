"""Shipment files: what we write, our reader reads back; fields sit where the banks' samples
(shared/banking-fixtures/remessa) put them."""

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atende.banking.cnab.remessa import Remessa, RemessaTitle, build_remessa
from atende.banking.cnab.remessa_reader import read_remessa
from atende.banking.errors import BankingError
from atende.banking.models import Beneficiary
from atende.banking.tests.fixtures import FIXTURES

# The brcobranca samples: clock frozen at 2015-07-14, one título of R$ 199,90, NN 123.
TITLE = RemessaTitle(
    nosso_numero="123",
    document_number="6969",
    due_date=date(2015, 7, 14),
    amount=Decimal("199.90"),
    payer_name="Pablo Diego José Francisco de Paula Juan",
    payer_document="12345678901",
    issue_date=date(2015, 7, 14),
    payer_address="Rua Rio Grande do Sul",
    payer_city="Santa Rita de Cássia",
    payer_state="SP",
    payer_postal_code="12345678",
)
BENEFICIARIES = {
    ("400", "001"): Beneficiary(
        agency="1234",
        agency_dv="3",
        account="1234",
        account_dv="3",
        agreement="1234567",
        wallet="12",
        wallet_variation="123",
    ),
    ("400", "237"): Beneficiary(
        agency="12345", account="1234567", account_dv="1", agreement="123", wallet="01"
    ),
    ("240", "001"): Beneficiary(agency="1234", account="12345", agreement="1234567", wallet="12"),
    ("240", "104"): Beneficiary(
        agency="12345", agency_dv="1", account="1234", agreement="123456", wallet="1"
    ),
    ("240", "237"): Beneficiary(agency="1234", account="123456", agreement="123", wallet="09"),
}
SAMPLES = {
    ("400", "001"): "bb-cnab400-remessa-1.rem",
    ("400", "237"): "bradesco-cnab400-remessa-1.rem",
    ("240", "001"): "bb-cnab240-remessa-1.rem",
    ("240", "104"): "caixa-cnab240-remessa-1.rem",
}


def remessa(layout: str, bank: str, titles=(TITLE,)) -> Remessa:
    return Remessa(
        bank=bank,
        layout=layout,
        beneficiary=BENEFICIARIES[(layout, bank)],
        company_name="Sociedade Brasileira de Zoologia",
        company_document="12345678910",
        sequence=1,
        titles=list(titles),
        generated_at=datetime(2015, 7, 14, 16, 15, 15, tzinfo=UTC),
    )


@pytest.mark.parametrize(("layout", "bank"), sorted(BENEFICIARIES))
def test_round_trip(layout, bank):
    titles = [
        TITLE,
        RemessaTitle(
            "124", "7070", date(2026, 12, 31), Decimal("1234.56"), "Ana Souza", "52998224725"
        ),
    ]
    content = build_remessa(remessa(layout, bank, titles))
    read_layout, read_bank, entries = read_remessa(content)
    assert (read_layout, read_bank) == (layout, bank)
    assert [(e.amount, e.due_date, e.document_number) for e in entries] == [
        (Decimal("199.90"), date(2015, 7, 14), "6969"),
        (Decimal("1234.56"), date(2026, 12, 31), "7070"),
    ]
    assert entries[1].payer_name == "ANA SOUZA"
    assert entries[0].payer_name.startswith("PABLO DIEGO JOSE")  # ASCII, upper case
    assert content.count(b"\r\n") == len(content.split(b"\r\n")) - 1
    content.decode("ascii")


@pytest.mark.parametrize(("key", "sample"), sorted(SAMPLES.items()))
def test_fields_sit_where_the_bank_samples_put_them(key, sample):
    if not FIXTURES.is_dir():
        pytest.skip(f"shared/banking-fixtures not found beside the clone ({FIXTURES})")
    ours = build_remessa(remessa(*key)).decode().split("\r\n")
    theirs = (FIXTURES / "remessa" / sample).read_text().split("\n")
    # Same record width (the samples add an optional segment R to CNAB 240).
    assert {len(line) for line in ours if line} == {len(line) for line in theirs if line}
    layout, _ = key
    if layout == "400":
        positions = [(1, 1), (121, 126), (127, 139), (219, 234), (395, 400)]
        positions += [(64, 80)] if key[1] == "001" else [(71, 82), (21, 37)]
        pairs = [(ours[1], theirs[1])]
    else:
        positions = [(1, 17), (78, 85), (86, 100)]
        positions += [(41, 57)] if key[1] == "104" else [(38, 54)]
        pairs = [(ours[2], theirs[2])]
    for mine, sample_line in pairs:
        for start, end in positions:
            assert mine[start - 1 : end] == sample_line[start - 1 : end], (start, end)
    assert ours[-2][:8] == theirs[-2][:8]  # trailer record type and bank


def test_fixed_expected_bradesco_detail():
    detail = build_remessa(remessa("400", "237")).decode().split("\r\n")[1]
    assert detail[0:37] == "1" + "0" * 19 + "00011234512345671"
    assert detail[70:82] == "00000000123P"  # NN + DV (carteira 01)
    assert detail[108:110] == "01"
    assert detail[394:400] == "000002"


def test_empty_and_unsupported_remessas_are_refused():
    with pytest.raises(BankingError, match="ao menos um título"):
        build_remessa(remessa("400", "001", titles=()))
    with pytest.raises(BankingError, match="não suportada"):
        build_remessa(Remessa("104", "400", Beneficiary(), "X", "1", 1, [TITLE]))


def test_cli_remessa_and_retorno(tmp_path):
    src = Path(__file__).resolve().parents[4]
    description = {
        "bank": "237",
        "layout": "400",
        "agencia": "1234",
        "conta": "123456",
        "convenio": "123",
        "carteira": "09",
        "empresa": "Atende",
        "sequencial": 7,
        "documento_empresa": "11222333000181",
        "titulos": [
            {
                "nosso_numero": "1",
                "valor": "10.00",
                "vencimento": "2026-12-31",
                "pagador": "João",
                "documento_pagador": "52998224725",
            }
        ],
    }
    target = tmp_path / "cb.rem"
    env = {"PYTHONPATH": str(src), "PATH": ""}
    run = subprocess.run(
        [sys.executable, "-m", "atende.banking", "remessa", "-o", str(target)],
        input=json.dumps(description),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stdout
    assert read_remessa(target.read_bytes())[2][0].amount == Decimal("10.00")
    bad = tmp_path / "x.ret"
    bad.write_bytes(b"0" * 10)
    run = subprocess.run(
        [sys.executable, "-m", "atende.banking", "retorno", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 1
    assert json.loads(run.stdout)["line"] == 1


@given(
    st.sampled_from(sorted(BENEFICIARIES)),
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=99_999),
            st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2),
            st.dates(min_value=date(2020, 1, 1), max_value=date(2060, 12, 31)),
            st.text(alphabet="ABCDEFGHIJ ÁÉÇ0123456789", max_size=40),
        ),
        min_size=1,
        max_size=8,
    ),
)
@settings(max_examples=100)
def test_any_valid_remessa_round_trips(key, rows):
    titles = [
        RemessaTitle(str(n), str(n), due, amount, name, "52998224725")
        for n, amount, due, name in rows
    ]
    _, _, entries = read_remessa(build_remessa(remessa(*key, titles=titles)))
    assert [(e.amount, e.due_date) for e in entries] == [(t.amount, t.due_date) for t in titles]


@pytest.mark.parametrize(("layout", "bank"), sorted(BENEFICIARIES))
def test_fines_and_daily_interest_travel_in_the_remessa(layout, bank):
    title = RemessaTitle("7", "7", date(2026, 12, 10), Decimal("100.00"), "Ana", "52998224725",
                         fine_percent=Decimal(2), interest_per_day=Decimal("0.33"))  # fmt: skip
    [entry] = read_remessa(build_remessa(remessa(layout, bank, titles=[title])))[2]
    assert entry.interest_per_day == Decimal("0.33")
    expected_fine = Decimal("0.00") if (layout, bank) == ("400", "001") else Decimal("2.00")
    assert entry.fine_percent == expected_fine  # BB CNAB 400 carries fines in a type-5 record
