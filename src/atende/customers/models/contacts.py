"""People at a customer (C6) and the customer's other addresses (C5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.customers.models.address import address_fields, one_line
from atende.customers.models.catalogs import ContactType
from atende.customers.models.customer import Customer
from atende.tenancy.models import TenantModel


class Contact(TenantModel):
    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="contacts", db_index=False
    )
    name = models.CharField(_("name"), max_length=150)
    contact_type = models.ForeignKey(
        ContactType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        verbose_name=_("contact type"),
    )
    role = models.CharField(_("role"), max_length=80, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    phone_alt = models.CharField(_("other phone / fax"), max_length=20, blank=True)
    mobile = models.CharField(_("mobile"), max_length=20, blank=True)
    sms_consent = models.BooleanField(_("agreed to receive SMS"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    extra = models.JSONField(_("extra fields"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["organization", "customer", "name"], name="customers_contact_cust")
        ]

    def __str__(self) -> str:
        return self.name


class Address(TenantModel):
    """Another address of the customer (installation, delivery…), usable by plans."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="addresses", db_index=False
    )
    label = models.CharField(_("description"), max_length=80)
    locals().update(address_fields())
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("other addresses")
        ordering = ["label", "id"]
        indexes = [models.Index(fields=["organization", "customer"], name="customers_address_cust")]

    def __str__(self) -> str:
        return f"{self.label}: {self.address_line}"

    @property
    def address_line(self) -> str:
        return one_line(self)
