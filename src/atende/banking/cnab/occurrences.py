"""Occurrence codes and their meanings (FACTS.md §8–§9), and which ones are payments."""

CNAB240 = {
    "02": "Entrada confirmada", "03": "Entrada rejeitada", "06": "Liquidação",
    "09": "Baixa", "12": "Abatimento concedido", "13": "Abatimento cancelado",
    "14": "Vencimento alterado", "17": "Liquidação após baixa ou título não registrado",
    "19": "Confirmação de recebimento de instrução de protesto",
    "20": "Confirmação de sustação de protesto", "23": "Remessa a cartório",
    "24": "Retirada de cartório", "25": "Protestado e baixado", "26": "Instrução rejeitada",
    "27": "Confirmação de alteração de outros dados", "28": "Débito de tarifas/custas",
    "30": "Alteração de dados rejeitada", "44": "Estorno de baixa/liquidação",
    "46": "Liquidação on-line", "47": "Estorno de liquidação on-line",
}  # fmt: skip
BB400 = {
    "02": "Confirmação de entrada", "03": "Comando recusado", "05": "Liquidado sem registro",
    "06": "Liquidação normal", "07": "Liquidação por conta/parcial",
    "08": "Liquidação por saldo", "09": "Baixa", "10": "Baixa solicitada",
    "12": "Abatimento concedido", "13": "Abatimento cancelado", "14": "Vencimento alterado",
    "15": "Liquidação em cartório", "20": "Débito em conta", "23": "Encaminhado a cartório",
    "28": "Manutenção de título vencido", "44": "Pago com cheque devolvido",
    "46": "Pago com cheque aguardando compensação", "72": "Alteração de tipo de cobrança",
    "96": "Despesas de protesto", "97": "Despesas de sustação", "98": "Custas",
}  # fmt: skip
BRADESCO400 = {
    "02": "Entrada confirmada", "03": "Entrada rejeitada", "06": "Liquidação normal",
    "09": "Baixado automaticamente", "10": "Baixado conforme instruções da agência",
    "11": "Em ser", "12": "Abatimento concedido", "13": "Abatimento cancelado",
    "14": "Vencimento alterado", "15": "Liquidação em cartório",
    "16": "Título pago em cheque, vinculado",
    "17": "Liquidação após baixa ou título não registrado",
    "19": "Confirmação de instrução de protesto", "22": "Pagamento cancelado",
    "23": "Entrada em cartório", "24": "Entrada rejeitada por CEP", "27": "Baixa rejeitada",
    "28": "Débito de tarifas/custas", "30": "Alteração rejeitada", "32": "Instrução rejeitada",
    "35": "Desagendamento do débito automático", "40": "Estorno de pagamento",
}  # fmt: skip
CAIXA400 = {
    "01": "Entrada confirmada", "02": "Baixa manual confirmada", "03": "Abatimento concedido",
    "04": "Abatimento cancelado", "05": "Vencimento alterado", "09": "Alteração confirmada",
    "20": "Em ser", "21": "Liquidação", "22": "Liquidação em cartório",
    "23": "Baixa por devolução", "25": "Baixa por protesto", "26": "Enviado a cartório",
    "27": "Sustação de protesto", "28": "Estorno", "29": "Estorno", "30": "Alteração de título",
    "31": "Tarifa sobre título vencido", "32": "Outras tarifas de alteração",
    "33": "Estorno de baixa/liquidação", "34": "Tarifas diversas", "99": "Rejeição",
}  # fmt: skip

PAYMENT_CODES = {
    ("240", "001"): {"06", "17"},
    ("240", "104"): {"06", "17", "46"},
    ("240", "237"): {"06", "17"},
    ("400", "001"): {"05", "06", "07", "08", "15"},
    ("400", "237"): {"06", "15", "17"},
    ("400", "104"): {"21", "22"},
}
MEANINGS = {
    "240": CNAB240,
    ("400", "001"): BB400,
    ("400", "237"): BRADESCO400,
    ("400", "104"): CAIXA400,
}


def meaning(layout: str, bank: str, code: str) -> str:
    table = MEANINGS["240"] if layout == "240" else MEANINGS[(layout, bank)]
    return table.get(code, f"Ocorrência {code}")


def is_payment(layout: str, bank: str, code: str) -> bool:
    return code in PAYMENT_CODES[(layout, bank)]
