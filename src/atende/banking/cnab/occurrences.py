"""Occurrence codes per bank and layout, each with its meaning and what it does (its kind).

One table per bank: the same code means different things at different banks (Caixa 240 44 is
an estorno, BB 240 44 a cheque devolvido; Caixa 400 pays on 21, the others on 06). Sources:
FACTS.md §8.1-§9 (BB, Bradesco, Caixa) and FACTS-more-banks.md §1.3-§4.4 (Itaú, Santander,
Sicoob, Sicredi). An unknown code is kept with kind "other", never guessed as a payment.
"""

from atende.banking.cnab.models import OccurrenceKind

PAY = OccurrenceKind.PAYMENT
PART = OccurrenceKind.PARTIAL_PAYMENT
PEND = OccurrenceKind.PENDING
REV = OccurrenceKind.REVERSAL
OK = OccurrenceKind.ENTRY_CONFIRMED
REJ = OccurrenceKind.REJECTED
OFF = OccurrenceKind.WRITE_OFF
FEE = OccurrenceKind.FEE
OTHER = OccurrenceKind.OTHER

Table = dict[str, tuple[str, OccurrenceKind]]

# FEBRABAN C044 (BRA-240 p.30-31; CX-240 p.62-63), the base of every CNAB 240 table.
FEBRABAN_240: Table = {
    "02": ("Entrada confirmada", OK), "03": ("Entrada rejeitada", REJ),
    "06": ("Liquidação", PAY), "09": ("Baixa", OFF),
    "12": ("Confirmação de recebimento de instrução de abatimento", OTHER),
    "13": ("Confirmação de recebimento de instrução de cancelamento de abatimento", OTHER),
    "14": ("Confirmação de recebimento de instrução de alteração de vencimento", OTHER),
    "17": ("Liquidação após baixa ou título não registrado", PAY),
    "19": ("Confirmação de recebimento de instrução de protesto", OTHER),
    "20": ("Confirmação de recebimento de instrução de sustação de protesto", OTHER),
    "23": ("Remessa a cartório", OTHER), "24": ("Retirada de cartório", OTHER),
    "25": ("Protestado e baixado", OFF), "26": ("Instrução rejeitada", REJ),
    "27": ("Confirmação do pedido de alteração de outros dados", OTHER),
    "28": ("Débito de tarifas/custas", FEE), "30": ("Alteração de dados rejeitada", REJ),
}  # fmt: skip

CAIXA_240: Table = (
    FEBRABAN_240
    | dict.fromkeys(map(str, range(35, 42)), ("Banco de pagadores", OTHER))
    | dict.fromkeys(("51", "52", "53"), ("Título DDA", OTHER))
    | {
        "44": ("Estorno de baixa/liquidação", REV), "46": ("Liquidação on-line", PAY),
        "47": ("Estorno de liquidação on-line", REV),
        "61": ("Alteração de valor", OTHER), "62": ("Alteração de valor", OTHER),
    }
)  # fmt: skip
BB_240: Table = FEBRABAN_240 | {
    "44": ("Título pago com cheque devolvido", REV),
    "50": ("Título pago com cheque pendente de compensação", PEND),
    "85": ("Confirmação de inclusão de negativação", OTHER),
    "86": ("Confirmação de exclusão de negativação", OTHER),
}  # fmt: skip
ITAU_240: Table = (
    {
        "02": ("Entrada confirmada", OK), "03": ("Entrada rejeitada", REJ),
        "04": ("Alteração de dados", OTHER), "05": ("Alteração de dados", OTHER),
        "06": ("Liquidação normal", PAY), "08": ("Liquidação em cartório", PAY),
        "09": ("Baixa simples", OFF),
        # 10 and 59 follow a liquidation already reported: settling them would count it twice.
        "10": ("Baixa por ter sido liquidado", OTHER), "11": ("Em ser", OTHER),
        "12": ("Abatimento concedido", OTHER), "13": ("Abatimento cancelado", OTHER),
        "14": ("Vencimento alterado", OTHER), "25": ("Alegações do pagador", OTHER),
        "57": ("Instrução cancelada", OTHER),
        "59": ("Baixa por crédito em c/c através do SISPAG", OTHER),
        "64": ("Entrada confirmada com rateio de crédito", OK),
        "65": ("Pagamento com cheque: aguardando compensação", PEND),
        # FACTS-more-banks §1.3: 69 reverses a cheque payment, 76 confirms it.
        "69": ("Cheque devolvido", REV), "76": ("Cheque compensado", PAY),
    }
    | dict.fromkeys(("15", "16", "17", "18"), ("Rejeição (ver erros)", REJ))
    | dict.fromkeys(map(str, range(19, 25)), ("Protesto", OTHER))
    | dict.fromkeys(map(str, range(26, 48)), ("Tarifa/custas", FEE))
)  # fmt: skip
SANTANDER_240: Table = FEBRABAN_240 | {
    "04": ("Transferência de carteira/entrada", OTHER),
    "05": ("Transferência de carteira/baixa", OTHER), "11": ("Em ser", OTHER),
    "29": ("Ocorrências do pagador", OTHER),
    "51": ("Título DDA", OTHER), "52": ("Título DDA", OTHER), "53": ("Título DDA", OTHER),
    "61": ("Alteração de valor", OTHER), "91": ("Alteração de valor", OTHER),
    "92": ("Alteração de valor", OTHER),
    # SAN-400 p.24: the intraday baixa operacional is settled from the nightly file.
    "93": ("Baixa operacional", PEND), "94": ("Cancelamento da baixa operacional", OTHER),
    "A4": ("Pagador DDA", OTHER),
}  # fmt: skip
SICOOB_240: Table = FEBRABAN_240 | {
    "04": ("Transferência de carteira/entrada", OTHER),
    "05": ("Transferência de carteira/baixa", OTHER),
    "07": ("Confirmação do recebimento da instrução de desconto", OTHER),
    "08": ("Confirmação do recebimento do cancelamento do desconto", OTHER),
    "11": ("Títulos em carteira (em ser)", OTHER), "15": ("Franco de pagamento", OTHER),
}  # fmt: skip
SICREDI_240: Table = FEBRABAN_240 | {
    "07": ("Confirmação do recebimento da instrução de desconto", OTHER),
    "08": ("Confirmação do recebimento do cancelamento do desconto", OTHER),
    "36": ("Ocorrência 36 (SCR-240 p.65)", OTHER),
    "51": ("Título DDA", OTHER), "52": ("Título DDA", OTHER),
} | dict.fromkeys(map(str, range(78, 86)), ("Negativação", OTHER))  # fmt: skip

BB_400: Table = {
    "02": ("Confirmação de entrada", OK), "03": ("Comando recusado", REJ),
    "05": ("Liquidado sem registro", PAY), "06": ("Liquidação normal", PAY),
    "07": ("Liquidação por conta/parcial", PART), "08": ("Liquidação por saldo", PAY),
    "09": ("Baixa", OFF), "10": ("Baixa solicitada", OFF),
    "12": ("Abatimento concedido", OTHER), "13": ("Abatimento cancelado", OTHER),
    "14": ("Vencimento alterado", OTHER), "15": ("Liquidação em cartório", PAY),
    "20": ("Débito em conta", OTHER), "23": ("Encaminhado a cartório", OTHER),
    "28": ("Manutenção de título vencido", FEE), "44": ("Pago com cheque devolvido", REV),
    "46": ("Pago com cheque aguardando compensação", PEND),
    "72": ("Alteração de tipo de cobrança", OTHER), "96": ("Despesas de protesto", FEE),
    "97": ("Despesas de sustação de protesto", FEE), "98": ("Débito de custas antecipadas", FEE),
}  # fmt: skip
BRADESCO_400: Table = {
    "02": ("Entrada confirmada", OK), "03": ("Entrada rejeitada", REJ),
    "06": ("Liquidação normal", PAY), "09": ("Baixado automaticamente", OFF),
    "10": ("Baixado conforme instruções da agência", OFF), "11": ("Em ser", OTHER),
    "12": ("Abatimento concedido", OTHER), "13": ("Abatimento cancelado", OTHER),
    "14": ("Vencimento alterado", OTHER), "15": ("Liquidação em cartório", PAY),
    "16": ("Título pago em cheque, vinculado", PEND),
    "17": ("Liquidação após baixa ou título não registrado", PAY),
    "19": ("Confirmação de instrução de protesto", OTHER),
    "22": ("Título com pagamento cancelado", REV), "23": ("Entrada em cartório", OTHER),
    "24": ("Entrada rejeitada por CEP irregular", REJ), "27": ("Baixa rejeitada", REJ),
    "28": ("Débito de tarifas/custas", FEE), "30": ("Alteração de outros dados rejeitada", REJ),
    "32": ("Instrução rejeitada", REJ), "35": ("Desagendamento do débito automático", OTHER),
    "40": ("Estorno de pagamento", REV),
}  # fmt: skip
CAIXA_400: Table = {
    "01": ("Entrada confirmada", OK), "02": ("Baixa manual confirmada", OFF),
    "03": ("Abatimento concedido", OTHER), "04": ("Abatimento cancelado", OTHER),
    "05": ("Vencimento alterado", OTHER), "09": ("Alteração confirmada", OTHER),
    "20": ("Em ser", OTHER), "21": ("Liquidação", PAY), "22": ("Liquidação em cartório", PAY),
    "23": ("Baixa por devolução", OFF), "25": ("Baixa por protesto", OFF),
    "26": ("Título enviado a cartório", OTHER), "27": ("Sustação de protesto", OTHER),
    "28": ("Estorno", REV), "29": ("Estorno", REV), "30": ("Alteração de título", OTHER),
    "31": ("Tarifa sobre título vencido", FEE), "32": ("Outras tarifas de alteração", FEE),
    "33": ("Estorno de baixa/liquidação", REV), "34": ("Tarifas diversas", FEE),
    "99": ("Rejeição do título", REJ),
}  # fmt: skip
ITAU_400: Table = ITAU_240 | {"07": ("Liquidação parcial (cobrança inteligente B2B)", PART)}
SANTANDER_400: Table = (
    {
        "02": ("Entrada confirmada", OK), "03": ("Entrada rejeitada", REJ),
        "06": ("Liquidação", PAY), "07": ("Liquidação por conta", PART),
        "08": ("Liquidação por saldo", PAY), "09": ("Baixa automática", OFF),
        "10": ("Título baixado conforme instrução", OFF), "11": ("Em ser", OTHER),
        "12": ("Abatimento concedido", OTHER), "13": ("Abatimento cancelado", OTHER),
        "14": ("Prorrogação de vencimento", OTHER), "15": ("Confirmação de protesto", OTHER),
    # The manual's wording for 16 does not say whether money moved: never settle on it.
        "16": ("Título baixado/liquidado", OTHER), "17": ("Liquidado em cartório", PAY),
        "93": ("Baixa operacional", PEND), "94": ("Cancelamento da baixa operacional", OTHER),
    }
    | dict.fromkeys(map(str, range(21, 27)), ("Cartório", OTHER))
    | dict.fromkeys(("35", "36", "37"), ("Título DDA", OTHER))
    | dict.fromkeys(("61", "62", "63"), ("Alteração de valor", OTHER))
)  # fmt: skip
SICOOB_400: Table = {
    "02": ("Confirmação de entrada", OK), "04": ("Transferência de carteira/entrada", OTHER),
    "05": ("Liquidação sem registro", PAY), "06": ("Liquidação normal", PAY),
    "09": ("Baixa de título", OFF), "10": ("Baixa solicitada", OFF),
    "11": ("Títulos em ser", OTHER), "14": ("Alteração de vencimento", OTHER),
    "15": ("Liquidação em cartório", PAY), "23": ("Encaminhado a protesto", OTHER),
    "27": ("Confirmação de alteração de dados", OTHER),
    "48": ("Confirmação de instrução de transferência de carteira", OTHER),
}  # fmt: skip
SICREDI_400: Table = {
    "02": ("Entrada confirmada", OK), "03": ("Entrada rejeitada", REJ),
    "06": ("Liquidação normal", PAY), "09": ("Baixado automaticamente", OFF),
    "10": ("Baixado conforme instruções", OFF), "12": ("Abatimento concedido", OTHER),
    "13": ("Abatimento cancelado", OTHER), "14": ("Vencimento alterado", OTHER),
    "15": ("Liquidação em cartório", PAY), "17": ("Liquidação após baixa", PAY),
    "19": ("Confirmação de instrução de protesto", OTHER),
    "20": ("Confirmação de instrução de sustação de protesto", OTHER),
    "23": ("Entrada de título em cartório", OTHER),
    "24": ("Entrada rejeitada por CEP irregular", REJ),
    "27": ("Baixa rejeitada", REJ), "28": ("Tarifa", FEE), "29": ("Rejeição do pagador", REJ),
    "30": ("Alteração rejeitada", REJ), "32": ("Instrução rejeitada", REJ),
} | dict.fromkeys(map(str, range(78, 86)), ("Negativação", OTHER))  # fmt: skip

TABLES: dict[tuple[str, str], Table] = {
    ("240", "001"): BB_240, ("240", "104"): CAIXA_240, ("240", "237"): FEBRABAN_240,
    ("240", "341"): ITAU_240, ("240", "033"): SANTANDER_240, ("240", "756"): SICOOB_240,
    ("240", "748"): SICREDI_240,
    ("400", "001"): BB_400, ("400", "237"): BRADESCO_400, ("400", "104"): CAIXA_400,
    ("400", "341"): ITAU_400, ("400", "033"): SANTANDER_400, ("400", "756"): SICOOB_400,
    ("400", "748"): SICREDI_400,
}  # fmt: skip


def describe(layout: str, bank: str, code: str) -> tuple[str, OccurrenceKind]:
    """(meaning, kind) of a bank's code; an unknown code is "other", never a payment."""
    found = TABLES[(layout, bank)].get(code)
    if found is None:
        return f"Ocorrência {code} (não consta da tabela do banco)", OTHER
    return found
