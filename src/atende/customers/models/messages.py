"""E-mails and SMS sent to a customer (C11), kept with their status so they can be re-sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.core.phones import phone_display
from atende.customers.models.contacts import Contact
from atende.customers.models.customer import Customer
from atende.tenancy.models import TenantModel


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class CustomerEmail(TenantModel):
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="emails", db_index=False
    )
    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(_("cc"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    attachments = models.ManyToManyField(
        "files.StoredFile", through="CustomerEmailAttachment", related_name="+", blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    message_id = models.CharField(max_length=255, blank=True)
    sent_by = models.ForeignKey(
        "tenancy.Member", on_delete=models.SET_NULL, null=True, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["organization", "customer", "created_at"], name="customers_email_cust"
            )
        ]

    def __str__(self) -> str:
        return self.subject


class CustomerEmailAttachment(TenantModel):
    email = models.ForeignKey(CustomerEmail, on_delete=models.CASCADE, db_index=False)
    stored_file = models.ForeignKey("files.StoredFile", on_delete=models.PROTECT, db_index=False)

    class Meta:
        indexes = [models.Index(fields=["organization", "email"], name="customers_emailatt")]

    def __str__(self) -> str:
        return f"{self.email_id}: {self.stored_file_id}"


class SmsTemplate(TenantModel):
    name = models.CharField(_("name"), max_length=80)
    text = models.TextField(_("text"), max_length=480)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="customers_smstpl_name")
        ]

    def __str__(self) -> str:
        return self.name


class CustomerSms(TenantModel):
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="sms_messages", db_index=False
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, related_name="+", db_index=False
    )
    phone = models.CharField(_("mobile"), max_length=20)
    text = models.TextField(_("message"))
    status = models.CharField(
        max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    provider_id = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)
    sent_by = models.ForeignKey(
        "tenancy.Member", on_delete=models.SET_NULL, null=True, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["organization", "customer", "created_at"], name="customers_sms_cust"
            )
        ]

    def __str__(self) -> str:
        return f"{phone_display(self.phone)} · {self.text[:40]}"
