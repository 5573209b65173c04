"""pt_BR for the new msgids of settlement (B4): templates billing/settlement_*.html and
billing/forms_settlement.py. Messages of the services are Portuguese literals (as billing's
other services), and so are the report's outcome labels (services/settlement.py)."""

T = {
    "Action": "Ação",
    "Amount": "Valor",
    "Amount paid": "Valor pago",
    "Amount settled": "Valor baixado",
    "Applied": "Aplicado em",
    "Bank account": "Conta bancária",
    "Bank return files": "Arquivos de retorno",
    "Boleto": "Boleto",
    "Boletos found": "Boletos encontrados",
    "By": "Por",
    "Confirm payment": "Confirmar pagamento",
    "Download the return file (.RET) from your bank's site and send it here: the paid boletos "
    "are settled automatically.": "Baixe o arquivo de retorno (.RET) no site do seu banco e "
    "envie aqui: os boletos pagos são baixados automaticamente.",
    "Every paid boleto in the file is settled; the same file sent again changes nothing, and a "
    "damaged file is refused whole.": "Todos os boletos pagos do arquivo são baixados; o mesmo "
    "arquivo enviado de novo não altera nada, e um arquivo danificado é recusado por inteiro.",
    "Due on": "Vencimento",
    "Files received": "Arquivos recebidos",
    "Line": "Linha",
    "Manual settlement": "Baixa manual",
    "No return file yet": "Nenhum arquivo de retorno ainda",
    "Nosso número": "Nosso número",
    "Occurrence": "Ocorrência",
    "Occurrences": "Ocorrências",
    "Outcome": "Resultado",
    "Payment date": "Data do pagamento",
    "Payments": "Pagamentos",
    "Recalculate": "Recalcular",
    "Recorded by": "Registrado por",
    "Return file": "Arquivo de retorno",
    "Send a return file": "Enviar arquivo de retorno",
    "Send and settle": "Enviar e dar baixa",
    "Settle": "Dar baixa",
    "Source": "Origem",
    "The amount is what is owed on the payment date (discount, fine and interest included). "
    "Change the date and press Recalculate to see it for another day.": "O valor é o devido na "
    "data do pagamento (com desconto, multa e juros). Mude a data e clique em Recalcular para "
    "ver o valor de outro dia.",
    "The typed code has a wrong digit; nothing was searched.": "O código digitado tem um "
    "dígito errado; nada foi pesquisado.",
    "This page updates itself; reload it to see the progress without JavaScript.": "Esta "
    "página se atualiza sozinha; sem JavaScript, recarregue-a para ver o andamento.",
    "This payment was already undone.": "Este pagamento já foi desfeito.",
    "Totals": "Totais",
    "Undo": "Desfazer",
    "Undo payment": "Desfazer pagamento",
    "Undone": "Desfeito",
    "boleto": "boleto",
    "credit": "crédito",
    "invoice": "título",
    "show all": "mostrar todas",
    "No boleto found for “%(text)s”.": "Nenhum boleto encontrado para “%(text)s”.",
    "Boleto %(number)s · invoice %(invoice)s": "Boleto %(number)s · título %(invoice)s",
    "%(done)s of %(total)s occurrences (%(percent)s%%)": "%(done)s de %(total)s ocorrências "
    "(%(percent)s%%)",
    "%(hidden)s more occurrences not shown: filter by outcome above.": "Mais %(hidden)s "
    "ocorrências não mostradas: filtre pelo resultado acima.",
    "Payment of %(amount)s on %(day)s, invoice %(invoice)s (%(customer)s).": "Pagamento de "
    "%(amount)s em %(day)s, título %(invoice)s (%(customer)s).",
    # billing/forms_settlement.py
    "Return file (.RET)": "Arquivo de retorno (.RET)",
    "The CNAB 240 or 400 file your bank sends, exactly as downloaded.": "O arquivo CNAB 240 "
    "ou 400 que o seu banco envia, exatamente como foi baixado.",
    "Boleto number, nosso número, linha digitável or barcode": "Número do boleto, nosso "
    "número, linha digitável ou código de barras",
    "Amount paid (R$)": "Valor pago (R$)",
    "Kept with the payment, for the audit.": "Fica registrado com o pagamento, para auditoria.",
}
