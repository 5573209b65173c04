"""Generated remessas read back at the manuals' positions.

The position tables below are written here from the layouts (FACTS.md §9-§10, BRA-400 p.9-16,
BB CBR641, FEBRABAN BRA-240 segments P/Q/R as in CX-240 and BB-240) and checked against the
banks' samples in shared/banking-fixtures/remessa. They are deliberately not imported from the
writer: a field the writer puts in the wrong place fails here.
"""

from datetime import date
from decimal import Decimal

import pytest

from atende.banking.cnab.remessa import Remessa, RemessaTitle, build_remessa
from atende.banking.cnab.tests.builders import CNPJ, CPF, TITLE, WHEN
from atende.banking.models import Beneficiary
from atende.banking.tests.fixtures import FIXTURES

BENEFICIARIES = {
    ("400", "001"): Beneficiary(agency="1234", account="12345", agreement="1234567",
                                wallet="17", wallet_variation="019"),
    ("400", "237"): Beneficiary(agency="1467", account="19669", account_dv="P",
                                agreement="4540691", wallet="09"),
    ("240", "001"): Beneficiary(agency="1234", account="12345", agreement="1234567",
                                wallet="17", wallet_variation="019"),
    ("240", "104"): Beneficiary(agency="0667", agency_dv="0", agreement="052634", wallet="RG"),
    ("240", "237"): Beneficiary(agency="1467", agency_dv="2", account="19669",
                                account_dv="P", agreement="4540691", wallet="09"),
}  # fmt: skip

# ---- CNAB 400 ---------------------------------------------------------------------------
HEADER_400 = {"literal": (1, 19), "date": (95, 100), "sequence": (395, 400)}
BB_400_HEADER = HEADER_400 | {"agency": (27, 30), "agency_dv": (31, 31), "account": (32, 39),
                              "account_dv": (40, 40), "company": (47, 76), "bank": (77, 94),
                              "file_sequence": (101, 107), "leader": (130, 136)}  # fmt: skip
BRADESCO_400_HEADER = HEADER_400 | {"code": (27, 46), "company": (47, 76), "bank": (77, 79),
                                    "system": (109, 110), "file_sequence": (111, 117)}  # fmt: skip
DETAIL_400 = {  # common to CBR641 and BRA-400
    "type": (1, 1), "command": (109, 110), "document": (111, 120), "due": (121, 126),
    "amount": (127, 139), "species": (148, 149), "accept": (150, 150), "issued": (151, 156),
    "interest": (161, 173), "discount_until": (174, 179), "discount": (180, 192),
    "payer_kind": (219, 220), "payer_document": (221, 234), "sequence": (395, 400),
}  # fmt: skip
BB_400_DETAIL = DETAIL_400 | {  # CBR641 type 7
    "company_kind": (2, 3), "company_document": (4, 17), "agency": (18, 21),
    "agency_dv": (22, 22), "account": (23, 30), "account_dv": (31, 31),
    "agreement": (32, 38), "reference": (39, 63), "nosso_numero": (64, 80),
    "variation": (92, 94), "wallet": (107, 108), "payer": (235, 271),
    "address": (275, 314), "district": (315, 326), "cep": (327, 334), "city": (335, 349),
    "state": (350, 351),
}  # fmt: skip
BB_400_FINE = {"type": (1, 1), "service": (2, 3), "code": (4, 4), "from": (5, 10),
               "rate": (11, 22), "sequence": (395, 400)}  # fmt: skip
BRADESCO_400_DETAIL = DETAIL_400 | {  # BRA-400 p.9-16
    "wallet": (22, 24), "agency": (25, 29), "account": (30, 36), "account_dv": (37, 37),
    "reference": (38, 62), "fine_flag": (66, 66), "fine": (67, 70),
    "nosso_numero": (71, 81), "nosso_numero_dv": (82, 82), "issuer": (93, 93),
    "payer": (235, 274), "address": (275, 314), "cep": (327, 334),
}  # fmt: skip

COMMON_400 = {"command": "01", "document": "FAT-88    ", "due": "100426",
              "amount": "0000000123456", "accept": "N", "issued": "010326",
              "interest": "0000000000041", "discount_until": "050426",
              "discount": "0000000001234", "payer_kind": "01",
              "payer_document": "000" + CPF}  # fmt: skip
EXPECTED_400 = {
    "001": (
        BB_400_HEADER | {}, {"literal": "01REMESSA01COBRANCA", "agency": "1234",
                             "agency_dv": "3", "account": "00012345", "account_dv": "5",
                             "company": "ATENDE SERVICOS LTDA".ljust(30),
                             "bank": "001BANCODOBRASIL  ", "date": "020326",
                             "file_sequence": "0000042", "leader": "1234567",
                             "sequence": "000001"},
        BB_400_DETAIL, COMMON_400 | {
            "type": "7", "company_kind": "02", "company_document": CNPJ, "agency": "1234",
            "agency_dv": "3", "account": "00012345", "account_dv": "5",
            "agreement": "1234567", "reference": "BOLETO-77".ljust(25),
            "nosso_numero": "12345670000004567", "variation": "019", "wallet": "17",
            "species": "01", "payer": "JOAO DA SILVA".ljust(37),
            "address": "RUA DAS FLORES, 10".ljust(40), "district": "CENTRO".ljust(12),
            "cep": "01310100", "city": "SAO PAULO".ljust(15), "state": "SP",
            "sequence": "000002",
        },
    ),
    "237": (
        BRADESCO_400_HEADER, {"literal": "01REMESSA01COBRANCA",
                              "code": "00000000000004540691",
                              "company": "ATENDE SERVICOS LTDA".ljust(30), "bank": "237",
                              "system": "MX", "file_sequence": "0000042", "date": "020326",
                              "sequence": "000001"},
        BRADESCO_400_DETAIL, COMMON_400 | {
            "type": "1", "wallet": "009", "agency": "01467", "account": "0019669",
            "account_dv": "P", "reference": "BOLETO-77".ljust(25), "fine_flag": "2",
            "fine": "0200", "nosso_numero": "00000004567", "nosso_numero_dv": "8",
            "issuer": "2", "species": "01", "payer": "JOAO DA SILVA".ljust(40),
            "address": "RUA DAS FLORES, 10".ljust(40), "cep": "01310100", "sequence": "000002",
        },
    ),
}  # fmt: skip


def build(layout: str, bank: str, titles=(TITLE,)) -> list[str]:
    remessa = Remessa(bank=bank, layout=layout, beneficiary=BENEFICIARIES[(layout, bank)],
                      company_name="Atende Serviços Ltda", company_document=CNPJ, sequence=42,
                      titles=list(titles), generated_at=WHEN)  # fmt: skip
    content = build_remessa(remessa)
    assert content.endswith(b"\r\n")
    return content.decode("ascii").split("\r\n")[:-1]


def read(line: str, table: dict[str, tuple[int, int]]) -> dict[str, str]:
    return {name: line[start - 1 : end] for name, (start, end) in table.items()}


@pytest.mark.parametrize("bank", ["001", "237"])
def test_cnab400_fields_at_the_manuals_positions(bank):
    header_table, header, detail_table, detail = EXPECTED_400[bank]
    lines = build("400", bank)
    assert {len(line) for line in lines} == {400}
    assert read(lines[0], header_table) == header
    assert read(lines[1], detail_table) == detail
    if bank == "001":  # the fine travels in a type-5 record right after the título
        assert read(lines[2], BB_400_FINE) == {"type": "5", "service": "99", "code": "2",
                                               "from": "110426", "rate": "000000000200",
                                               "sequence": "000003"}  # fmt: skip
    assert lines[-1][0] == "9"
    assert lines[-1][394:] == f"{len(lines):06d}"


# ---- CNAB 240 ---------------------------------------------------------------------------
FILE_HEADER = {"bank": (1, 3), "batch": (4, 7), "type": (8, 8), "company_kind": (18, 18),
               "company_document": (19, 32), "agreement": (33, 52), "agency": (53, 57),
               "agency_dv": (58, 58), "account": (59, 70), "account_dv": (71, 71),
               "company": (73, 102), "direction": (143, 143), "date": (144, 151),
               "time": (152, 157), "file_sequence": (158, 163)}  # fmt: skip
BATCH_HEADER = {"bank": (1, 3), "batch": (4, 7), "type": (8, 8), "operation": (9, 9),
                "service": (10, 11), "company_kind": (18, 18), "company_document": (19, 33),
                "agreement": (34, 53), "agency": (54, 58), "agency_dv": (59, 59),
                "account": (60, 71), "account_dv": (72, 72), "company": (74, 103),
                "file_sequence": (184, 191), "date": (192, 199)}  # fmt: skip
SEGMENT_P = {"type": (8, 8), "sequence": (9, 13), "segment": (14, 14), "command": (16, 17),
             "agency": (18, 22), "agency_dv": (23, 23), "account_block": (24, 37),
             "nosso_numero": (38, 57), "wallet": (58, 58), "document": (63, 77),
             "due": (78, 85), "amount": (86, 100), "species": (107, 108), "accept": (109, 109),
             "issued": (110, 117), "interest_code": (118, 118), "interest_from": (119, 126),
             "interest": (127, 141), "discount_code": (142, 142),
             "discount_until": (143, 150), "discount": (151, 165), "reference": (196, 220),
             "protest": (221, 221), "currency": (228, 229)}  # fmt: skip
SEGMENT_Q = {"segment": (14, 14), "payer_kind": (18, 18), "payer_document": (19, 33),
             "payer": (34, 73), "address": (74, 113), "district": (114, 128),
             "cep": (129, 133), "cep_suffix": (134, 136), "city": (137, 151),
             "state": (152, 153)}  # fmt: skip
SEGMENT_R = {"segment": (14, 14), "fine_code": (66, 66), "fine_from": (67, 74),
             "fine": (75, 89)}  # fmt: skip
TRAILERS = {"type": (8, 8), "count": (18, 23)}

COMPANY_240 = {"company_kind": "2", "company": "ATENDE SERVICOS LTDA".ljust(30)}
P_COMMON = {"type": "3", "sequence": "00001", "segment": "P", "command": "01",
            "due": "10042026", "amount": "000000000123456", "species": "02", "accept": "N",
            "issued": "01032026", "interest_code": "1", "interest_from": "11042026",
            "interest": "000000000000041", "discount_code": "1", "discount_until": "05042026",
            "discount": "000000000001234", "reference": "BOLETO-77".ljust(25),
            "protest": "3", "currency": "09"}  # fmt: skip
Q_EXPECTED = {"segment": "Q", "payer_kind": "1", "payer_document": "0000" + CPF,
              "payer": "JOAO DA SILVA".ljust(40), "address": "RUA DAS FLORES, 10".ljust(40),
              "district": "CENTRO".ljust(15), "cep": "01310", "cep_suffix": "100",
              "city": "SAO PAULO".ljust(15), "state": "SP"}  # fmt: skip
R_EXPECTED = {"segment": "R", "fine_code": "2", "fine_from": "11042026",
              "fine": "000000000000200"}  # fmt: skip
# Per bank: header 33-52 / batch 34-53, the account block and the nosso número. Bradesco
# DV of 09 + 00000004567 by hand: weights 2..7 from the right give 135, 135 mod 11 = 3, 11 − 3 = 8.
EXPECTED_240 = {
    # BB: convênio(9) + 0014 + carteira + variação + 2 brancos, as in the sample and in
    # both BB return files (FACTS.md fixtures README); P 58 = 7 for carteira 17.
    "001": {"agreement": "001234567001417019  ", "agency": "01234", "agency_dv": "3",
            "account": "000000012345", "account_dv": "5",
            "p": {"account_block": "000000012345" + "5 ",
                  "nosso_numero": "12345670000004567   ", "wallet": "7",
                  "document": "FAT-88".ljust(15)}},
    # Caixa: zeros where the sample has zeros (header 33-52, batch 40-53, P 38-40) and the
    # modalidade from the carteira (RG → 14), CX-240 p.50.
    "104": {"agreement": "0" * 20, "batch_agreement": "052634" + "0" * 14, "agency": "00667",
            "agency_dv": "0", "account": "052634000000", "account_dv": "0",
            "p": {"account_block": "05263400000000", "nosso_numero": "00014000000000004567",
                  "wallet": "1", "document": "FAT-88".ljust(15)}},
    "237": {"agreement": "00000000000004540691", "agency": "01467", "agency_dv": "2",
            "account": "000000019669", "account_dv": "P",
            "p": {"account_block": "000000019669P ", "nosso_numero": "00900000000000045678",
                  "wallet": "1", "document": "FAT-88".ljust(15)}},
}  # fmt: skip


@pytest.mark.parametrize("bank", ["001", "104", "237"])
def test_cnab240_fields_at_the_manuals_positions(bank):
    expected = EXPECTED_240[bank]
    header, batch, p, q, r, batch_trailer, trailer = build("240", bank)
    account = {key: expected[key] for key in ("agency", "agency_dv", "account", "account_dv")}
    assert read(header, FILE_HEADER) == COMPANY_240 | account | {
        "bank": bank, "batch": "0000", "type": "0", "company_document": CNPJ,
        "agreement": expected["agreement"], "direction": "1", "date": "02032026",
        "time": "093005", "file_sequence": "000042"}  # fmt: skip
    assert batch[11:13] == ("00" if bank == "104" else "  ")  # as in the Caixa and BB samples
    assert read(batch, BATCH_HEADER) == COMPANY_240 | account | {
        "bank": bank, "batch": "0001", "type": "1", "operation": "R", "service": "01",
        "company_document": "0" + CNPJ,
        "agreement": expected.get("batch_agreement", expected["agreement"]),
        "file_sequence": "00000042", "date": "02032026"}  # fmt: skip
    agency = {"agency": expected["agency"], "agency_dv": expected["agency_dv"]}
    assert read(p, SEGMENT_P) == P_COMMON | agency | expected["p"]
    assert read(q, SEGMENT_Q) == Q_EXPECTED
    assert read(r, SEGMENT_R) == R_EXPECTED
    assert read(batch_trailer, TRAILERS) == {"type": "5", "count": "000005"}
    assert read(trailer, TRAILERS) == {"type": "9", "count": "000001"}
    assert trailer[23:29] == "000007"
    assert {len(line) for line in (header, batch, p, q, r, batch_trailer, trailer)} == {240}


def test_without_fine_interest_or_discount_the_codes_say_so():
    plain = RemessaTitle("1", "1", date(2026, 4, 10), Decimal("10.00"), "Ana", CPF,
                         payer_address="Rua A", payer_city="Campinas", payer_state="SP",
                         payer_postal_code="13010000")  # fmt: skip
    lines = build("240", "104", titles=[plain])
    assert len(lines) == 6  # no segment R
    p = read(lines[2], SEGMENT_P)
    assert (p["interest_code"], p["interest"], p["discount_code"], p["discount"]) == (
        "3", "0" * 15, "0", "0" * 15)  # fmt: skip
    assert len(build("400", "001", titles=[plain])) == 3  # no type-5 record
    assert build("400", "237", titles=[plain])[1][65:70] == "00000"


SAMPLES = {
    ("400", "001"): "bb-cnab400-remessa-1.rem",
    ("400", "237"): "bradesco-cnab400-remessa-1.rem",
    ("240", "001"): "bb-cnab240-remessa-1.rem",
    ("240", "104"): "caixa-cnab240-remessa-1.rem",
}
# Constant fields: what these positions hold does not depend on the título or the company.
CONSTANT = {
    "400": [(0, 1, 19), (1, 109, 110), (1, 150, 150)],
    "240": [(0, 1, 8), (0, 143, 143), (1, 1, 11), (2, 8, 17), (2, 109, 109),
            (2, 221, 221), (2, 228, 229), (3, 14, 17)],
}  # fmt: skip
SAMPLE_MATCHES = {  # bank-specific constants the samples confirm
    ("240", "104"): [(0, 33, 52), (1, 40, 53), (2, 38, 40), (2, 224, 227), (0, 192, 211)],
    ("240", "001"): [(0, 42, 45), (1, 43, 46)],  # the "0014" after the convênio
    ("400", "237"): [(0, 77, 94), (0, 109, 110), (1, 93, 94), (1, 148, 149)],
    ("400", "001"): [(0, 77, 94), (1, 148, 149)],
}


@pytest.mark.parametrize(("key", "sample"), sorted(SAMPLES.items()))
def test_constant_fields_match_the_bank_samples(key, sample):
    if not FIXTURES.is_dir():
        pytest.skip(f"shared/banking-fixtures not found beside the clone ({FIXTURES})")
    ours = build(*key)
    theirs = (FIXTURES / "remessa" / sample).read_text().split("\n")
    assert {len(line) for line in ours} == {len(line) for line in theirs if line}
    for index, start, end in CONSTANT[key[0]] + SAMPLE_MATCHES[key]:
        assert ours[index][start - 1 : end] == theirs[index][start - 1 : end], (index, start)
