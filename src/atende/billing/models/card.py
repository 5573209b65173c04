"""Cards are kept by the payment gateway (B8): we store its token and what a person needs to
recognise the card, never the number."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.billing.models.common import MONEY
from atende.tenancy.models import TenantModel


class StoredCard(TenantModel):
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="cards", db_index=False,
        verbose_name=_("customer"),
    )  # fmt: skip
    gateway = models.CharField(_("gateway"), max_length=20)
    token = models.CharField(_("gateway card id"), max_length=120)
    # The gateway's customer the card belongs to (Pagar.me `cus_…`): a charge names both.
    gateway_customer = models.CharField(_("gateway customer id"), max_length=80, blank=True)
    brand = models.CharField(_("brand"), max_length=20, blank=True)
    last_digits = models.CharField(_("last digits"), max_length=4, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("stored card")
        verbose_name_plural = _("stored cards")
        indexes = [models.Index(fields=["organization", "customer"], name="billing_card_customer")]

    def __str__(self) -> str:
        return f"{self.brand} •••• {self.last_digits}"


class CardCharge(TenantModel):
    invoice = models.ForeignKey(
        "billing.Invoice", on_delete=models.PROTECT, related_name="card_charges",
        db_index=False, verbose_name=_("invoice"),
    )  # fmt: skip
    card = models.ForeignKey(
        StoredCard, on_delete=models.PROTECT, related_name="charges", db_index=False,
        verbose_name=_("card"),
    )  # fmt: skip
    gateway_id = models.CharField(_("gateway charge id"), max_length=80, blank=True)
    idempotency_key = models.CharField(max_length=64)
    amount = models.DecimalField(_("amount"), **MONEY)
    status = models.CharField(_("status"), max_length=12)
    message = models.CharField(_("message"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("card charge")
        verbose_name_plural = _("card charges")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "idempotency_key"], name="billing_cardcharge_key"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "invoice"], name="billing_cardcharge_invoice"),
            models.Index(fields=["organization", "gateway_id"], name="billing_cardcharge_gw"),
        ]

    def __str__(self) -> str:
        return f"{self.gateway_id} {self.amount}"
