"""Reads of batch emission (B5), each for one page, with a pinned number of queries."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from atende.accounts.permissions import require
from atende.billing.models import Boleto, BoletoBatch, Invoice
from atende.billing.permissions import BillingPerm
from atende.core.pagination import KeysetPage, keyset_page
from atende.customers.selectors import visible_customers
from atende.tenancy.models import Member

INVOICES_SHOWN = 200


def batch_list(*, cursor: str | None = None, size: int = 50) -> KeysetPage[BoletoBatch]:
    """The organization's batches, newest first, with their account and author (one query)."""
    batches = BoletoBatch.objects.select_related("bank_account", "created_by__user").defer(
        "customer_ids", "skipped"
    )
    return keyset_page(batches, ordering=["-number"], cursor=cursor, size=size)


def batch_get(*, actor: Member, number: int) -> BoletoBatch:
    """One batch for a member who may view billing (403 otherwise); 404 when missing."""
    require(actor, BillingPerm.VIEW)
    batches = BoletoBatch.objects.select_related("bank_account", "created_by__user", "pdf")
    batches = batches.defer("customer_ids")  # up to 20 000 ids the page never shows
    return get_object_or_404(batches, number=number)


def batch_invoices(
    *, actor: Member, batch: BoletoBatch, limit: int = INVOICES_SHOWN
) -> list[Invoice]:
    """The batch's first invoices whose customer the member may see, with the customer and
    the boleto (two queries)."""
    invoices = (
        Invoice.objects.filter(batch=batch, customer__in=visible_customers(actor).values("pk"))
        .select_related("customer")
        .prefetch_related(Prefetch("boletos", queryset=Boleto.objects.order_by("number")))
        .order_by("number")
    )
    return list(invoices[:limit])
