"""New user-visible msgids of batch emission (B5) and their pt_BR translations (the lead
merges them into the catalog). Messages raised by the services are literal Portuguese."""

T = {
    # templates/billing/batch_*.html
    "A batch issues a boleto of the same amount and due date for many customers at once, with one PDF to print.": "Um lote emite um boleto de mesmo valor e vencimento para vários clientes de uma só vez, com um único PDF para imprimir.",  # noqa: E501
    "All active customers.": "Todos os clientes ativos.",
    "Amount": "Valor",
    "Bank account": "Conta bancária",
    "Batch boletos": "Boletos em lote",
    "Batch": "Lote",
    "Batches": "Lotes",
    "Before issuing": "Antes de emitir",
    "Boletos to issue": "Boletos a emitir",
    "Boletos": "Boletos",
    "Change the filter in the customer list": "Mudar o filtro na lista de clientes",
    "Code": "Código",
    "Created": "Criado",
    "Customer": "Cliente",
    "Customers left out": "Clientes deixados de fora",
    "Description": "Descrição",
    "Download the PDF with every boleto": "Baixar o PDF com todos os boletos",
    # With context "boleto" (msgctxt): the catalog's plain "Due date" is the desk's "Previsão".
    "boleto\x04Due date": "Vencimento",
    "Filter": "Filtro",
    "Invoice": "Título",
    "Invoices": "Títulos",
    "Left out": "Deixados de fora",
    "New batch of boletos": "Novo lote de boletos",
    "New batch": "Novo lote",
    "No batch yet": "Nenhum lote ainda",
    "Nosso número": "Nosso número",
    "Preview": "Conferir",
    "Resume the batch": "Retomar o lote",
    "See the invoices issued": "Ver os títulos emitidos",
    "Status": "Situação",
    "This page updates itself; reload it to see the progress without JavaScript.": "Esta página se atualiza sozinha; sem JavaScript, recarregue-a para ver o andamento.",  # noqa: E501
    "Update the preview": "Conferir de novo",
    "What was issued is kept. Fix the problem and resume: no customer gets a second boleto.": "O que já foi emitido está salvo. Corrija o problema e retome: nenhum cliente recebe um segundo boleto.",  # noqa: E501
    "left out": "deixados de fora",
    "Issue %(counter)s boleto": "Emitir %(counter)s boleto",
    "Issue %(counter)s boletos": "Emitir %(counter)s boletos",
    "%(done)s of %(total)s boletos issued": "%(done)s de %(total)s boletos emitidos",
    "Showing the first %(shown)s invoices you may see.": "Mostrando os primeiros %(shown)s títulos que você pode ver.",  # noqa: E501
    "Showing the first %(shown)s.": "Mostrando os primeiros %(shown)s.",
    # billing/forms_batch.py
    "Amount (R$)": "Valor (R$)",
    "Customer codes": "Códigos dos clientes",
    "Customers": "Clientes",
    "One per line, or separated by commas or spaces.": "Um por linha, ou separados por vírgulas ou espaços.",  # noqa: E501
    "The customer codes I paste below": "Os códigos de cliente que colo abaixo",
    "The customers of the list as filtered": "Os clientes da lista, como está filtrada",
}
# "Issue %(counter)s boleto" / "…boletos" is one plural entry (msgid / msgid_plural).
