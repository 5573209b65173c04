"""pt_BR for the new msgids of card payments (B8): templates billing/card_charge_form.html,
billing/cards_charge.html, billing/cards_customer.html, billing/forms_cards.py, the charge
statuses (services/cards.py CardChargeStatus) and StoredCard.gateway_customer's verbose name.
Messages of the services and views are Portuguese literals (as billing's other services)."""

T = {
    "Add a card": "Cadastrar cartão",
    "Add card": "Cadastrar cartão",
    "Approved": "Aprovada",
    "Brand": "Bandeira",
    "Card charges": "Cobranças no cartão",
    "Card charges are off: Pagar.me is not configured.": (
        "A cobrança no cartão está desativada: o Pagar.me não foi configurado."
    ),
    "Card charges of this invoice": "Cobranças no cartão deste título",
    "Card id at Pagar.me": "Id do cartão no Pagar.me",
    "Cards": "Cartões",
    "Charge the card": "Cobrar no cartão",
    "Charge the card: invoice %(number)s": "Cobrar no cartão: título %(number)s",
    "Customer id at Pagar.me": "Id do cliente no Pagar.me",
    "Deactivate": "Desativar",
    "Declined": "Recusada",
    "Error": "Erro",
    "Last 4 digits": "4 últimos dígitos",
    "No answer": "Sem resposta",
    "No card charge yet.": "Nenhuma cobrança no cartão ainda.",
    "Refunded": "Estornada",
    "Stored cards": "Cartões cadastrados",
    "Stored cards: %(name)s": "Cartões cadastrados: %(name)s",
    "The card number never reaches Atende: the customer registers the card at Pagar.me, and "
    "here you record only the id Pagar.me returned.": (
        "O número do cartão nunca passa pelo Atende: o cliente cadastra o cartão no Pagar.me e "
        "aqui você registra apenas o id que o Pagar.me devolveu."
    ),
    "The card_… id Pagar.me returned when the customer registered the card.": (
        "O id card_… que o Pagar.me devolveu quando o cliente cadastrou o cartão."
    ),
    "The customer has no stored card.": "O cliente não tem cartão cadastrado.",
    "gateway customer id": "id do cliente no gateway",
}
