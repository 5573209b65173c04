"""The batch emission form (B5): terms of the boleto and which customers (parse only)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atende.billing.models import BankAccount

FILTERS = "filters"
NUMBERS = "numbers"


def money_text(value: str) -> str:
    """ "1.234,56" (as typed in Brazil) → "1234.56"; anything else is left to the service."""
    value = (value or "").strip().replace("R$", "").strip()
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    return value


class BatchForm(forms.Form):
    bank_account = forms.ModelChoiceField(
        label=_("Bank account"),
        queryset=BankAccount.objects.none(),
        required=False,
        empty_label=None,
    )
    # The service checks the terms (every problem at once, in Portuguese); the form only
    # parses, so a blank field is reported together with the others.
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    amount = forms.CharField(
        label=_("Amount (R$)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "0,00"}),
    )
    due_date = forms.DateField(
        label=pgettext_lazy("boleto", "Due date"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    send_email = forms.BooleanField(
        label=_("E-mail each boleto to its customer when the batch is done"), required=False
    )
    source = forms.ChoiceField(
        label=_("Customers"),
        choices=[
            (FILTERS, _("The customers of the list as filtered")),
            (NUMBERS, _("The customer codes I paste below")),
        ],
        widget=forms.RadioSelect,
        initial=FILTERS,
    )
    numbers = forms.CharField(
        label=_("Customer codes"),
        required=False,
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, or separated by commas or spaces."),
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bank_account"].queryset = BankAccount.objects.filter(is_active=True).order_by(
            "name", "pk"
        )

    def clean_amount(self) -> str:
        return money_text(self.cleaned_data["amount"])

    def terms(self) -> dict[str, object]:
        """The boleto's terms as the batch services take them."""
        names = ("bank_account", "description", "amount", "due_date")
        return {name: self.cleaned_data[name] for name in names}
