"""Read a return file (.RET): detect the layout and the bank, then parse all or nothing."""

from typing import BinaryIO

from atende.banking.cnab import cnab240, cnab400
from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.models import ReturnFile
from atende.banking.cnab.reader import MAX_BYTES, as_stream, read_records

BANKS_400 = {"001", "104", "237", "341", "033", "353", "756", "748"}
BANKS_240 = {"001", "104", "237", "341", "033", "756", "748"}


def parse_return(data: bytes | str | BinaryIO, *, max_bytes: int = MAX_BYTES) -> ReturnFile:
    """The header and every occurrence of a CNAB 240 or 400 return file, or one CnabError.

    `data` may be an open binary file: it is read line by line, never whole, and refused
    past `max_bytes`. Nothing is returned unless the whole file, trailers included, is sound.
    """
    records = read_records(as_stream(data), max_bytes=max_bytes)
    first = next(records, None)
    if first is None:
        raise CnabError("arquivo vazio")
    text = first.text
    if text.startswith("02") and len(text) in (400, 401):
        bank = text[77:80] if len(text) == 401 else text[76:79]  # BB's 401-wide header
        if bank not in BANKS_400:
            raise CnabError(f"banco {bank} não suportado em CNAB 400", line=1)
        return cnab400.parse(first, records, "033" if bank == "353" else bank)
    if len(text) <= 241 and text[7:8] == "0" and len(text.rstrip()) >= 143:
        bank = text[0:3]
        if bank not in BANKS_240:
            raise CnabError(f"banco {bank} não suportado em CNAB 240", line=1)
        return cnab240.parse(first, records, bank)
    raise CnabError(
        f"não é um arquivo de retorno CNAB 240 ou 400 (primeira linha com {len(text)} "
        "caracteres, sem o registro header)",
        line=1,
    )
