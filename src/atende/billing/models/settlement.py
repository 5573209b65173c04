"""A bank return file as uploaded: its fingerprint (the same file is applied once), the
report of what it did and the progress of the job that applies it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atende.billing.models.common import MONEY, ZERO, member_link
from atende.tenancy.models import TenantModel


class ReturnFileStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("return file status", "Waiting")
    RUNNING = "running", pgettext_lazy("return file status", "Applying")
    APPLIED = "applied", pgettext_lazy("return file status", "Applied")
    FAILED = "failed", pgettext_lazy("return file status", "Refused")


class ReturnFile(TenantModel):
    name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(_("size"))
    content = models.BinaryField(_("content"))  # kept for re-reading; at most a few MB
    bank = models.CharField(_("bank"), max_length=3, blank=True)
    layout = models.CharField(_("layout"), max_length=3, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReturnFileStatus.choices,
        default=ReturnFileStatus.PENDING,
    )  # fmt: skip
    total = models.PositiveIntegerField(_("occurrences"), default=0)
    done = models.PositiveIntegerField(_("applied"), default=0)
    settled_amount = models.DecimalField(_("amount settled"), **MONEY, default=ZERO)
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    uploaded_by = member_link("uploaded_by", _("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("return file")
        verbose_name_plural = _("return files")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "sha256"], name="billing_returnfile_sha"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "-uploaded_at"], name="billing_returnfile_at")
        ]

    def __str__(self) -> str:
        return self.name
