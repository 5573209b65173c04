"""Forms of plans, subscriptions and billing settings: they parse input only; the services
validate the rules and write."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from atende.billing.models import DiscountKind, Period, Plan, SubscriptionStatus
from atende.billing.services.plans import MAX_DISCOUNTS, DiscountInput, PlanInput
from atende.billing.services.subscriptions import billing_settings
from atende.core.forms import AmountField, with_more_rows
from atende.core.templatetags.atende import brl

MORE_ROWS = 2  # blank discount rows shown under the plan's own


class PercentField(AmountField):
    """A percent shown without trailing zeros (`50`, `2,5`): `50,000` reads as fifty thousand."""

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            value = value.normalize()
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1))
        return super().prepare_value(value)


def _percent(label, **kwargs) -> PercentField:
    return PercentField(label=label, max_digits=6, decimal_places=3, **kwargs)


def _money(label, **kwargs) -> AmountField:
    return AmountField(label=label, max_digits=14, decimal_places=2, **kwargs)


class PlanForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    amount = _money(_("Amount per period (R$)"))
    period = forms.TypedChoiceField(
        label=_("Period"), choices=Period.choices, coerce=int, initial=Period.MONTHLY
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    @staticmethod
    def initial_for(plan: Plan | None) -> dict:
        if plan is None:
            return {"is_active": True, "period": Period.MONTHLY}
        return {
            "name": plan.name,
            "description": plan.description,
            "amount": plan.amount,
            "period": plan.period,
            "is_active": plan.is_active,
        }


class DiscountForm(forms.Form):
    """One discount; a row left blank is skipped."""

    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", "—"), *DiscountKind.choices], required=False
    )
    percent = _percent(_("Discount (%)"), required=False)
    first_installment = forms.IntegerField(
        label=_("From installment"), min_value=1, max_value=999, required=False
    )
    last_installment = forms.IntegerField(
        label=_("To installment"), min_value=1, max_value=999, required=False
    )
    days_before_due = forms.IntegerField(
        label=_("Days before due date"), min_value=0, max_value=60, required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("kind") and data.get("percent") is None:
            data["is_blank"] = True
        elif not data.get("kind"):
            self.add_error("kind", _("Choose the type of discount."))
        return data


class BaseDiscountFormSet(forms.BaseFormSet):
    def discounts(self) -> list[DiscountInput]:
        return [
            DiscountInput(
                kind=form.cleaned_data["kind"],
                percent=form.cleaned_data.get("percent"),
                first_installment=form.cleaned_data.get("first_installment"),
                last_installment=form.cleaned_data.get("last_installment"),
                days_before_due=form.cleaned_data.get("days_before_due"),
            )
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("is_blank")
            and not form.cleaned_data.get("DELETE")
        ]


DiscountFormSet = forms.formset_factory(
    DiscountForm,
    formset=BaseDiscountFormSet,
    extra=MORE_ROWS,
    can_delete=True,
    max_num=MAX_DISCOUNTS,
    validate_max=True,
    absolute_max=MAX_DISCOUNTS + MORE_ROWS,
)


def discount_formset(data=None, *, plan: Plan | None = None) -> BaseDiscountFormSet:
    initial = None
    if plan is not None:
        initial = [
            {
                "kind": discount.kind,
                "percent": discount.percent,
                "first_installment": discount.first_installment
                if discount.kind == DiscountKind.PROGRESSIVE
                else None,
                "last_installment": discount.last_installment
                if discount.kind == DiscountKind.PROGRESSIVE
                else None,
                "days_before_due": discount.days_before_due
                if discount.kind == DiscountKind.EARLY_PAYMENT
                else None,
            }
            for discount in plan.discounts.all()
        ]
    data = with_more_rows(data, prefix="descontos", more=MORE_ROWS, maximum=MAX_DISCOUNTS)
    return DiscountFormSet(data, initial=initial, prefix="descontos")


def plan_input(form: PlanForm, discounts: BaseDiscountFormSet) -> PlanInput:
    data = form.cleaned_data
    return PlanInput(
        name=data["name"],
        description=data["description"],
        amount=data["amount"],
        period=data["period"],
        is_active=data["is_active"],
        discounts=discounts.discounts(),
    )


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} – {brl(obj.amount)} ({obj.get_period_display()})"


class SubscriptionForm(forms.Form):
    plan = PlanChoiceField(label=_("Plan"), queryset=Plan.objects.none())
    bank_account = forms.ModelChoiceField(label=_("Bank account"), queryset=Plan.objects.none())
    start_date = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    billing_day = forms.IntegerField(label=_("Billing day"), min_value=1, max_value=28)
    amount = _money(
        _("Amount per period (R$)"),
        required=False,
        help_text=_("Leave blank to charge the plan's amount."),
    )
    address = forms.ModelChoiceField(
        label=_("Service address"),
        queryset=Plan.objects.none(),
        required=False,
        empty_label=_("The customer's billing address"),
    )
    promotional_percent = _percent(_("Promotional discount (%)"), required=False)
    promotional_until = forms.DateField(
        label=_("Promotional discount until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Periods starting up to this date get the discount; blank: no end."),
    )

    def __init__(self, *args, customer, plans, accounts, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["bank_account"].queryset = accounts
        self.fields["address"].queryset = customer.addresses.all()
        if not customer.allow_promotional_discount:
            del self.fields["promotional_percent"]
            del self.fields["promotional_until"]

    @staticmethod
    def initial_for(subscription, *, today) -> dict:
        if subscription is None:
            return {"billing_day": 10, "start_date": today}
        return {
            "plan": subscription.plan_id,
            "bank_account": subscription.bank_account_id,
            "start_date": subscription.start_date,
            "billing_day": subscription.billing_day,
            "amount": subscription.amount,
            "address": subscription.address_id,
            "promotional_percent": subscription.promotional_percent or None,
            "promotional_until": subscription.promotional_until,
        }


class SubscriptionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *SubscriptionStatus.choices],
        required=False,
    )


class BillingSettingsForm(forms.Form):
    invoice_days_before = forms.IntegerField(
        label=_("Make subscription invoices (days before the due date)"),
        min_value=0,
        max_value=60,
    )
    remind_days_before = forms.IntegerField(
        label=_("E-mail the boleto (days before the due date)"), min_value=0, max_value=30
    )
    overdue_notice_days = forms.IntegerField(
        label=_("E-mail the overdue notice (days after the due date)"),
        min_value=1,
        max_value=60,
        help_text=_("Counted from the first business day after the due date."),
    )
    suspend_after_days = forms.IntegerField(
        label=_("Suspend subscriptions (days overdue)"),
        min_value=1,
        max_value=365,
        help_text=_("Only customers with automatic suspension on; paying reactivates them."),
    )

    @staticmethod
    def initial_for_organization() -> dict:
        current = billing_settings()
        return {name: getattr(current, name) for name in BillingSettingsForm.base_fields}
