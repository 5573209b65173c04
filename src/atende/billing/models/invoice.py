"""Receivables (B6): the invoice (título) a customer owes, its items and its payments."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atende.billing.models.common import MONEY, PERCENT, ZERO, member_link
from atende.tenancy.models import TenantModel


class InvoiceStatus(models.TextChoices):
    # "Vencido" is not stored: an open invoice is overdue once its due date (moved to the next
    # business day) has passed, which the selectors compute from the date alone.
    OPEN = "open", pgettext_lazy("invoice status", "Open")
    PARTIALLY_PAID = "partial", pgettext_lazy("invoice status", "Partially paid")
    PAID = "paid", pgettext_lazy("invoice status", "Paid")
    CANCELLED = "cancelled", pgettext_lazy("invoice status", "Cancelled")


OPEN_STATUSES = (InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID)


class Invoice(TenantModel):
    number = models.PositiveIntegerField(_("number"), editable=False)
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.PROTECT,
        related_name="invoices",
        db_index=False,
        verbose_name=_("customer"),
    )
    bank_account = models.ForeignKey(
        "billing.BankAccount",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        db_index=False,
        verbose_name=_("bank account"),
    )
    description = models.CharField(_("description"), max_length=200)
    issue_date = models.DateField(_("issue date"))
    due_date = models.DateField(_("due date"))
    # items_total + fee; what the boleto charges before discount, fine and interest.
    amount = models.DecimalField(_("amount"), **MONEY)
    fee = models.DecimalField(_("boleto fee"), **MONEY, default=ZERO)
    discount = models.DecimalField(_("discount"), **MONEY, default=ZERO)
    discount_until = models.DateField(_("discount until"), null=True, blank=True)
    fine_percent = models.DecimalField(_("fine (%)"), **PERCENT, default=ZERO)
    monthly_interest_percent = models.DecimalField(
        _("interest per month (%)"), **PERCENT, default=ZERO
    )
    status = models.CharField(
        _("status"), max_length=10, choices=InvoiceStatus.choices, default=InvoiceStatus.OPEN
    )
    # Sum of the payments not undone; the status follows it.
    paid_amount = models.DecimalField(_("amount paid"), **MONEY, default=ZERO)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    # What was paid beyond what was owed, kept as the customer's credit.
    credit = models.DecimalField(_("credit"), **MONEY, default=ZERO)
    cancelled_reason = models.CharField(_("cancellation reason"), max_length=200, blank=True)
    subscription = models.ForeignKey(
        "billing.Subscription",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        db_index=False,
        verbose_name=_("subscription"),
    )
    # The first day of the subscription period this invoice charges (one invoice per period).
    period_start = models.DateField(_("period start"), null=True, blank=True)
    batch = models.ForeignKey(
        "billing.BoletoBatch",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        db_index=False,
        verbose_name=_("batch"),
    )
    created_by = member_link("created_by", _("created by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last update"), auto_now=True)

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="billing_invoice_number"
            ),
            # A subscription period is charged once, however often or late the job runs.
            models.UniqueConstraint(
                fields=["organization", "subscription", "period_start"],
                name="billing_invoice_period",
            ),
            # A batch gives each customer one invoice, however often it is resumed.
            models.UniqueConstraint(
                fields=["organization", "batch", "customer"], name="billing_invoice_batch"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="billing_invoice_amount"
            ),
        ]
        indexes = [
            models.Index(
                fields=["organization", "customer", "-due_date"], name="billing_inv_customer"
            ),
            models.Index(
                fields=["organization", "status", "due_date"], name="billing_inv_status_due"
            ),
            models.Index(fields=["organization", "-number"], name="billing_inv_number_desc"),
        ]

    def __str__(self) -> str:
        return _("Invoice %(number)s") % {"number": self.number}

    @property
    def balance(self):
        """What is still owed at face value (the discount, fine and interest depend on the
        payment date: `rules.charges.amount_due`); overpayment is credit, never negative."""
        if self.status == InvoiceStatus.CANCELLED:
            return ZERO
        return max(self.amount - self.paid_amount, ZERO)


class InvoiceItem(TenantModel):
    invoice = models.ForeignKey(
        Invoice,
        on_delete=models.CASCADE,
        related_name="items",
        db_index=False,
        verbose_name=_("invoice"),
    )
    description = models.CharField(_("description"), max_length=200)
    quantity = models.DecimalField(_("quantity"), max_digits=10, decimal_places=3)
    unit_price = models.DecimalField(_("unit price"), **MONEY)
    total = models.DecimalField(_("total"), **MONEY)

    class Meta:
        verbose_name = _("invoice item")
        verbose_name_plural = _("invoice items")
        ordering = ["id"]
        indexes = [models.Index(fields=["organization", "invoice"], name="billing_item_invoice")]

    def __str__(self) -> str:
        return self.description


class PaymentSource(models.TextChoices):
    RETURN_FILE = "return_file", _("Bank return file")
    MANUAL = "manual", _("Manual settlement")
    CARD = "card", _("Card")


class Payment(TenantModel):
    """One payment received for an invoice; undoing keeps the row (audited) and marks it."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="payments", db_index=False,
        verbose_name=_("invoice"),
    )  # fmt: skip
    boleto = models.ForeignKey(
        "billing.Boleto", on_delete=models.PROTECT, null=True, blank=True,
        related_name="payments", db_index=False, verbose_name=_("boleto"),
    )  # fmt: skip
    source = models.CharField(_("source"), max_length=12, choices=PaymentSource.choices)
    amount_paid = models.DecimalField(_("amount paid"), **MONEY)
    fees = models.DecimalField(_("bank fees"), **MONEY, default=ZERO)
    interest = models.DecimalField(_("fine and interest"), **MONEY, default=ZERO)
    discount = models.DecimalField(_("discount"), **MONEY, default=ZERO)
    paid_on = models.DateField(_("payment date"))
    credited_on = models.DateField(_("credit date"), null=True, blank=True)
    return_file = models.ForeignKey(
        "billing.ReturnFile", on_delete=models.PROTECT, null=True, blank=True,
        related_name="payments", db_index=False, verbose_name=_("return file"),
    )  # fmt: skip
    # Identifies the bank's occurrence (bank, nosso número, code, dates, amount): the same
    # occurrence in another file settles nothing twice.
    occurrence_key = models.CharField(max_length=64, blank=True)
    card_charge_id = models.CharField(_("card charge"), max_length=80, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = member_link("created_by", _("recorded by"))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undone_by = member_link("undone_by", _("undone by"))
    undone_reason = models.CharField(_("reason for undoing"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "occurrence_key"],
                condition=~models.Q(occurrence_key=""),
                name="billing_payment_occurrence",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "invoice"], name="billing_payment_invoice"),
            models.Index(fields=["organization", "-paid_on"], name="billing_payment_paid_on"),
        ]

    def __str__(self) -> str:
        return _("Payment of invoice %(number)s") % {"number": self.invoice.number}
