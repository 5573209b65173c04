"""Batch emission (B5): one invoice and boleto of the same amount and due date for many
customers, made by a Celery job that can be resumed without duplicating anything."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atende.billing.models.common import MONEY, member_link
from atende.tenancy.models import TenantModel


class BatchStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("batch status", "Waiting")
    RUNNING = "running", pgettext_lazy("batch status", "Issuing")
    DONE = "done", pgettext_lazy("batch status", "Done")
    FAILED = "failed", pgettext_lazy("batch status", "Stopped with an error")


class BoletoBatch(TenantModel):
    number = models.PositiveIntegerField(_("number"), editable=False)
    # The form's one-time key: posting the same form twice makes one batch.
    idempotency_key = models.UUIDField(default=uuid.uuid4, editable=False)
    bank_account = models.ForeignKey(
        "billing.BankAccount", on_delete=models.PROTECT, related_name="+", db_index=False,
        verbose_name=_("bank account"),
    )  # fmt: skip
    description = models.CharField(_("description"), max_length=200)
    amount = models.DecimalField(_("amount"), **MONEY)
    due_date = models.DateField(_("due date"))
    # The customers chosen (numbers) and those left out with the reason, fixed at creation.
    customer_ids = models.JSONField(default=list)
    skipped = models.JSONField(default=list, blank=True)
    send_email = models.BooleanField(_("e-mail the boletos"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.PENDING
    )
    total = models.PositiveIntegerField(_("boletos"), default=0)
    done = models.PositiveIntegerField(_("issued"), default=0)
    error = models.TextField(_("error"), blank=True)
    pdf = models.ForeignKey(
        "files.StoredFile", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        db_index=False, verbose_name=_("PDF"),
    )  # fmt: skip
    created_by = member_link("created_by", _("created by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("boleto batch")
        verbose_name_plural = _("boleto batches")
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="billing_batch_number"),
            models.UniqueConstraint(
                fields=["organization", "idempotency_key"], name="billing_batch_key"
            ),
        ]

    def __str__(self) -> str:
        return _("Batch %(number)s") % {"number": self.number}
