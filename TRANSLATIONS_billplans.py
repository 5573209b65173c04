"""New user-visible msgids of the plans and subscriptions area (branch billplans), with their
pt_BR translations, for the lead to merge into the catalog. Many short ones ("Name", "Save",
"Cancel"…) may already be in the catalog; they are listed so nothing is missed.

E-mails to customers (templates/billing/plans_email_boleto.txt, subjects in
services/reminders.py) and service/view messages are literal Portuguese, as the billing
services' DomainErrors are. Keys "context|msgid" have a msgctxt. Template msgids are
written as the catalog holds them (`{{ number }}` → `%(number)s`, a literal `%` → `%%`)."""

T = {
    # forms_plans.py
    "Name": "Nome",
    "Description": "Descrição",
    "Amount per period (R$)": "Valor por período (R$)",
    "Period": "Periodicidade",
    "Active": "Ativo",
    "Type": "Tipo",
    "Discount (%)": "Desconto (%)",
    "From installment": "Da parcela",
    "To installment": "Até a parcela",
    "Days before due date": "Dias antes do vencimento",
    "Choose the type of discount.": "Escolha o tipo de desconto.",
    "Plan": "Plano",
    "Bank account": "Conta bancária",
    "Start date": "Início",
    "Billing day": "Dia de vencimento",
    "Leave blank to charge the plan's amount.": "Deixe em branco para cobrar o valor do plano.",
    "Service address": "Endereço do serviço",
    "The customer's billing address": "O endereço de cobrança do cliente",
    "Promotional discount (%)": "Desconto promocional (%)",
    "Promotional discount until": "Desconto promocional até",
    "Periods starting up to this date get the discount; blank: no end.": (
        "Os períodos que começam até esta data têm o desconto; em branco: sem fim."
    ),
    "Status": "Situação",
    "All": "Todos",
    "Make subscription invoices (days before the due date)": (
        "Gerar os títulos das assinaturas (dias antes do vencimento)"
    ),
    "E-mail the boleto (days before the due date)": (
        "Enviar o boleto por e-mail (dias antes do vencimento)"
    ),
    "E-mail the overdue notice (days after the due date)": (
        "Enviar o aviso de atraso por e-mail (dias após o vencimento)"
    ),
    "Counted from the first business day after the due date.": (
        "Contados a partir do primeiro dia útil após o vencimento."
    ),
    "Suspend subscriptions (days overdue)": "Suspender assinaturas (dias em atraso)",
    "Only customers with automatic suspension on; paying reactivates them.": (
        "Só clientes com suspensão automática; o pagamento as reativa."
    ),
    # models/settings.py (verbose names and help texts)
    "make subscription invoices (days before the due date)": (
        "gerar os títulos das assinaturas (dias antes do vencimento)"
    ),
    "Each period's invoice and boleto are made this many days ahead.": (
        "O título e o boleto de cada período são gerados com esta antecedência."
    ),
    "e-mail the boleto (days before the due date)": (
        "enviar o boleto por e-mail (dias antes do vencimento)"
    ),
    "e-mail the overdue notice (days after the due date)": (
        "enviar o aviso de atraso por e-mail (dias após o vencimento)"
    ),
    "suspend subscriptions (days overdue)": "suspender assinaturas (dias em atraso)",
    "Only customers with automatic suspension on.": "Só clientes com suspensão automática.",
    "billing settings": "parâmetros de cobrança",
    # templates/billing/plans_*.html
    "New plan": "Novo plano",
    "Discounts": "Descontos",
    "Progressive: a percent off the installments in a range (e.g. 50% on installments 1 to 3). "
    "Early payment: a percent off when paid at least the given days before the due date. Each "
    "customer's registration says whether they get them.": (
        "Progressivo: um percentual de desconto nas parcelas de um intervalo (ex.: 50% da 1ª à "
        "3ª parcela). Pagamento antecipado: um percentual de desconto para pagamento com pelo "
        "menos os dias informados antes do vencimento. O cadastro de cada cliente diz se ele "
        "recebe esses descontos."
    ),
    "Delete": "Excluir",
    "line": "linha",
    "More lines": "Mais linhas",
    "Save": "Salvar",
    "Cancel": "Cancelar",
    "Plans": "Planos",
    "Settings": "Configurações",
    "Billing parameters": "Parâmetros de cobrança",
    "Amount per period": "Valor por período",
    "Subscriptions": "Assinaturas",
    "Inactive": "Inativo",
    "No plan yet": "Nenhum plano ainda",
    "Plans are what customers subscribe to: an amount per month, quarter, half-year or year, "
    "with progressive and early-payment discounts.": (
        "Planos são o que os clientes assinam: um valor por mês, trimestre, semestre ou ano, "
        "com descontos progressivos e por pagamento antecipado."
    ),
    "%(percent)s%% on installments %(first)s–%(last)s": (
        "%(percent)s%% nas parcelas %(first)s–%(last)s"
    ),
    "%(percent)s%% if paid %(days)s days before the due date": (
        "%(percent)s%% se pago %(days)s dias antes do vencimento"
    ),
    "The daily run makes each subscription period's invoice and boleto, e-mails boletos and "
    "overdue notices to customers who accept them, and suspends the subscriptions of customers "
    "with automatic suspension.": (
        "A rotina diária gera o título e o boleto de cada período das assinaturas, envia por "
        "e-mail os boletos e os avisos de atraso aos clientes que os aceitam e suspende as "
        "assinaturas dos clientes com suspensão automática."
    ),
    "Back to plans": "Voltar aos planos",
    "Edit": "Editar",
    "Cancel subscription": "Cancelar assinatura",
    "Summary": "Resumo",
    "Next period": "Próximo período",
    "Promotional discount": "Desconto promocional",
    "until": "até",
    "Suspended at": "Suspensa em",
    "Invoices": "Títulos",
    "Number": "Número",
    # msgctxt "billing": the catalog's plain "Due date" is the desk's "Previsão" (the lead's
    # invoice templates use the plain msgid too and show "Previsão" until they get a context).
    "billing|Due date": "Vencimento",
    "Amount": "Valor",
    "Overdue": "Vencido",
    "No invoice yet: each period's invoice and boleto are made automatically before its due "
    "date.": (
        "Nenhum título ainda: o título e o boleto de cada período são gerados automaticamente "
        "antes do vencimento."
    ),
    "Cancel this subscription? No more invoices will be made; those already made stay.": (
        "Cancelar esta assinatura? Nenhum novo título será gerado; os já gerados continuam."
    ),
    "Subscription %(number)s": "Assinatura %(number)s",
    "This customer does not accept promotional discounts (customer registration).": (
        "Este cliente não aceita descontos promocionais (cadastro do cliente)."
    ),
    "This customer does not get the plan's progressive discounts (customer registration).": (
        "Este cliente não recebe os descontos progressivos do plano (cadastro do cliente)."
    ),
    "New subscription": "Nova assinatura",
    "Subscribe": "Assinar",
    "Back": "Voltar",
    "Change subscription %(number)s": "Alterar assinatura %(number)s",
    "Filter list": "Filtrar",
    "Customer": "Cliente",
    "No subscription found": "Nenhuma assinatura encontrada",
    "Subscribe a customer to a plan from the customer's Financeiro tab, or with “New "
    "subscription” and the customer's code.": (
        "Assine um plano para um cliente pela aba Financeiro do cliente, ou em “Nova "
        "assinatura” com o código do cliente."
    ),
    "Customer code": "Código do cliente",
    "Enter the customer's code (numbers only).": "Informe o código do cliente (só números).",
    "Continue": "Continuar",
}
