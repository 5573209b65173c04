"""Apply a large bank return file in the background (B4); the page polls its progress."""

from atende.billing.models import ReturnFile
from atende.billing.services.settlement import (
    return_file_apply,
    return_file_mark_failed,
    return_file_mark_running,
)
from atende.core.errors import DomainError
from atende.tenancy.tasks import organization_task


@organization_task
def return_file_apply_task(organization_id: int, return_file_id: int) -> None:
    """Idempotent: a file already applied is left as it is."""
    return_file = ReturnFile.objects.get(pk=return_file_id)
    if not return_file_mark_running(return_file):
        return
    try:
        return_file_apply(return_file)
    except DomainError as refused:
        return_file_mark_failed(return_file, refused.message)
    except Exception:
        return_file_mark_failed(
            return_file, "Erro inesperado ao aplicar o arquivo; nada foi alterado. Tente de novo."
        )
        raise
