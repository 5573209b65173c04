"""SMS or e-mail to every customer of a filtered list (C11), with progress per recipient."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.customers.models.contacts import Contact
from atende.customers.models.customer import Customer
from atende.customers.models.messages import CustomerEmail, CustomerSms
from atende.tenancy.models import TenantModel


class BulkChannel(models.TextChoices):
    SMS = "sms", _("SMS")
    EMAIL = "email", _("E-mail")


class BulkStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Sending")
    DONE = "done", _("Finished")


class RecipientStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped")


class BulkMessage(TenantModel):
    channel = models.CharField(_("channel"), max_length=5, choices=BulkChannel.choices)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    text = models.TextField(_("message"))
    # The list's filter as it was when sent (search, status, category, owner, city), shown
    # on the progress page: the people reached are the recipients below, not a re-run filter.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BulkStatus.choices, default=BulkStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        "tenancy.Member", on_delete=models.SET_NULL, null=True, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organization", "created_at"], name="customers_bulk_created")
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.pk}"

    @property
    def processed(self) -> int:
        return self.sent + self.failed + self.skipped

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.processed / self.total)


class BulkRecipient(TenantModel):
    bulk = models.ForeignKey(
        BulkMessage, on_delete=models.CASCADE, related_name="recipients", db_index=False
    )
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", db_index=False
    )
    address = models.CharField(_("to"), max_length=254, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RecipientStatus.choices,
        default=RecipientStatus.PENDING,
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    sms = models.ForeignKey(
        CustomerSms,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    email = models.ForeignKey(
        CustomerEmail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["organization", "bulk", "status"], name="customers_bulkrcpt_status"
            )
        ]

    def __str__(self) -> str:
        return f"{self.bulk_id} → {self.address or self.customer_id}"
