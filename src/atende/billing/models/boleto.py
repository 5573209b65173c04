"""The boleto issued for an invoice: its nosso número (unique per account, allocated without
gaps) and the codes the banking core computed, stored so lists and PDFs agree forever."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atende.billing.models.common import MONEY, member_link
from atende.tenancy.models import TenantModel


class BoletoStatus(models.TextChoices):
    ISSUED = "issued", pgettext_lazy("boleto status", "Issued")
    PAID = "paid", pgettext_lazy("boleto status", "Paid")
    CANCELLED = "cancelled", pgettext_lazy("boleto status", "Cancelled")


class Boleto(TenantModel):
    number = models.PositiveIntegerField(_("number"), editable=False)
    invoice = models.ForeignKey(
        "billing.Invoice", on_delete=models.PROTECT, related_name="boletos", db_index=False,
        verbose_name=_("invoice"),
    )  # fmt: skip
    bank_account = models.ForeignKey(
        "billing.BankAccount", on_delete=models.PROTECT, related_name="boletos",
        db_index=False, verbose_name=_("bank account"),
    )  # fmt: skip
    nosso_numero = models.PositiveBigIntegerField(_("nosso número"))
    nosso_numero_printed = models.CharField(_("nosso número (printed)"), max_length=30)
    amount = models.DecimalField(_("amount"), **MONEY)
    due_date = models.DateField(_("due date"))
    barcode = models.CharField(_("barcode"), max_length=44)
    linha_digitavel = models.CharField(_("linha digitável"), max_length=54)
    pix_payload = models.TextField(_("PIX copy and paste"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BoletoStatus.choices, default=BoletoStatus.ISSUED
    )
    created_by = member_link("created_by", _("issued by"))
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("boleto")
        verbose_name_plural = _("boletos")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="billing_boleto_number"
            ),
            models.UniqueConstraint(
                fields=["organization", "bank_account", "nosso_numero"],
                name="billing_boleto_nosso_numero",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "invoice"], name="billing_boleto_invoice"),
            models.Index(fields=["organization", "barcode"], name="billing_boleto_barcode"),
        ]

    def __str__(self) -> str:
        return _("Boleto %(number)s") % {"number": self.number}
