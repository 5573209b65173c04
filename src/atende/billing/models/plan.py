"""Plans and subscriptions (B7): recurring charges with progressive and promotional
discounts, as the seed systems describe them ("Planos e Serviços", "Mensalidade progressiva",
"Desconto por pagamento antecipado")."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atende.billing.models.common import MONEY, PERCENT, ZERO, member_link
from atende.tenancy.models import TenantModel


class Period(models.IntegerChoices):
    """Months per period."""

    MONTHLY = 1, _("Monthly")
    QUARTERLY = 3, _("Quarterly")
    HALF_YEARLY = 6, _("Half-yearly")
    YEARLY = 12, _("Yearly")


class Plan(TenantModel):
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = models.DecimalField(_("amount per period"), **MONEY)
    period = models.PositiveSmallIntegerField(
        _("period"), choices=Period.choices, default=Period.MONTHLY
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["name"]
        indexes = [models.Index(fields=["organization", "name"], name="billing_plan_name")]

    def __str__(self) -> str:
        return self.name


class DiscountKind(models.TextChoices):
    # "Mensalidade progressiva": a discount on the Nth invoices of a subscription.
    PROGRESSIVE = "progressive", _("Progressive (by installment)")
    # "Desconto por pagamento antecipado": paid up to N days before the due date.
    EARLY_PAYMENT = "early_payment", _("Promotional (early payment)")


class PlanDiscount(TenantModel):
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        related_name="discounts",
        db_index=False,
        verbose_name=_("plan"),
    )
    kind = models.CharField(_("type"), max_length=15, choices=DiscountKind.choices)
    percent = models.DecimalField(_("discount (%)"), **PERCENT, default=ZERO)
    # Progressive: installments first_installment..last_installment (1 = the first invoice).
    first_installment = models.PositiveSmallIntegerField(_("from installment"), default=1)
    last_installment = models.PositiveSmallIntegerField(_("to installment"), default=1)
    # Early payment: paid at least this many days before the due date.
    days_before_due = models.PositiveSmallIntegerField(_("days before due date"), default=0)

    class Meta:
        verbose_name = _("plan discount")
        verbose_name_plural = _("plan discounts")
        ordering = ["kind", "first_installment"]
        indexes = [models.Index(fields=["organization", "plan"], name="billing_discount_plan")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.percent}%"


class SubscriptionStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("subscription status", "Active")
    SUSPENDED = "suspended", pgettext_lazy("subscription status", "Suspended")
    CANCELLED = "cancelled", pgettext_lazy("subscription status", "Cancelled")


class Subscription(TenantModel):
    number = models.PositiveIntegerField(_("number"), editable=False)
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.PROTECT, related_name="subscriptions",
        db_index=False, verbose_name=_("customer"),
    )  # fmt: skip
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="subscriptions", db_index=False,
        verbose_name=_("plan"),
    )  # fmt: skip
    bank_account = models.ForeignKey(
        "billing.BankAccount", on_delete=models.PROTECT, related_name="+", db_index=False,
        verbose_name=_("bank account"),
    )  # fmt: skip
    # One of the customer's other addresses (C5); blank = the customer's billing address.
    address = models.ForeignKey(
        "customers.Address", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        db_index=False, verbose_name=_("address"),
    )  # fmt: skip
    amount = models.DecimalField(
        _("amount per period"), **MONEY, help_text=_("Leave as the plan's amount or agree another.")
    )
    start_date = models.DateField(_("start date"))
    billing_day = models.PositiveSmallIntegerField(_("billing day"))
    # Promotional discount agreed with this customer (C3 flag "allow promotional discounts").
    promotional_percent = models.DecimalField(
        _("promotional discount (%)"), **PERCENT, default=ZERO
    )
    promotional_until = models.DateField(_("promotional discount until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.ACTIVE,
    )  # fmt: skip
    # The first day of the next period to charge: the scheduled job advances it with each
    # invoice it makes, so a job that runs twice or late charges every period exactly once.
    next_period_start = models.DateField(_("next period"))
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    created_by = member_link("created_by", _("created by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="billing_subscription_number"
            ),
            models.CheckConstraint(
                condition=models.Q(billing_day__gte=1, billing_day__lte=28),
                name="billing_subscription_day",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "customer"], name="billing_sub_customer"),
            models.Index(
                fields=["organization", "status", "next_period_start"], name="billing_sub_due"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} – {self.customer}"


class ReminderKind(models.TextChoices):
    BEFORE_DUE = "before_due", _("Boleto before the due date")
    OVERDUE = "overdue", _("Overdue notice")


class ReminderSent(TenantModel):
    """One row per reminder sent: the unique constraint is what makes each one go once."""

    invoice = models.ForeignKey(
        "billing.Invoice", on_delete=models.CASCADE, related_name="reminders", db_index=False,
        verbose_name=_("invoice"),
    )  # fmt: skip
    kind = models.CharField(_("type"), max_length=12, choices=ReminderKind.choices)
    sent_to = models.CharField(_("sent to"), max_length=254)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "invoice", "kind"], name="billing_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.invoice}"
