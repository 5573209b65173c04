"""Service orders (D8, "ordem de serviço"): the work done for a ticket's customer, with items,
labour and totals, printed for the technician and the customer to sign."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atende.tenancy.models import TenantModel

MONEY = {"max_digits": 14, "decimal_places": 2}


class ServiceOrderStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("service order status", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("service order status", "In progress")
    DONE = "done", pgettext_lazy("service order status", "Completed")
    CANCELLED = "cancelled", pgettext_lazy("service order status", "Cancelled")


class ItemKind(models.TextChoices):
    PRODUCT = "product", pgettext_lazy("service order item", "Product")
    SERVICE = "service", pgettext_lazy("service order item", "Service")


class ServiceOrder(TenantModel):
    number = models.PositiveIntegerField(_("number"), editable=False)
    ticket = models.ForeignKey(
        "desk.Ticket",
        on_delete=models.PROTECT,
        related_name="service_orders",
        db_index=False,
        verbose_name=_("ticket"),
    )
    # The ticket's customer when the order was issued (a document keeps who it was for).
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.PROTECT,
        related_name="service_orders",
        db_index=False,
        verbose_name=_("customer"),
    )
    address = models.CharField(_("address"), max_length=400, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ServiceOrderStatus.choices,
        default=ServiceOrderStatus.OPEN,
    )
    labour_hours = models.DecimalField(
        _("labour hours"), max_digits=7, decimal_places=2, default=Decimal("0.00")
    )
    hourly_rate = models.DecimalField(_("hourly rate"), **MONEY, default=Decimal("0.00"))
    discount = models.DecimalField(_("discount"), **MONEY, default=Decimal("0.00"))
    # Computed by the service from the items and labour, stored so lists and the PDF agree.
    items_total = models.DecimalField(_("items"), **MONEY, default=Decimal("0.00"))
    labour_total = models.DecimalField(_("labour"), **MONEY, default=Decimal("0.00"))
    total = models.DecimalField(_("total"), **MONEY, default=Decimal("0.00"))
    observations = models.TextField(_("observations"), blank=True)
    created_by = models.ForeignKey(
        "tenancy.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("issued by"),
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last update"), auto_now=True)

    class Meta:
        verbose_name = _("service order")
        verbose_name_plural = _("service orders")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="desk_serviceorder_number"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "ticket", "number"], name="desk_so_ticket"),
            models.Index(
                fields=["organization", "customer", "-created_at", "-id"], name="desk_so_customer"
            ),
        ]

    def __str__(self) -> str:
        return f"OS {self.number}"

    @property
    def subtotal(self) -> Decimal:
        return self.items_total + self.labour_total


class ServiceOrderItem(TenantModel):
    order = models.ForeignKey(
        ServiceOrder, on_delete=models.CASCADE, related_name="items", db_index=False
    )
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(
        _("kind"), max_length=10, choices=ItemKind.choices, default=ItemKind.SERVICE
    )
    description = models.CharField(_("description"), max_length=200)
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=3)
    unit_price = models.DecimalField(_("unit price"), **MONEY)
    line_total = models.DecimalField(_("line total"), **MONEY)

    class Meta:
        verbose_name = _("service order item")
        verbose_name_plural = _("service order items")
        indexes = [
            models.Index(fields=["organization", "order", "position"], name="desk_so_item_order")
        ]

    def __str__(self) -> str:
        return self.description


class ServiceOrderSettings(TenantModel):
    """The organization's choices for printed service orders: its logo."""

    logo = models.ForeignKey(
        "files.StoredFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("logo"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("service order settings")
        verbose_name_plural = _("service order settings")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="desk_so_settings_one")
        ]

    def __str__(self) -> str:
        return str(_("service order settings"))
