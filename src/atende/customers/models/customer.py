"""The customer: a person (CPF) or a company (CNPJ) with address, billing flags and owner."""

from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atende.core.documents import format_document
from atende.core.sorting import KEY_LENGTH
from atende.customers.models.address import address_fields, one_line
from atende.customers.models.catalogs import Category, Origin, OriginType
from atende.tenancy.models import TenantModel


class CustomerKind(models.TextChoices):
    PERSON = "person", _("Individual (CPF)")
    COMPANY = "company", _("Company (CNPJ)")


class SubscriberType(models.TextChoices):
    COMMERCIAL = "commercial", _("Commercial/Industrial")
    GOVERNMENT = "government", _("Government")
    RESIDENTIAL = "residential", _("Residential/Individual")
    PUBLIC = "public", _("Public")
    SEMI_PUBLIC = "semi_public", _("Semi-public")
    OTHER = "other", _("Other")


class Customer(TenantModel):
    number = models.PositiveIntegerField(_("code"), editable=False)
    kind = models.CharField(
        _("type"), max_length=10, choices=CustomerKind.choices, default=CustomerKind.PERSON
    )
    is_active = models.BooleanField(_("active"), default=True)
    registered_on = models.DateField(_("registration date"), default=timezone.localdate)
    name = models.CharField(_("name / legal name"), max_length=200)
    trade_name = models.CharField(_("trade name"), max_length=200, blank=True)
    document = models.CharField(_("CPF/CNPJ"), max_length=14, blank=True)
    state_registration = models.CharField(_("state registration"), max_length=30, blank=True)
    municipal_registration = models.CharField(
        _("municipal registration"), max_length=30, blank=True
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    phone_alt = models.CharField(_("other phone / fax"), max_length=20, blank=True)
    locals().update(address_fields())
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    condominium = models.CharField(_("condominium"), max_length=100, blank=True)
    has_billing_address = models.BooleanField(_("separate billing address"), default=False)
    locals().update(address_fields("billing_"))
    if TYPE_CHECKING:  # the fields address_fields() added above, which mypy cannot see
        postal_code: str
        street: str
        street_number: str
        complement: str
        district: str
        city: str
        state: str
        billing_postal_code: str
        billing_street: str
        billing_street_number: str
        billing_complement: str
        billing_district: str
        billing_city: str
        billing_state: str
    notes = models.TextField(_("notes"), blank=True)
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        verbose_name=_("category"),
    )
    owner = models.ForeignKey(
        "tenancy.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("portfolio owner"),
    )
    origin_type = models.ForeignKey(
        OriginType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        verbose_name=_("commercial origin type"),
    )
    origin = models.ForeignKey(
        Origin,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        verbose_name=_("commercial origin"),
    )
    # Billing flags (C3); billing reads them. Defaults follow what the seed systems ship with.
    auto_suspend = models.BooleanField(_("suspend automatically when unpaid"), default=True)
    charge_boleto_fee = models.BooleanField(_("charge boleto fee"), default=False)
    itemised_invoice = models.BooleanField(_("itemised invoice"), default=False)
    fiscal_activity_code = models.CharField(_("fiscal activity code"), max_length=20, blank=True)
    charge_fines_and_interest = models.BooleanField(_("charge fines and interest"), default=True)
    allow_progressive_discount = models.BooleanField(_("allow progressive discounts"), default=True)
    allow_promotional_discount = models.BooleanField(_("allow promotional discounts"), default=True)
    email_boleto_before_due = models.BooleanField(
        _("e-mail the boleto before the due date"), default=True
    )
    email_overdue_notice = models.BooleanField(_("e-mail overdue notices"), default=True)
    never_send_to_credit_bureau = models.BooleanField(
        _("never send to credit bureaus (SPC/Serasa)"), default=False
    )
    skip_batch_boleto_printing = models.BooleanField(
        _("never include in batch boleto printing"), default=False
    )
    ledger_account = models.CharField(_("ledger account"), max_length=30, blank=True)
    fiscal_classification = models.CharField(_("fiscal classification"), max_length=30, blank=True)
    subscriber_type = models.CharField(
        _("subscriber type"),
        max_length=12,
        choices=SubscriberType.choices,
        default=SubscriberType.RESIDENTIAL,
    )
    extra = models.JSONField(_("extra fields"), default=dict, blank=True)
    # Lowercase, accent-free text of everything searchable (names, code, e-mails, digits of
    # documents and phones, contacts); kept by the services. Trigram-indexed on PostgreSQL.
    search_text = models.TextField(editable=False, default="")
    # The name and city as lists sort them (atende.core.sorting.sort_key: accents and case
    # ignored), kept by the services and indexed, so both databases read the same order.
    name_key = models.CharField(max_length=KEY_LENGTH, editable=False, default="")
    city_key = models.CharField(max_length=KEY_LENGTH, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="customers_customer_number"
            ),
            models.UniqueConstraint(
                fields=["organization", "document"],
                condition=~models.Q(document=""),
                name="customers_customer_document",
            ),
        ]
        indexes = [
            # The list's orders (selectors.SORTS): name_key, or city_key then name_key, then id.
            models.Index(fields=["organization", "name_key", "id"], name="customers_cust_name"),
            models.Index(
                fields=["organization", "is_active", "name_key", "id"],
                name="customers_cust_active",
            ),
            models.Index(
                fields=["organization", "category", "name_key"], name="customers_cust_cat"
            ),
            models.Index(fields=["organization", "owner", "name_key"], name="customers_cust_owner"),
            models.Index(
                fields=["organization", "city_key", "name_key", "id"], name="customers_cust_city"
            ),
            models.Index(
                fields=["organization", "registered_on", "id"], name="customers_cust_registered"
            ),
        ]
        permissions = [
            ("send_email_customer", _("Can send e-mail to customers")),
            ("send_sms_customer", _("Can send SMS to customers")),
            ("export_customer", _("Can export customers")),
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.display_name}"

    @property
    def display_name(self) -> str:
        return (self.trade_name or self.name) if self.is_company else self.name

    @property
    def is_company(self) -> bool:
        return self.kind == CustomerKind.COMPANY

    @property
    def document_display(self) -> str:
        return format_document(self.document)

    @property
    def address_line(self) -> str:
        return one_line(self)

    @property
    def billing_address_line(self) -> str:
        return one_line(self, "billing_") if self.has_billing_address else self.address_line
