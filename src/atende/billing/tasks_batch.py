"""Batch emission's job (B5): issue a batch's boletos and its PDF (safe to run twice)."""

from atende.billing.models import BoletoBatch
from atende.tenancy.tasks import organization_task


@organization_task
def batch_run_task(organization_id: int, batch_id: int) -> str:
    """Issue what the batch still lacks; a redelivered or resumed run creates nothing twice."""
    from atende.billing.services.batches import batch_run

    return batch_run(batch=BoletoBatch.objects.get(pk=batch_id)).status
