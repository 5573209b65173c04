"""Synthetic return files for the tests and the benchmark (the real ones are in shared/)."""

from atende.banking.cnab.writer import Line
from atende.banking.digits import modulo11_caixa


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
