"""CNAB 400 returns: BB CBR643 (convênio 7), Bradesco and Caixa SIGCB (FACTS.md §8)."""

from decimal import Decimal

from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.fields import Record
from atende.banking.cnab.models import Occurrence, ReturnFile, ReturnHeader
from atende.banking.cnab.occurrences import is_payment, meaning

LENGTH = 400
DETAIL_TYPES = {"001": {"7"}, "237": {"1"}, "104": {"1"}}
OPTIONAL_TYPES = {"001": {"5"}, "237": {"2", "3", "4", "5"}, "104": set()}


def _header(record: Record, bank: str) -> ReturnHeader:
    if record.raw(2, 9) not in ("2RETORNO", "2R.TESTE"):
        raise CnabError("header não é de retorno (posições 2-9)", line=record.number)
    if bank == "001":
        return ReturnHeader(bank, record.alpha(80, 94), "400", record.alpha(150, 156),
                            record.alpha(27, 31), record.alpha(32, 40), record.alpha(47, 76),
                            record.integer(101, 107), record.date(95, 100))  # fmt: skip
    if bank == "237":
        return ReturnHeader(bank, record.alpha(80, 94), "400", record.alpha(27, 46), "", "",
                            record.alpha(47, 76), record.integer(109, 113),
                            record.date(95, 100))  # fmt: skip
    # Caixa: the code has 7 digits in files since ~2020 (31-37), 6 in the 2016 manual (31-36).
    return ReturnHeader(bank, record.alpha(80, 94), "400", record.alpha(31, 37).lstrip("0"),
                        record.alpha(27, 30), "", record.alpha(47, 76),
                        record.integer(390, 394), record.date(95, 100))  # fmt: skip


def _money_fields(r: Record, bank: str) -> dict[str, Decimal]:
    amount_paid = r.money(254, 266)
    fees = r.money(176, 188) if bank != "001" else r.money(182, 188)
    common: dict[str, Decimal] = {
        "amount": r.money(153, 165),
        "iof": r.money(215, 227),
        "rebate": r.money(228, 240),
        "discount": r.money(241, 253),
        "amount_paid": amount_paid,
        "fees": fees,
    }
    if bank == "104":  # 267-279 juros, 280-292 multa
        common["interest"] = r.money(267, 279) + r.money(280, 292)
        common["net_credit"] = amount_paid - fees
    else:
        common["interest"] = r.money(267, 279)
        common["other_credits"] = r.money(280, 292)
        common["net_credit"] = r.money(306, 318) if bank == "001" else amount_paid - fees
    return common


def _detail(r: Record, bank: str) -> Occurrence:
    code = r.digits(109, 110)
    if bank == "001":
        nosso_numero, credit, agency = r.alpha(64, 80), r.date(176, 181), r.alpha(169, 173)
        payment = r.date(111, 116)
        reasons: tuple[str, ...] = ()
    elif bank == "237":
        nosso_numero, credit, agency = r.alpha(71, 81), r.date(296, 301), r.alpha(169, 173)
        payment = r.date(111, 116)
        reasons = tuple(r.raw(s, s + 1) for s in range(319, 329, 2) if r.raw(s, s + 1).strip("0 "))
    else:
        nosso_numero = (r.raw(57, 58) + r.raw(59, 73)).strip() if r.raw(59, 73).strip("0 ") else ""
        credit, agency, payment = r.date(294, 299), r.alpha(169, 173), r.date(111, 116)
        reasons = (r.alpha(80, 82),) if r.alpha(80, 82).strip("0") else ()
    paid = is_payment("400", bank, code)
    return Occurrence(
        line=r.number,
        nosso_numero=nosso_numero,
        document_number=r.alpha(117, 126),
        code=code,
        meaning=meaning("400", bank, code),
        is_payment=paid,
        due_date=r.date(147, 152),
        occurrence_date=r.date(111, 116),
        payment_date=payment if paid else None,
        credit_date=credit,
        paying_agency=agency,
        reasons=reasons,
        paying_bank=r.digits(166, 168),
        **_money_fields(r, bank),
    )


def _fix_bb_header(record: Record) -> Record:
    """A BB header of 401 characters: the company name padded to 31 (FACTS.md §12)."""
    if len(record.text) == 401 and record.text[76] == " ":
        return Record(record.text[:76] + record.text[77:], record.number)
    return record


def parse(records: list[Record], bank: str) -> ReturnFile:
    records[0] = _fix_bb_header(records[0]) if bank == "001" else records[0]
    for record in records:
        if len(record.text) != LENGTH:
            raise CnabError(f"tamanho {len(record.text)}, esperado {LENGTH}", line=record.number)
    header = _header(records[0], bank)
    occurrences = []
    for record in records[1:-1]:
        kind = record.raw(1, 1)
        if kind in DETAIL_TYPES[bank]:
            occurrences.append(_detail(record, bank))
        elif kind == "0":
            raise CnabError("header repetido no meio do arquivo", line=record.number)
        elif kind == "9":
            raise CnabError("trailer antes do fim do arquivo", line=record.number)
        elif kind not in OPTIONAL_TYPES[bank]:
            raise CnabError(f"tipo de registro “{kind}” inválido", line=record.number)
    trailer = records[-1]
    if len(records) < 2 or trailer.raw(1, 1) != "9":
        raise CnabError("arquivo sem o trailer (registro 9) no fim", line=trailer.number)
    _check_trailer(trailer, bank, len(records), occurrences)
    return ReturnFile(layout="400", header=header, occurrences=occurrences)


def _check_trailer(trailer: Record, bank: str, count: int, occurrences: list[Occurrence]) -> None:
    """BB and Caixa number every record and the trailer carries the last number. Bradesco's
    trailer counts occurrences per code; 58-62 (code 02) is the one every sample agrees with
    (a public sample has a hand-edited sequence number, FACTS.md fixtures README)."""
    if bank == "237":
        confirmed = sum(1 for occurrence in occurrences if occurrence.code == "02")
        if trailer.integer(58, 62) != confirmed:
            raise CnabError(f"o trailer conta {trailer.integer(58, 62)} entradas confirmadas "
                            f"(02); o arquivo tem {confirmed}", line=trailer.number)  # fmt: skip
    elif trailer.integer(395, 400) != count:
        raise CnabError(f"o trailer tem o sequencial {trailer.integer(395, 400)}; "
                        f"o arquivo tem {count} registros", line=trailer.number)  # fmt: skip
