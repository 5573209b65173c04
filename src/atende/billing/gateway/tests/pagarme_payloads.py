"""Pagar.me API v5 bodies, adapted from the documentation's and Pagar.me's published examples
(docs.pagar.me "Criar pedido", "Exemplo de webhook", "Erros"): ids, amounts and statuses as
Pagar.me writes them, with the customer and card trimmed to what a real answer carries.
"""

from __future__ import annotations

import copy
from typing import Any

CUSTOMER = {
    "id": "cus_x9NZAKNtz2ivPQ0k",
    "name": "João Moleta",
    "email": "contato@moleta.com.br",
    "document": "08201165993",
    "document_type": "cpf",
    "type": "individual",
    "delinquent": False,
    "created_at": "2024-06-02T19:25:53Z",
    "updated_at": "2024-06-02T19:25:53Z",
}

CARD = {
    "id": "card_gAP32x6tKcXoVxQ6",
    "first_six_digits": "400000",
    "last_four_digits": "0010",
    "brand": "Visa",
    "holder_name": "JOSE DA SILVA",
    "exp_month": 1,
    "exp_year": 2030,
    "status": "active",
    "type": "credit",
}

CAPTURED = {
    "id": "tran_J0rpkW3c6c2kY8yO",
    "transaction_type": "credit_card",
    "gateway_id": "2204927041",
    "amount": 12345,
    "status": "captured",
    "success": True,
    "installments": 1,
    "acquirer_name": "pagarme",
    "acquirer_tid": "2204927041",
    "acquirer_nsu": "2204927041",
    "acquirer_auth_code": "211139",
    "acquirer_message": "Transação aprovada com sucesso",
    "acquirer_return_code": "0000",
    "operation_type": "auth_and_capture",
    "card": CARD,
    "created_at": "2024-06-14T17:39:06Z",
    "updated_at": "2024-06-14T17:39:06Z",
    "gateway_response": {"code": "200", "errors": []},
    "antifraud_response": {"status": "approved", "score": "very_low", "provider_name": "pagarme"},
    "metadata": {},
}

PAID_CHARGE = {
    "id": "ch_0EQdZmXs1cLgJz7q",
    "code": "VJ69CQQF5L",
    "gateway_id": "2204927041",
    "amount": 12345,
    "paid_amount": 12345,
    "status": "paid",
    "currency": "BRL",
    "payment_method": "credit_card",
    "paid_at": "2024-06-14T17:39:08Z",
    "created_at": "2024-06-14T17:39:06Z",
    "updated_at": "2024-06-14T17:39:08Z",
    "customer": CUSTOMER,
    "last_transaction": CAPTURED,
}

PAID_ORDER = {
    "id": "or_J5NyL4gflCK7dwo9",
    "code": "VJ69CQQF5L",
    "amount": 12345,
    "currency": "BRL",
    "closed": True,
    "items": [
        {
            "id": "oi_alKDqvsqvTg97wP9",
            "type": "product",
            "description": "Mensalidade dezembro/2026",
            "amount": 12345,
            "quantity": 1,
            "status": "active",
        }
    ],
    "customer": CUSTOMER,
    "status": "paid",
    "created_at": "2024-06-14T17:39:06Z",
    "updated_at": "2024-06-14T17:39:08Z",
    "closed_at": "2024-06-14T17:39:06Z",
    "charges": [PAID_CHARGE],
    "checkouts": [],
}


def order_with(charge_status: str, transaction: dict[str, Any]) -> dict[str, Any]:
    order = copy.deepcopy(PAID_ORDER)
    order["status"] = "failed" if charge_status == "failed" else charge_status
    charge = order["charges"][0]
    charge["status"] = charge_status
    charge.pop("paid_amount")
    charge.pop("paid_at")
    charge["last_transaction"] = {**CAPTURED, **transaction}
    return order


DECLINED_ORDER = order_with(
    "failed",
    {
        "id": "tran_AlJ91LpTPFPV1PnO",
        "status": "not_authorized",
        "success": False,
        "acquirer_message": "Transação não autorizada",
        "acquirer_return_code": "01",
        "antifraud_response": {},
    },
)

ERROR_ORDER = order_with(
    "failed",
    {
        "status": "with_error",
        "success": False,
        "acquirer_message": "",
        "gateway_response": {
            "code": "400",
            "errors": [{"message": "Adquirente indisponível no momento."}],
        },
    },
)

PENDING_ORDER = order_with("pending", {"status": "authorized_pending_capture"})

INVALID_REQUEST = {
    "message": "The request is invalid.",
    "errors": {"order.customer_id": ["The customer_id field is required."]},
    "request": {},
}


def cancelled_charge(*, amount: int, canceled: int, status: str, tx_status: str) -> dict[str, Any]:
    """`DELETE /charges/{id}`'s answer: the charge, its last transaction the cancellation."""
    charge = copy.deepcopy(PAID_CHARGE)
    charge.update({"amount": amount, "canceled_amount": canceled, "status": status})
    charge["canceled_at"] = "2024-06-15T10:02:11Z"
    charge["last_transaction"] = {
        **CAPTURED,
        "id": "tran_m1prZBNTgUmZrGzZ",
        "amount": canceled,
        "status": tx_status,
        "operation_type": "cancel",
        "acquirer_message": "Transação cancelada com sucesso",
    }
    return charge


def hook(event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "hook_RyEKQO789TRpZjv5",
        "account": {"id": "acc_jZkdN857et650oNv", "name": "Lojinha"},
        "type": event_type,
        "created_at": "2024-06-14T17:39:09",
        "data": data,
    }
