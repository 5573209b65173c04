"""Read a return file (.RET): detect the layout and the bank, then parse all or nothing."""

from atende.banking.cnab import cnab240, cnab400
from atende.banking.cnab.errors import CnabError
from atende.banking.cnab.fields import Record
from atende.banking.cnab.models import ReturnFile

SUPPORTED_BANKS = {"001", "104", "237"}


def split_records(data: bytes | str) -> list[Record]:
    """Lines as records: CRLF or LF, an optional EOF (0x1A) and empty last line; ASCII only."""
    if isinstance(data, bytes):
        text = None
        for number, raw in enumerate(data.split(b"\n"), start=1):
            try:
                raw.decode("ascii")
            except UnicodeDecodeError:
                raise CnabError("caracteres que não são ASCII (arquivo corrompido?)",
                                line=number) from None  # fmt: skip
        text = data.decode("ascii")
    else:
        text = data
    lines = text.replace("\r\n", "\n").rstrip("\x1a").split("\n")
    while lines and not lines[-1].strip("\x1a \r"):
        lines.pop()
    if not lines:
        raise CnabError("arquivo vazio")
    records = []
    for number, line in enumerate(lines, start=1):
        if any(ord(char) < 32 or ord(char) > 126 for char in line):
            raise CnabError("caracteres de controle ou fora do ASCII", line=number)
        records.append(Record(line, number))
    return records


def parse_return(data: bytes | str) -> ReturnFile:
    """The header and every occurrence of a CNAB 240 or 400 return file, or one CnabError."""
    records = split_records(data)
    first = records[0].text
    length = len(first.rstrip())
    if first.startswith("0") and len(first) in (400, 401) and first[1:2] == "2":
        bank = first[77:80] if len(first) == 401 else first[76:79]  # BB's 401-wide header
        if bank not in SUPPORTED_BANKS:
            raise CnabError(f"banco {bank} não suportado em CNAB 400", line=1)
        return cnab400.parse(records, bank)
    if len(first) <= 241 and first[7:8] == "0" and length >= 143:
        bank = first[0:3]
        if bank not in SUPPORTED_BANKS:
            raise CnabError(f"banco {bank} não suportado em CNAB 240", line=1)
        return cnab240.parse(records, bank)
    raise CnabError(
        f"não é um arquivo de retorno CNAB 240 ou 400 (primeira linha com {len(first)} "
        "caracteres, sem o registro header)",
        line=1,
    )
