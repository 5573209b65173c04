"""Observations (C7) with mandatory reading, direct-debit data (C8) and favourites (C12)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.customers.banks import bank_label
from atende.customers.models.customer import Customer
from atende.tenancy.models import TenantModel


class Observation(TenantModel):
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="observations", db_index=False
    )
    text = models.TextField(_("observation"))
    is_mandatory_reading = models.BooleanField(_("mandatory reading"), default=False)
    author = models.ForeignKey(
        "tenancy.Member", on_delete=models.SET_NULL, null=True, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["organization", "customer", "created_at"], name="customers_obs_cust"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class ObservationRead(TenantModel):
    """A member confirmed reading a mandatory observation; it stops popping up for them."""

    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="reads", db_index=False
    )
    member = models.ForeignKey(
        "tenancy.Member", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "observation", "member"], name="customers_obs_read"
            )
        ]

    def __str__(self) -> str:
        return str(self.observation)  # how the Histórico names the read


class DirectDebitStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting bank authorisation")
    ACTIVE = "active", _("Active")
    REFUSED = "refused", _("Refused by the bank")
    CANCELLED = "cancelled", _("Cancelled")


class AccountType(models.TextChoices):
    CHECKING = "checking", _("Checking account")
    SAVINGS = "savings", _("Savings account")


class DirectDebit(TenantModel):
    """Bank account data for automatic debit (débito automático) of the customer's bills."""

    # One per customer (the constraint below); a ForeignKey keeps the unique index tenant-led.
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="direct_debits", db_index=False
    )
    bank_code = models.CharField(_("bank"), max_length=3)
    agency = models.CharField(_("agency"), max_length=10)
    account = models.CharField(_("account number"), max_length=20)
    account_type = models.CharField(
        _("account type"), max_length=10, choices=AccountType.choices, default=AccountType.CHECKING
    )
    identifier = models.CharField(_("identifier code"), max_length=25)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DirectDebitStatus.choices,
        default=DirectDebitStatus.PENDING,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("direct debit")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "customer"], name="customers_directdebit_customer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.bank_code} {self.agency}/{self.account}"

    @property
    def bank_label(self) -> str:
        return bank_label(self.bank_code)


class Favorite(TenantModel):
    member = models.ForeignKey(
        "tenancy.Member", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="favorites", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "member", "customer"], name="customers_favorite_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} ★ {self.customer_id}"
