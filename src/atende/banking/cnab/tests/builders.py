"""Synthetic return files for the tests and the benchmark (the real ones are in shared/), and
the título the remessa tests share."""

from datetime import UTC, date, datetime
from decimal import Decimal

from atende.banking.cnab.remessa import RemessaTitle
from atende.banking.cnab.writer import Line
from atende.banking.digits import modulo11_caixa

CPF, CNPJ = "52998224725", "11222333000181"
WHEN = datetime(2026, 3, 2, 9, 30, 5, tzinfo=UTC)
# Every optional field filled (fine, daily interest, discount, address), so each one is seen
# in the file; tests change the nosso número with dataclasses.replace.
TITLE = RemessaTitle(
    nosso_numero="4567", document_number="FAT-88", due_date=date(2026, 4, 10),
    amount=Decimal("1234.56"), payer_name="João da Silva", payer_document=CPF,
    issue_date=date(2026, 3, 1), payer_address="Rua das Flores, 10", payer_district="Centro",
    payer_city="São Paulo", payer_state="SP", payer_postal_code="01310-100",
    fine_percent=Decimal("2.00"), interest_per_day=Decimal("0.41"),
    discount_amount=Decimal("12.34"), discount_until=date(2026, 4, 5),
    company_reference="BOLETO-77",
)  # fmt: skip


def cnab240_return(records: int, *, per_batch: int = 10_000, y_segments: int = 0) -> bytes:
    """A Caixa CNAB 240 return with `records` títulos (T + U, movimento 06), in batches of
    `per_batch`; `y_segments` optional Y records after each U (data the parser skips)."""
    header = Line(240).num(1, 3, "104").num(4, 8, "0").put(143, 143, "2")
    lines, batches = [str(header.num(144, 151, "01122026"))], max(1, -(-records // per_batch))
    for batch in range(1, batches + 1):
        lines.append(str(Line(240).num(1, 3, "104").num(4, 7, batch).put(8, 8, "1")))
        count = min(per_batch, records - (batch - 1) * per_batch)
        sequence = 0
        for index in range(count):
            number = (batch - 1) * per_batch + index
            t = Line(240).num(1, 3, "104").num(4, 7, batch).put(8, 8, "3")
            t.num(9, 13, sequence + 1).put(14, 14, "T").num(16, 17, 6)
            nosso_numero = f"14{number:015d}"  # CX-240 p.50: 40-41 + 42-56, DV at 57
            t.put(40, 57, nosso_numero + str(modulo11_caixa(nosso_numero)))
            t.num(74, 81, "10122026").num(82, 96, 9990)
            t.num(97, 99, "104").num(199, 213, 150)
            u = Line(240).num(1, 3, "104").num(4, 7, batch).put(8, 8, "3")
            u.num(9, 13, sequence + 2).put(14, 14, "U").num(16, 17, 6).num(78, 92, 9990)
            u.num(93, 107, 9840).num(138, 145, "09122026").num(146, 153, "10122026")
            for column in (18, 33, 48, 63, 108, 123):
                u.num(column, column + 14, 0)
            lines += [str(t), str(u)]
            for extra in range(y_segments):
                y = Line(240).num(1, 3, "104").num(4, 7, batch).put(8, 8, "3")
                lines.append(str(y.num(9, 13, sequence + 3 + extra).put(14, 14, "Y")))
            sequence += 2 + y_segments
        trailer = Line(240).num(1, 3, "104").num(4, 7, batch).put(8, 8, "5")
        lines.append(str(trailer.num(18, 23, sequence + 2)))
    final = Line(240).num(1, 3, "104").num(4, 7, 9999).put(8, 8, "9").num(18, 23, batches)
    lines.append(str(final.num(24, 29, len(lines) + 1)))
    return ("\r\n".join(lines) + "\r\n").encode()
