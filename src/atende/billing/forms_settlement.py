"""Settlement forms (B4): they parse what was typed; the services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from atende.customers.forms import DATE_INPUT


def money_text(value: str) -> str:
    """`1.234,56` or `1234,56` (as people type in Brazil) or `1234.56` → `1234.56`."""
    value = (value or "").strip().removeprefix("R$").strip()
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    return value


class ReturnFileUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Return file (.RET)"),
        help_text=_("The CNAB 240 or 400 file your bank sends, exactly as downloaded."),
    )


class BoletoSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Boleto number, nosso número, linha digitável or barcode"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}),
    )


class ManualSettleForm(forms.Form):
    boleto = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    paid_on = forms.DateField(label=_("Payment date"), widget=DATE_INPUT)
    amount_paid = forms.CharField(label=_("Amount paid (R$)"), max_length=20)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def clean_amount_paid(self) -> str:
        return money_text(self.cleaned_data["amount_paid"])


class PaymentUndoForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=200,
        help_text=_("Kept with the payment, for the audit."),
    )
