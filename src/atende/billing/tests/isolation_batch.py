"""The batch emission routes (B5) for the walkers."""

import uuid
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from atende.billing.models import BatchStatus, BoletoBatch
from atende.billing.permissions import BillingPerm
from atende.billing.tests.factories import bank_account
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.sequences import next_number
from atende.tenancy.testing import isolation_factory, route_access


def _batch(organization, status: str) -> BoletoBatch:
    customer = CustomerFactory(organization=organization)
    return BoletoBatch.objects.create(
        number=next_number("boleto_batch"),
        bank_account=bank_account(organization),
        description="Mensalidade de dezembro",
        amount=Decimal("99.90"),
        due_date=timezone.localdate() + timedelta(days=10),
        customer_ids=[customer.pk],
        total=1,
        status=status,
        error="Cliente 1: recusado.",
    )


@isolation_factory("billing:batch_detail", "billing:batch_pdf")
def batch(organization):
    from atende.billing.services.batches import batch_run

    done = batch_run(batch=_batch(organization, BatchStatus.PENDING))
    return {"number": done.number}


@isolation_factory("billing:batch_resume")
def failed_batch(organization):
    return {"number": _batch(organization, BatchStatus.FAILED).number}


def batch_body(organization, kwargs) -> dict:
    account = bank_account(organization)
    customer = CustomerFactory(organization=organization)
    return {
        "bank_account": account.pk,
        "description": "Mensalidade de dezembro",
        "amount": "99,90",
        "due_date": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "source": "numbers",
        "numbers": str(customer.number),
        "idempotency_key": str(uuid.uuid4()),
        "action": "confirm",
    }


route_access(
    "billing:batch_list", "billing:batch_detail", "billing:batch_pdf", needs=BillingPerm.VIEW
)
route_access("billing:batch_new", needs=BillingPerm.ADD, body=batch_body)
route_access("billing:batch_resume", needs=BillingPerm.ADD, body={})
