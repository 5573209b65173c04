"""Billing forms: they parse what people type (amounts the Brazilian way, dates); the services
check the rules and write."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atende.billing.models import Bank, BankAccount
from atende.billing.services.bank_accounts import BankAccountInput
from atende.billing.services.invoices import MAX_ITEMS, ItemInput
from atende.core.forms import AmountField, LineItemForm, with_more_rows

MORE_ROWS = 3
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _money(label, **kwargs) -> AmountField:
    return AmountField(label=label, max_digits=14, decimal_places=2, min_value=Decimal(0), **kwargs)


def _percent(label) -> AmountField:
    return AmountField(
        label=label, max_digits=6, decimal_places=3, min_value=Decimal(0), max_value=Decimal(100)
    )


class BankAccountForm(forms.ModelForm):
    boleto_fee = _money(_("Boleto fee (R$)"))
    fine_percent = _percent(_("Fine (%)"))
    monthly_interest_percent = _percent(_("Interest per month (%)"))
    bank = forms.ChoiceField(label=_("Bank"), choices=[("", _("Select…")), *Bank.choices])

    class Meta:
        model = BankAccount
        fields = [
            "name", "bank", "agency", "agency_digit", "account", "account_digit", "agreement",
            "agreement_digit", "wallet", "wallet_variation", "modality", "posto",
            "next_nosso_numero", "beneficiary_name", "beneficiary_document",
            "beneficiary_address", "beneficiary_city", "beneficiary_state",
            "beneficiary_postal_code", "boleto_fee", "fine_percent", "monthly_interest_percent",
            "instructions", "pix_key", "is_active",
        ]  # fmt: skip
        widgets = {
            "instructions": forms.Textarea(attrs={"rows": 3}),
            "agency": forms.TextInput(attrs={"inputmode": "numeric"}),
            "account": forms.TextInput(attrs={"inputmode": "numeric"}),
            "agreement": forms.TextInput(attrs={"inputmode": "numeric"}),
            "beneficiary_document": forms.TextInput(attrs={"inputmode": "numeric"}),
            "beneficiary_postal_code": forms.TextInput(attrs={"inputmode": "numeric"}),
            "next_nosso_numero": forms.NumberInput(attrs={"min": 1}),
        }
        help_texts = {
            "agreement": _(
                "Convênio (Banco do Brasil), código do beneficiário/cedente (Caixa, Santander, "
                "Sicoob, Sicredi); leave blank for Bradesco and Itaú."
            ),
            "modality": _("Caixa: 14 (registered) or 11; Sicoob: 01, 02, 03 or 05."),
            "posto": _("Sicredi only: the cooperativa's posto (2 digits)."),
            "pix_key": _("Printed as a PIX QR code beside the boleto, with the same amount."),
        }

    def account_input(self) -> BankAccountInput:
        data = self.cleaned_data
        return BankAccountInput(**{name: data[name] for name in self.Meta.fields})


class InvoiceForm(forms.Form):
    customer = forms.IntegerField(
        label=_("Customer code"), min_value=1, max_value=2_147_483_647,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip
    bank_account = forms.ModelChoiceField(
        label=_("Bank account"), queryset=BankAccount.objects.none(), empty_label=_("Select…")
    )
    description = forms.CharField(label=_("Description"), max_length=200)
    due_date = forms.DateField(label=pgettext_lazy("invoice", "Due date"), widget=DATE)
    discount = _money(_("Discount (R$)"), required=False)
    discount_until = forms.DateField(label=_("Discount until"), widget=DATE, required=False)
    issue_boleto = forms.BooleanField(label=_("Issue the boleto now"), required=False, initial=True)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        accounts = BankAccount.objects.filter(is_active=True).order_by("name")
        self.fields["bank_account"].queryset = accounts
        if len(accounts) == 1:
            self.fields["bank_account"].initial = accounts[0].pk


class BaseItemFormSet(forms.BaseFormSet):
    def items(self) -> list[ItemInput]:
        return [
            ItemInput(
                description=form.cleaned_data["description"],
                quantity=form.cleaned_data["quantity"],
                unit_price=form.cleaned_data["unit_price"],
            )
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("is_blank")
        ]


ItemFormSet = forms.formset_factory(
    LineItemForm,
    formset=BaseItemFormSet,
    extra=MORE_ROWS,
    max_num=MAX_ITEMS,
    validate_max=True,
    absolute_max=MAX_ITEMS + MORE_ROWS,
)


def item_formset(data=None, *, prefix="itens") -> BaseItemFormSet:
    """The items; "More rows" (a submit button) comes back with blank rows added."""
    data = with_more_rows(data, prefix=prefix, more=MORE_ROWS, maximum=MAX_ITEMS)
    return ItemFormSet(data, prefix=prefix, initial=[{"quantity": 1}])


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200)
