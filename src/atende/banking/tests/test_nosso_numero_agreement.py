"""One título, one nosso número: what the boleto prints (`boleto_codes(...).nosso_numero`, the
rules in banks/) and what a return file gives back for it (`nosso_numero_printed`, cnab/) are the
same string, for the seven banks; and the check digits the remessa writes (cnab/) are the ones
the boleto prints (banks/).

1. Every título of the real return files in shared/banking-fixtures: the boleto is built from
   what the file says (carteira, number, the header's agência and conta) and must print what the
   parser prints. Where a DV depends on data the sample does not carry (Sicoob's código do
   cliente, Sicredi's cooperativa and posto) or masks (Itaú's laravel sample, Santander's
   zeroed numbers), everything but the DV is compared.
2. Every boleto vector: the nosso número as the bank writes it back (at the positions of
   FACTS.md §5, §8-§9 and FACTS-more-banks.md §1.3-§4.4, written here, not taken from the
   parser) reads back as the boleto printed it, in every return layout of its bank.
3. Hypothesis, per bank: random títulos; the remessa we write for one (cnab/ computes the
   Bradesco, Itaú, Sicoob and Sicredi DVs) is echoed by the bank in its return at the return's
   positions, and the parser must give back the boleto's printed nosso número.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atende.banking.boleto import boleto_codes, boleto_from_inputs
from atende.banking.cnab import Occurrence, ReturnHeader, parse_return
from atende.banking.cnab.remessa import Remessa, build_remessa
from atende.banking.cnab.tests.builders import CNPJ, TITLE, WHEN
from atende.banking.digits import modulo10
from atende.banking.models import Beneficiary
from atende.banking.tests.fixtures import (
    boleto_inputs,
    more_bank_vectors,
    require_fixtures,
    return_files,
    vectors,
)

require_fixtures()

Span = tuple[int, int]
Fields = dict[Span, str]
BASE = {"valor": "123.45", "vencimento": "2026-05-04", "data_documento": "2026-04-01"}


def printed_by_boleto(inputs: dict[str, Any]) -> str:
    return boleto_codes(boleto_from_inputs({**BASE, **inputs})).nosso_numero


def number_part(printed: str) -> str:
    """The printed nosso número without its DV and carteira: what `nosso_numero` holds (the
    Sicredi year stays: AA/Byyyyy is one number)."""
    number = printed.rsplit("-", 1)[0]
    head, slash, tail = number.partition("/")
    if not slash:
        return number
    return head + tail if len(tail) == 6 else tail


# --- 1. The real return files ----------------------------------------------------------------

# Two DVs in the public samples are not the DV of their bank's rule, while every other título
# of the same files is: values typed by hand for a library's test (the parser keeps the DV the
# file carries, never recomputes it, so these two disagree with the boleto).
SAMPLE_DV_TYPOS = {
    # brcobranca's CNAB400BRADESCO.RET: its spec asserts this nosso número (FACTS.md §8.2 and
    # the fixtures README); carteira 09 + 00000000030 gives 5 by BRA-400 p.17-19. The other
    # five títulos of the file (51350000004-P, …) have the rule's DV.
    ("bradesco-cnab400-1.ret", 2): ("09/00000000030-3", "09/00000000030-5"),
    # node-boleto's edi.spec.js string: título 1 (carteira 25, NN 6) has 0, the rule gives 4;
    # título 2 (26/00027861336-2) has the rule's DV.
    ("bradesco-cnab400-3.ret", 2): ("25/00000000006-0", "25/00000000006-4"),
}


def _inputs_from_return(
    occurrence: Occurrence, header: ReturnHeader
) -> tuple[dict[str, Any], bool]:
    """The boleto of this título as far as the file tells it, and whether the file carries all
    the data the DV depends on."""
    bank, number = header.bank, occurrence.nosso_numero
    printed = occurrence.nosso_numero_printed
    if bank == "001":  # convênio 7 in every sample: convênio + sequence, no DV (FACTS.md §5)
        assert len(number) == 17
        return {"convenio": number[:7], "nosso_numero": number[7:], "carteira": "17"}, True
    if bank == "104":  # modalidade + 15; the DV covers only those (FACTS.md §6)
        return {"codigo_beneficiario": header.agreement, "nosso_numero": number}, True
    if bank == "237":  # DV over carteira + NN (BRA-400 p.17-19); agência/conta do not enter
        inputs = {"agencia": "1234", "conta": "1234567", "carteira": printed[:2]}
        return inputs | {"nosso_numero": number}, True
    if bank == "341":  # DAC over agência + conta + carteira + NN (ITAU-BOL Anexo 4)
        agency, account = header.agency, header.account[:5]
        # laravel-boleto's sample has a made-up header: its conta DV is not the DAC (Anexo 3).
        genuine = header.account[5:] == str(modulo10(agency + account))
        inputs = {"agencia": agency, "conta": account, "carteira": printed[:3]}
        return inputs | {"nosso_numero": number}, genuine
    if bank == "033":  # DV over the 12 digits (SAN-BOL p.15); br_boleto's sample zeroes them
        inputs = {"codigo_beneficiario": "1234567", "carteira": "101", "nosso_numero": number}
        return inputs, bool(number.strip("0"))
    if bank == "756":  # the DV needs the código do cliente, which the 240 header lacks and the
        # 400 sample's header does not give (br_boleto's values); only the form is compared
        inputs = {"agencia": "3069", "codigo_beneficiario": "0172278", "carteira": "1"}
        return inputs | {"nosso_numero": number}, False
    assert bank == "748"  # the DV needs cooperativa and posto: not in the samples' headers
    inputs = {"agencia": "0165", "posto": "02", "codigo_beneficiario": "00623", "carteira": "1"}
    return inputs | {"nosso_numero": number}, False


def test_every_titulo_of_the_real_return_files_prints_as_its_boleto():
    compared, dv_compared, disagreements = 0, 0, {}
    for path in return_files():
        if path.name == "sicoob-cnab240-2.ret":  # its trailer miscounts (test_returns_*)
            data = path.read_bytes().replace(b"000001000012", b"000001000014")
        else:
            data = path.read_bytes()
        result = parse_return(data)
        for occurrence in result.occurrences:
            if not occurrence.nosso_numero:  # tarifas with no título (Caixa 28, 34)
                continue
            inputs, dv_known = _inputs_from_return(occurrence, result.header)
            printed = printed_by_boleto({"bank": result.header.bank, **inputs})
            returned = occurrence.nosso_numero_printed
            where = f"{path.name}:{occurrence.line}"
            assert printed.rsplit("-", 1)[0] == returned.rsplit("-", 1)[0], where
            assert ("-" in printed) == ("-" in returned), where
            assert occurrence.nosso_numero == number_part(returned), where
            compared += 1
            if dv_known:
                dv_compared += 1
                if printed != returned:
                    disagreements[(path.name, occurrence.line)] = (returned, printed)
    assert disagreements == SAMPLE_DV_TYPOS
    assert (compared, dv_compared) == (228, 197)


# --- How a bank writes the nosso número back in its return files ----------------------------


def record(width: int, fields: Fields) -> str:
    chars = [" "] * width
    for (start, end), value in fields.items():
        assert len(value) == end - start + 1, (start, end, value)
        chars[start - 1 : end] = value
    return "".join(chars)


def return_400(bank: str, fields: Fields) -> Occurrence:
    """A one-título CNAB 400 return (FACTS.md §8, FACTS-more-banks.md §1.3-§4.3), parsed."""
    header = record(400, {(1, 19): "02RETORNO01COBRANCA", (77, 79): bank,
                          (395, 400): "000001"})  # fmt: skip
    detail_type = "7" if bank == "001" else "1"
    detail = record(400, {(1, 1): detail_type, (109, 110): "02", (395, 400): "000002"} | fields)
    trailer = {(1, 1): "9", (395, 400): "000003"}
    if bank == "237":  # BRA-400 p.43: the count of ocorrências 02
        trailer[(58, 62)] = "00001"
    if bank == "341":  # ITAU-BOL p.16: number of details and their total
        trailer |= {(213, 220): "00000001", (221, 234): "0" * 14}
    [occurrence] = parse_return(f"{header}\r\n{detail}\r\n{record(400, trailer)}\r\n").occurrences
    return occurrence


def return_240(bank: str, fields: Fields) -> Occurrence:
    """A one-título CNAB 240 return (T + U; FACTS.md §9, FACTS-more-banks.md §1.4-§4.4)."""
    header = record(240, {(1, 8): f"{bank}00000", (143, 151): "204052026"})
    batch = record(240, {(1, 8): f"{bank}00011", (9, 9): "T"})
    t = record(240, {(1, 8): f"{bank}00013", (9, 17): "00001T 02"} | fields)
    u = record(240, {(1, 8): f"{bank}00013", (9, 17): "00002U 02"})
    details = "000002" if bank == "033" else "000004"  # Santander counts T and U only
    batch_trailer = record(240, {(1, 8): f"{bank}00015", (18, 23): details})
    trailer = record(240, {(1, 8): f"{bank}99999", (18, 29): "000001000006"})
    text = "\r\n".join([header, batch, t, u, batch_trailer, trailer]) + "\r\n"
    [occurrence] = parse_return(text).occurrences
    return occurrence


def _digits(printed: str) -> str:
    return printed.replace("/", "").replace("-", "")


def fields_from_printed(bank: str, layout: str, printed: str) -> Fields | None:
    """The nosso-número block a bank writes for a boleto that printed `printed`, in one return
    layout; None where that layout cannot carry it."""
    number, _, dv = printed.rpartition("-") if "-" in printed else (printed, "", "")
    if bank == "001":
        # G069 (FACTS.md §5): convênio 4/6 = 11 + DV; convênio 7 and the free NN = 17, no
        # DV; convênio 8 [lib, not in G069]: the 17 digits and the DV the boleto prints.
        if layout == "400":  # CBR643 is for convênio 7 (FACTS.md §8.1)
            return {(64, 80): number} if len(number) == 17 and not dv else None
        return {(38, 57): (number + dv).ljust(20)}
    if bank == "104":  # CX-240 p.50: 40-41 modalidade, 42-56 NN, 57 DV; CX-400: no DV
        if len(number) != 17:
            return None  # SICOB (legacy) is not in the returns
        if layout == "400":
            return {(57, 73): number}
        return {(38, 57): f"  {number}{dv}"}
    if bank == "237":  # BRA-400 71-82 + carteira 22-24; BRA-240 carteira + 00000 + NN + DV
        wallet, body = number.split("/")
        if layout == "400":
            return {(22, 24): wallet.zfill(3), (71, 82): body + dv}
        return {(38, 57): f"{wallet.zfill(3)}00000{body}{dv}"}
    if bank == "341":  # ITAU-BOL p.13: 83-85 carteira, 86-93 NN, 94 DAC; ITAU-240 T 38-49
        return {(83, 94) if layout == "400" else (38, 49): _digits(printed)}
    if bank == "033":  # SAN-400 63-70: 7 + DV (SAN-BOL p.7: 5 leading zeros); SAN-240 41-53
        if layout == "400":
            return {(63, 70): number[5:] + dv} if number.startswith("00000") else None
        return {(41, 53): number + dv}
    if bank == "756":  # SIC-XLS sheet 04: 63-73 NN + 74 DV; sheet 06 row 80: T 38-47 NN + DV
        if layout == "400":
            return {(63, 74): number.zfill(11) + dv}
        return {(38, 57): f"{(number + dv).zfill(10)}01014     "}
    assert bank == "748"  # SCR-400 48-62 and SCR-240 T 38-57: AAByyyyyD, left-aligned
    if layout == "400":
        return {(48, 62): _digits(printed).ljust(15)}
    return {(38, 57): _digits(printed).ljust(20)}


def read_back(bank: str, layout: str, fields: Fields) -> Occurrence:
    return (return_400 if layout == "400" else return_240)(bank, fields)


# --- 2. Every boleto vector -------------------------------------------------------------------

BOLETOS = vectors("boleto") + more_bank_vectors("boleto")


@pytest.mark.parametrize("vector", BOLETOS, ids=lambda v: v["id"])
def test_every_vector_reads_back_from_its_banks_return_files(vector):
    printed = printed_by_boleto(boleto_inputs(vector))
    layouts = 0
    for layout in ("400", "240"):
        fields = fields_from_printed(vector["bank"], layout, printed)
        if fields is None:
            continue
        occurrence = read_back(vector["bank"], layout, fields)
        assert occurrence.nosso_numero_printed == printed, layout
        assert occurrence.nosso_numero == number_part(printed), layout
        layouts += 1
    # Caixa's legacy SICOB boletos are only read from the barcode; every other one comes back.
    assert layouts or "SICOB" in str(vector.get("layout")), printed


# --- 3. Random títulos: boleto, remessa, return ----------------------------------------------


def _remessa(bank: str, layout: str, beneficiary: Beneficiary, number: str, **extra: str) -> str:
    remessa = Remessa(bank=bank, layout=layout, beneficiary=beneficiary,
                      company_name="Atende Ltda", company_document=CNPJ, sequence=1,
                      titles=[replace(TITLE, nosso_numero=number)], generated_at=WHEN,
                      **extra)  # fmt: skip
    return build_remessa(remessa).decode("ascii")


def _detail(text: str, kind: str) -> str:
    """The first detail of a remessa: the type-1/7 record of a 400, the segment P of a 240."""
    lines = text.split("\r\n")
    if len(lines[0]) == 400:
        return next(line for line in lines[1:] if line[0] == kind)
    return next(line for line in lines if line[7] == "3" and line[13] == "P")


def at(line: str, start: int, end: int) -> str:
    return line[start - 1 : end]


@dataclass(frozen=True)
class Case:
    """One random título of one bank: the boleto's inputs and, per return layout, the block
    the bank writes back (taken from our remessa where we write one)."""

    inputs: dict[str, Any]
    echoed: dict[str, Fields]


def _bb(convenio: int, sequence: int, wallet: str) -> Case:
    beneficiary = Beneficiary(agency="4042", account="61900", agreement=str(convenio),
                              wallet=wallet, wallet_variation="019")  # fmt: skip
    p = _detail(_remessa("001", "240", beneficiary, str(sequence)), "P")
    detail = _detail(_remessa("001", "400", beneficiary, str(sequence)), "7")
    inputs = {"convenio": str(convenio), "nosso_numero": str(sequence), "carteira": wallet}
    # BB-240 G069 and CBR643 64-80: the bank echoes the nosso número it registered.
    return Case(inputs, {"240": {(38, 57): at(p, 38, 57)}, "400": {(64, 80): at(detail, 64, 80)}})


def _caixa(code: int, number: int, modality: str) -> Case:
    beneficiary = Beneficiary(agency="1234", agency_dv="0", agreement=str(code))
    p = _detail(_remessa("104", "240", beneficiary, str(number), modality=modality), "P")
    block = at(p, 41, 57)  # P 41-42 modalidade, 43-57 NN (CX-240 p.50): T has them at 40-56
    inputs = {"codigo_beneficiario": str(code).zfill(6), "nosso_numero": str(number),
              "modalidade": modality}  # fmt: skip
    # The DV (T 57) left blank and CX-400 has none: the parser computes it (FACTS.md §6).
    return Case(inputs, {"240": {(38, 57): f"  {block} "}, "400": {(57, 73): block}})


def _bradesco(wallet: str, number: int) -> Case:
    beneficiary = Beneficiary(agency="1467", agency_dv="2", account="19669", account_dv="0",
                              agreement="4540691", wallet=wallet)  # fmt: skip
    p = _detail(_remessa("237", "240", beneficiary, str(number)), "P")
    detail = _detail(_remessa("237", "400", beneficiary, str(number)), "1")
    inputs = {"agencia": "1467", "conta": "19669", "carteira": wallet,
              "nosso_numero": str(number)}  # fmt: skip
    return Case(
        inputs,
        {
            "240": {(38, 57): at(p, 38, 57)},
            "400": {(22, 24): at(detail, 22, 24), (71, 82): at(detail, 71, 82)},
        },
    )


def _itau(agency: int, account: int, wallet: str, number: int) -> Case:
    beneficiary = Beneficiary(agency=str(agency).zfill(4), account=str(account).zfill(5),
                              wallet=wallet)  # fmt: skip
    p = _detail(_remessa("341", "240", beneficiary, str(number)), "P")
    detail = _detail(_remessa("341", "400", beneficiary, str(number)), "1")
    assert at(detail, 63, 70) == at(p, 41, 48)  # CNAB 400 sends the NN alone
    inputs = {"agencia": str(agency).zfill(4), "conta": str(account).zfill(5),
              "carteira": wallet, "nosso_numero": str(number)}  # fmt: skip
    # ITAU-240 T 38-49 and ITAU-BOL 400 83-94: carteira, NN and the DAC our P 49 computed.
    return Case(inputs, {"240": {(38, 49): at(p, 38, 49)}, "400": {(83, 94): at(p, 38, 49)}})


def _sicoob(cooperative: int, client: int, number: int) -> Case:
    beneficiary = Beneficiary(agency=str(cooperative).zfill(4), agency_dv="0", account="12345",
                              account_dv="6", agreement=str(client).zfill(7))  # fmt: skip
    p = _detail(_remessa("756", "240", beneficiary, str(number), modality="01"), "P")
    inputs = {"agencia": str(cooperative).zfill(4), "codigo_beneficiario": str(client).zfill(7),
              "carteira": "1", "modalidade": "01", "nosso_numero": str(number)}  # fmt: skip
    block = at(p, 38, 47)  # NN + DV in 10 (SIC-XLS sheet 06 row 80)
    return Case(
        inputs,
        {"240": {(38, 57): at(p, 38, 57)}, "400": {(63, 74): block[:9].zfill(11) + block[9]}},
    )


def _sicredi(cooperative: int, post: int, code: int, year: int, byte: int, seq: int) -> Case:
    beneficiary = Beneficiary(agency=str(cooperative).zfill(4), account="41468",
                              account_dv="8", agreement=str(code).zfill(5))  # fmt: skip
    number = f"{year:02d}{byte}{seq:05d}"
    p = _detail(_remessa("748", "240", beneficiary, number, post=f"{post:02d}"), "P")
    inputs = {"agencia": str(cooperative).zfill(4), "posto": f"{post:02d}",
              "codigo_beneficiario": str(code).zfill(5), "carteira": "1",
              "nosso_numero": number}  # fmt: skip
    return Case(inputs, {"240": {(38, 57): at(p, 38, 57)}, "400": {(48, 62): at(p, 38, 52)}})


def _santander(code: int, number: int, wallet: str) -> Case:
    """No remessa is generated for Santander: the block is the campo livre's NN + DV (barcode
    28-40, SAN-BOL p.6), which is what the bank registered."""
    inputs = {"codigo_beneficiario": str(code).zfill(7), "carteira": wallet,
              "nosso_numero": str(number)}  # fmt: skip
    block = boleto_codes(boleto_from_inputs({**BASE, **inputs, "bank": "033"})).free_field[8:21]
    echoed = {"240": {(41, 53): block}}
    if block.startswith("00000"):
        echoed["400"] = {(63, 70): block[5:]}
    return Case(inputs, echoed)


digits = st.integers
CASES: dict[str, Callable[..., Case]] = {
    "001": _bb, "104": _caixa, "237": _bradesco, "341": _itau, "756": _sicoob, "748": _sicredi,
    "033": _santander,
}  # fmt: skip
STRATEGIES = {
    "001": st.tuples(digits(1_000_000, 9_999_999), digits(1, 10**10 - 1),
                     st.sampled_from(["11", "12", "17"])),
    "104": st.tuples(digits(1, 999_999), digits(1, 10**15 - 1), st.sampled_from(["11", "14"])),
    "237": st.tuples(st.sampled_from(["09", "06", "19", "26"]), digits(1, 10**11 - 1)),
    "341": st.tuples(digits(0, 9999), digits(1, 99_999),
                     st.sampled_from(["109", "110", "111", "121", "157"]),
                     digits(1, 10**8 - 1)),
    "756": st.tuples(digits(1, 9999), digits(1, 9_999_999), digits(1, 9_999_999)),
    "748": st.tuples(digits(1, 9999), digits(0, 99), digits(1, 99_999), digits(0, 99),
                     digits(2, 9), digits(0, 99_999)),
    "033": st.tuples(digits(1, 9_999_999), digits(1, 10**12 - 1),
                     st.sampled_from(["101", "102", "121", "201"])),
}  # fmt: skip


@pytest.mark.parametrize("bank", list(CASES))
def test_random_titulos_remessa_and_return_agree_with_the_boleto(bank):
    @settings(max_examples=60, deadline=None)
    @given(STRATEGIES[bank])
    def check(values: tuple[Any, ...]) -> None:
        case = CASES[bank](*values)
        printed = printed_by_boleto({**case.inputs, "bank": bank})
        for layout, fields in case.echoed.items():
            occurrence = read_back(bank, layout, fields)
            assert occurrence.nosso_numero_printed == printed, layout
            assert occurrence.nosso_numero == number_part(printed), layout
            # the printed form, as the bank would have written it, reads back the same
            again = fields_from_printed(bank, layout, printed)
            if again is not None:
                assert read_back(bank, layout, again).nosso_numero_printed == printed

    check()
