"""Card payments (B8): a customer's stored cards (add, deactivate), charging an invoice on one
of them, and Pagar.me's webhook (outside any organization: the charge id says whose it is)."""

import logging

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from atende.accounts.permissions import require
from atende.billing.card_gateway import OFF_MESSAGE, card_payments_enabled
from atende.billing.forms_cards import CardChargeForm, StoredCardForm
from atende.billing.gateway import GatewayError
from atende.billing.permissions import BillingPerm
from atende.billing.selectors import invoice_get
from atende.billing.selectors_cards import invoice_card_charges, stored_card_get, stored_cards
from atende.billing.services.cards import (
    CardChargeStatus,
    card_charge,
    card_deactivate,
    card_store,
    card_webhook,
)
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.selectors import customer_get
from atende.tenancy.urls import org_reverse

logger = logging.getLogger(__name__)


def customer_cards_view(request, number: int):
    customer = customer_get(actor=request.member, number=number)
    require(request.member, BillingPerm.CHANGE, customer)
    form = StoredCardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            card = card_store(actor=request.member, customer=customer, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Cartão {card} cadastrado.")
            return redirect(request.path)
    context = {
        "customer": customer,
        "cards": stored_cards(customer=customer),
        "form": form,
        "cards_on": card_payments_enabled(),
        "off_message": OFF_MESSAGE,
    }
    return render(
        request, "billing/cards_customer.html", context, status=400 if form.errors else 200
    )


@require_POST
def card_deactivate_view(request, pk: int):
    card = stored_card_get(actor=request.member, pk=pk)
    card_deactivate(actor=request.member, card=card)
    messages.success(request, f"Cartão {card} desativado.")
    number = card.customer.number
    return redirect(
        org_reverse("billing:customer_cards", organization=request.organization, number=number)
    )


# The gateway is called outside any transaction (ATOMIC_REQUESTS is on with PostgreSQL).
@transaction.non_atomic_requests
def invoice_card_charge_view(request, number: int):
    invoice = invoice_get(actor=request.member, number=number, permission=BillingPerm.CHANGE)
    cards = stored_cards(customer=invoice.customer, active_only=True)
    form = CardChargeForm(request.POST or None, cards=cards)
    if request.method == "POST" and form.is_valid():
        try:
            charge = card_charge(
                actor=request.member, invoice=invoice, card=form.cleaned_data["card"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            _tell(request, charge)
        return redirect(
            org_reverse("billing:invoice", organization=request.organization, number=invoice.number)
        )
    context = {
        "invoice": invoice,
        "form": form,
        "cards": list(cards),  # one read: the select is written in the template
        "charges": invoice_card_charges(invoice=invoice),
        "cards_on": card_payments_enabled(),
        "off_message": OFF_MESSAGE,
    }
    return render(request, "billing/cards_charge.html", context, status=400 if form.errors else 200)


def _tell(request, charge) -> None:
    if charge.status == CardChargeStatus.APPROVED:
        messages.success(
            request, charge.message or f"Pagamento de R$ {charge.amount} aprovado no cartão."
        )
    elif charge.status == CardChargeStatus.PENDING:
        messages.info(request, charge.message or "Pagamento em análise pelo Pagar.me.")
    else:
        messages.error(request, charge.message or "O Pagar.me não aprovou a cobrança.")


@csrf_exempt  # Pagar.me signs the body (RS256); it cannot send our CSRF token
@require_POST
@transaction.non_atomic_requests
def pagarme_webhook_view(request):
    try:
        card_webhook(headers=request.headers, body=request.body)
    except GatewayError as error:
        logger.warning("Pagar.me webhook refused: %s", error.message)
        status = 503 if error.retryable else 400
        return HttpResponse(error.message, status=status, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok", content_type="text/plain")
