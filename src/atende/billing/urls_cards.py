"""Card routes (B8) under `/<slug>/financeiro/`; Pagar.me's webhook is global (atende/urls.py)."""

from django.urls import path

from atende.billing.views import cards

urlpatterns = [
    path(
        "financeiro/titulos/<id:number>/cartao/",
        cards.invoice_card_charge_view,
        name="invoice_card_charge",
    ),
    path(
        "financeiro/clientes/<id:number>/cartoes/", cards.customer_cards_view, name="customer_cards"
    ),
    path(
        "financeiro/cartoes/<id:pk>/desativar/", cards.card_deactivate_view, name="card_deactivate"
    ),
]
