"""The organization's billing parameters (one row, like desk's ServiceOrderSettings): when the
scheduled jobs make invoices, send reminders and suspend subscriptions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.tenancy.models import TenantModel


class BillingSettings(TenantModel):
    invoice_days_before = models.PositiveSmallIntegerField(
        _("make subscription invoices (days before the due date)"),
        default=10,
        help_text=_("Each period's invoice and boleto are made this many days ahead."),
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("e-mail the boleto (days before the due date)"), default=5
    )
    overdue_notice_days = models.PositiveSmallIntegerField(
        _("e-mail the overdue notice (days after the due date)"), default=1
    )
    suspend_after_days = models.PositiveSmallIntegerField(
        _("suspend subscriptions (days overdue)"),
        default=15,
        help_text=_("Only customers with automatic suspension on."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("billing settings")
        verbose_name_plural = _("billing settings")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="billing_settings_one")
        ]

    def __str__(self) -> str:
        return str(_("billing settings"))
