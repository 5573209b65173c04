"""Remessas of Itaú (CNAB 400), Sicoob and Sicredi (CNAB 240): the nosso-número DVs against the
published check digits, fields read back at positions written here from the sources, refusals.

Sources of the positions below: Itaú's return header (FACTS-more-banks.md §1.3) and the
CNAB 400 remessa as brcobranca writes it (`lib/brcobranca/remessa/cnab400/itau.rb`, after
ITAU-BOL §3.1) [lib]; FEBRABAN segments P/Q/R (BRA-240) with Sicoob's T/P 38-57
(FACTS-more-banks.md §3.4) and Sicredi's (§4.4).
"""

from dataclasses import replace
from decimal import Decimal

import pytest

from atende.banking.cnab.remessa import Remessa, build_remessa
from atende.banking.cnab.remessa_reader import read_remessa
from atende.banking.cnab.tests.builders import CNPJ, CPF, WHEN
from atende.banking.cnab.tests.builders import TITLE as BASE_TITLE
from atende.banking.errors import BankingError
from atende.banking.tests.fixtures import more_bank_vectors, require_fixtures

TITLE = replace(BASE_TITLE, nosso_numero="21")
ITAU = {"bank": "341", "layout": "400",
        "beneficiary": {"agency": "0057", "account": "12345", "account_dv": "7",
                        "wallet": "109"}}  # fmt: skip
SICOOB = {"bank": "756", "layout": "240",
          "beneficiary": {"agency": "0001", "agency_dv": "9", "account": "123456",
                          "account_dv": "0", "agreement": "19"}}  # fmt: skip
SICREDI = {"bank": "748", "layout": "240", "post": "02",
           "beneficiary": {"agency": "0165", "account": "41468", "account_dv": "8",
                           "agreement": "00623"}}  # fmt: skip


def remessa(spec: dict, titles=(TITLE,), **changes) -> Remessa:
    from atende.banking.models import Beneficiary

    beneficiary = Beneficiary(**(spec["beneficiary"] | changes.pop("beneficiary", {})))
    fields = {"bank": spec["bank"], "layout": spec["layout"], "beneficiary": beneficiary,
              "company_name": "Atende Serviços Ltda", "company_document": CNPJ,
              "sequence": 42, "titles": list(titles), "generated_at": WHEN,
              "post": spec.get("post", "")}  # fmt: skip
    return Remessa(**(fields | changes))


def lines(spec: dict, titles=(TITLE,), **changes) -> list[str]:
    return build_remessa(remessa(spec, titles, **changes)).decode("ascii").split("\r\n")[:-1]


def read(line: str, table: dict[str, tuple[int, int]]) -> dict[str, str]:
    return {name: line[start - 1 : end] for name, (start, end) in table.items()}


def _check_digits(prefix: str) -> list[dict]:
    require_fixtures()
    return [e for e in more_bank_vectors("check_digit") if e["id"].startswith(prefix)]


def test_sicoob_remessa_writes_every_published_check_digit():
    """The DV the segment P carries (the rule itself is banks/sicoob.dv_of, shared with the
    boleto), for each published input: cooperativa(4) + cliente(10) + NN(7)."""
    vectors = _check_digits("dv-sicoob-")
    assert len(vectors) == 14
    for vector in vectors:
        digits = vector["input"]
        changes = {"beneficiary": {"agency": digits[:4], "agreement": digits[4:14]}}
        title = replace(TITLE, nosso_numero=digits[14:])
        p = lines(SICOOB, titles=[title], **changes)[2]
        assert p[37:47] == digits[14:].zfill(9) + vector["expected_dv"], vector


def test_sicredi_remessa_writes_the_published_nosso_numero_check_digits():
    """Cooperativa(4) + posto(2) + beneficiário(5) + AAByyyyy: the DV at P 46."""
    vectors = [v for v in _check_digits("dv-sicredi-") if len(v["input"]) == 19]
    assert len(vectors) == 3
    for vector in vectors:
        digits = vector["input"]
        changes = {"beneficiary": {"agency": digits[:4], "agreement": digits[6:11]},
                   "post": digits[4:6]}  # fmt: skip
        p = lines(SICREDI, titles=[replace(TITLE, nosso_numero=digits[11:])], **changes)[2]
        assert p[37:46] == digits[11:] + vector["expected_dv"], vector


ITAU_HEADER = {"literal": (1, 19), "agency": (27, 30), "zeros": (31, 32), "account": (33, 37),
               "dac": (38, 38), "company": (47, 76), "bank": (77, 79), "bank_name": (80, 94),
               "date": (95, 100), "sequence": (395, 400)}  # fmt: skip
ITAU_DETAIL = {
    "type": (1, 1), "company_kind": (2, 3), "company_document": (4, 17), "agency": (18, 21),
    "zeros": (22, 23), "account": (24, 28), "dac": (29, 29), "reference": (38, 62),
    "nosso_numero": (63, 70), "wallet": (84, 86), "wallet_code": (108, 108),
    "command": (109, 110), "document": (111, 120), "due": (121, 126), "amount": (127, 139),
    "bank": (140, 142), "species": (148, 149), "accept": (150, 150), "issued": (151, 156),
    "interest": (161, 173), "discount_until": (174, 179), "discount": (180, 192),
    "payer_kind": (219, 220), "payer_document": (221, 234), "payer": (235, 264),
    "address": (275, 314), "district": (315, 326), "cep": (327, 334), "city": (335, 349),
    "state": (350, 351), "sequence": (395, 400),
}  # fmt: skip
ITAU_FINE = {"type": (1, 1), "code": (2, 2), "from": (3, 10), "rate": (11, 23),
             "sequence": (395, 400)}  # fmt: skip


def test_itau_cnab400_fields_at_their_positions():
    header, detail, fine, trailer = lines(ITAU)
    assert read(header, ITAU_HEADER) == {
        "literal": "01REMESSA01COBRANCA", "agency": "0057", "zeros": "00", "account": "12345",
        "dac": "7", "company": "ATENDE SERVICOS LTDA".ljust(30), "bank": "341",
        "bank_name": "BANCO ITAU SA  ", "date": "020326", "sequence": "000001"}  # fmt: skip
    assert read(detail, ITAU_DETAIL) == {
        "type": "1", "company_kind": "02", "company_document": CNPJ, "agency": "0057",
        "zeros": "00", "account": "12345", "dac": "7", "reference": "BOLETO-77".ljust(25),
        "nosso_numero": "00000021", "wallet": "109", "wallet_code": "I", "command": "01",
        "document": "FAT-88    ", "due": "100426", "amount": "0000000123456", "bank": "341",
        "species": "01", "accept": "N", "issued": "010326", "interest": "0000000000041",
        "discount_until": "050426", "discount": "0000000001234", "payer_kind": "01",
        "payer_document": "000" + CPF, "payer": "JOAO DA SILVA".ljust(30),
        "address": "RUA DAS FLORES, 10".ljust(40), "district": "CENTRO".ljust(12),
        "cep": "01310100", "city": "SAO PAULO".ljust(15), "state": "SP", "sequence": "000002",
    }  # fmt: skip
    assert read(fine, ITAU_FINE) == {"type": "2", "code": "2", "from": "11042026",
                                     "rate": "0000000000200", "sequence": "000003"}  # fmt: skip
    assert (trailer[0], trailer[394:]) == ("9", "000004")
    assert {len(line) for line in (header, detail, fine, trailer)} == {400}


ITAU_P = {"account_block": (18, 37), "wallet": (38, 40), "nosso_numero": (41, 48),
          "dac": (49, 49), "zeros": (58, 62), "document": (63, 72), "due": (78, 85),
          "amount": (86, 100), "species": (107, 108), "interest_code": (118, 118),
          "interest_from": (119, 126), "interest": (127, 141), "discount_code": (142, 142),
          "discount_until": (143, 150), "discount": (151, 165), "reference": (196, 220),
          "protest": (221, 221)}  # fmt: skip
ITAU_Q = {"payer": (34, 63), "blank": (64, 73), "address": (74, 113)}


def test_itau_cnab240_segment_p_is_itaus_own():
    header, batch, p, q, r, batch_trailer, trailer = lines(ITAU | {"layout": "240"})
    assert (header[52:72], header[163:166], batch[52:73]) == (
        "00057 000000012345 7", "040", " 00057 000000012345 7")  # fmt: skip
    # DAC of 0057 12345 109 00000021 by hand: the mod 10 sum is 46, 10 − 6 = 4.
    assert read(p, ITAU_P) == {
        "account_block": "00057 000000012345 7", "wallet": "109", "nosso_numero": "00000021",
        "dac": "4", "zeros": "00000", "document": "FAT-88    ", "due": "10042026",
        "amount": "000000000123456", "species": "01", "interest_code": "0",
        "interest_from": "11042026", "interest": "000000000000041", "discount_code": "0",
        "discount_until": "05042026", "discount": "000000000001234",
        "reference": "BOLETO-77".ljust(25), "protest": "3",
    }  # fmt: skip
    assert read(q, ITAU_Q) == {"payer": "JOAO DA SILVA".ljust(30), "blank": " " * 10,
                               "address": "RUA DAS FLORES, 10".ljust(40)}  # fmt: skip
    assert (r[65], r[74:89], batch_trailer[17:23], trailer[17:29]) == (
        "2", "000000000000200", "000005", "000001000007")  # fmt: skip


P_BLOCK = {"agency": (18, 22), "agency_dv": (23, 23), "account": (24, 35), "account_dv": (36, 36),
           "nosso_numero": (38, 57), "wallet": (58, 58), "document": (63, 77), "due": (78, 85),
           "amount": (86, 100), "species": (107, 108), "interest_code": (118, 118),
           "interest": (127, 141), "discount_code": (142, 142), "discount": (151, 165),
           "reference": (196, 220), "write_off": (224, 227)}  # fmt: skip
HEADER_240 = {"bank": (1, 3), "type": (8, 8), "agreement": (33, 52), "agency": (53, 57),
              "agency_dv": (58, 58), "account": (59, 70), "account_dv": (71, 71),
              "name": (103, 132), "direction": (143, 143), "version": (164, 166)}  # fmt: skip
COMMON_P = {"due": "10042026", "amount": "000000000123456", "interest_code": "1",
            "interest": "000000000000041", "discount_code": "1",
            "discount": "000000000001234", "reference": "BOLETO-77".ljust(25),
            "document": "FAT-88".ljust(15)}  # fmt: skip


def test_sicoob_cnab240_nosso_numero_block():
    header, _, p, q, r, _, trailer = lines(SICOOB)
    assert read(header, HEADER_240) == {
        "bank": "756", "type": "0", "agreement": " " * 20, "agency": "00001", "agency_dv": "9",
        "account": "000000123456", "account_dv": "0", "name": "SICOOB".ljust(30),
        "direction": "1", "version": "081"}  # fmt: skip
    # NN 21 and its DV 8 in 10 positions, parcela 01, modalidade 01, formulário 4, 5 brancos.
    assert read(p, P_BLOCK) == COMMON_P | {
        "agency": "00001", "agency_dv": "9", "account": "000000123456", "account_dv": "0",
        "nosso_numero": "0000000218" + "01" + "01" + "4" + "     ", "wallet": "1",
        "species": "02", "write_off": "0000"}  # fmt: skip
    assert (q[13], r[13], r[65], r[74:89]) == ("Q", "R", "2", "000000000000200")
    assert trailer[17:35] == "000001000007000000"


def test_sicredi_cnab240_nosso_numero_with_its_dv():
    title = replace(TITLE, nosso_numero="07/200003")
    header, _, p, *_ = lines(SICREDI, titles=[title])
    assert read(header, HEADER_240) | {"density": header[166:171]} == {
        "bank": "748", "type": "0", "agreement": " " * 20, "agency": "00165", "agency_dv": " ",
        "account": "000000041468", "account_dv": "8", "name": "SICREDI".ljust(30),
        "direction": "1", "version": "081", "density": "01600"}  # fmt: skip
    # SCR-400 p.8: 0165 / 02 / 00623 / 07 / 2 / 00003 → DV 1.
    assert read(p, P_BLOCK) == COMMON_P | {
        "agency": "00165", "agency_dv": " ", "account": "000000041468", "account_dv": "8",
        "nosso_numero": "072000031".ljust(20), "wallet": "1", "species": "03",
        "write_off": "1060"}  # fmt: skip


def test_sicredi_beneficiary_code_defaults_to_the_conta():
    spec = SICREDI | {"beneficiary": {"agency": "0165", "account": "00623-4"}}
    _, batch, p, *_ = lines(spec, titles=[replace(TITLE, nosso_numero="07/200003")])
    assert p[37:57] == "072000031".ljust(20)  # the manual's DV 1, over beneficiário 00623
    assert batch[11:13] == "  "  # FEBRABAN's, blank as in brcobranca's Sicredi sample


@pytest.mark.parametrize(
    "spec",
    [ITAU, ITAU | {"layout": "240"}, SICOOB, SICREDI],
    ids=["itau-400", "itau-240", "sicoob", "sicredi"],
)
def test_round_trip(spec):
    number = "26/200001" if spec is SICREDI else "21"
    second = replace(TITLE, nosso_numero="26/200002" if spec is SICREDI else "22",
                     amount=Decimal("10.00"), fine_percent=Decimal("0"),
                     discount_amount=Decimal("1.00"))  # fmt: skip
    content = build_remessa(remessa(spec, titles=[replace(TITLE, nosso_numero=number), second]))
    layout, bank, entries = read_remessa(content)
    assert (layout, bank) == (spec["layout"], spec["bank"])
    assert [(e.amount, e.fine_percent, e.interest_per_day) for e in entries] == [
        (Decimal("1234.56"), Decimal("2.00"), Decimal("0.41")),
        (Decimal("10.00"), Decimal("0.00"), Decimal("0.41")),
    ]


@pytest.mark.parametrize(
    ("spec", "changes", "title", "field", "message"),
    [
        (ITAU, {"beneficiary": {"account_dv": "8"}}, {}, "conta_dv",
         "DV não confere: informado 8, calculado 7."),
        (ITAU, {"beneficiary": {"wallet": "175"}}, {}, "carteira", "Carteira do Itaú: 109"),
        (ITAU, {}, {"nosso_numero": "123456789"}, "titulos[0].nosso_numero", "no máximo 8"),
        (ITAU, {}, {"payer_name": "X" * 31}, "titulos[0].pagador", "no máximo 30 caracteres"),
        (SICOOB, {}, {"nosso_numero": "21-7"}, "titulos[0].nosso_numero",
         "DV não confere: informado 7, calculado 8."),
        (SICOOB, {}, {"nosso_numero": "12345678"}, "titulos[0].nosso_numero", "no máximo 7"),
        (SICOOB, {"modality": "09"}, {}, "modalidade", "Modalidade do Sicoob inválida"),
        (SICOOB, {"beneficiary": {"agency_dv": ""}}, {}, "agencia_dv", "Informe os DVs"),
        (SICOOB, {"beneficiary": {"agreement": "12345678"}}, {}, "convenio", "no máximo 7"),
        (SICREDI, {}, {"nosso_numero": "07/100003"}, "titulos[0].nosso_numero",
         "byte de geração (2 a 9)"),
        (SICREDI, {}, {"nosso_numero": "07/200003-5"}, "titulos[0].nosso_numero",
         "DV não confere: informado 5, calculado 1."),
        (SICREDI, {"post": "X1"}, {}, "posto", "Posto: use apenas dígitos"),
    ],
)  # fmt: skip
def test_refusals(spec, changes, title, field, message):
    with pytest.raises(BankingError) as caught:
        build_remessa(remessa(spec, titles=[replace(TITLE, **title)], **changes))
    assert caught.value.field == field
    assert message in caught.value.message, caught.value.message
