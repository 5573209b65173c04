"""Card forms (B8): they parse what was typed; the services validate and write."""

from django import forms
from django.utils.translation import gettext_lazy as _


class StoredCardForm(forms.Form):
    token = forms.CharField(
        label=_("Card id at Pagar.me"),
        max_length=120,
        help_text=_("The card_… id Pagar.me returned when the customer registered the card."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "card_…"}),
    )
    customer_ref = forms.CharField(
        label=_("Customer id at Pagar.me"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "cus_…"}),
    )
    brand = forms.CharField(label=_("Brand"), max_length=20, required=False)
    last_digits = forms.CharField(
        label=_("Last 4 digits"),
        max_length=4,
        min_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class CardChargeForm(forms.Form):
    card = forms.ModelChoiceField(label=_("Card"), queryset=None, empty_label=None)

    def __init__(self, *args, cards, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["card"].queryset = cards
