"""Batch emission's job (B5): issue a batch's boletos and its PDF (safe to run twice)."""

from atende.billing.models import BoletoBatch
from atende.tenancy.tasks import organization_task


@organization_task
def batch_run_task(organization_id: int, batch_id: int) -> str:
    """Issue what the batch still lacks; a redelivered or resumed run creates nothing twice."""
    from atende.billing.services.batches import batch_run

    return batch_run(batch=BoletoBatch.objects.get(pk=batch_id)).status


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def batch_email_task(organization_id: int, batch_id: int) -> int:
    """E-mail each boleto of a finished batch to its customer; returns how many were sent."""
    from atende.billing.services.batches import batch_boletos
    from atende.billing.services.reminders import ISSUED, boleto_email_send

    batch = BoletoBatch.objects.get(pk=batch_id)
    boletos = batch_boletos(batch).select_related(
        "invoice__customer", "bank_account", "organization"
    )
    return sum(1 for boleto in boletos.iterator() if boleto_email_send(boleto=boleto, kind=ISSUED))
