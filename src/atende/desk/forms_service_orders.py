"""Service-order forms: the order, its items (a formset that works without JavaScript) and
the logo for printing. They parse input; the service computes totals and writes."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from atende.core.forms import AmountField, LineItemForm, with_more_rows
from atende.customers.models import Customer
from atende.desk.files import ORGANIZATION_LOGO
from atende.desk.models import ItemKind, ServiceOrder, ServiceOrderStatus
from atende.desk.services.service_orders import MAX_ITEMS, ItemInput
from atende.files.forms import UploadField

TYPED = ""  # the address choice that means "use the typed address"
MAIN = "main"
BILLING = "billing"
MORE_ROWS = 3  # blank item rows added by "More rows" (and shown on a new order)


def _money(label, **kwargs) -> AmountField:
    return AmountField(label=label, max_digits=14, decimal_places=2, min_value=Decimal(0), **kwargs)


class ServiceOrderForm(forms.Form):
    address_choice = forms.ChoiceField(label=_("Address"), required=False)
    address = forms.CharField(
        label=_("Other address"),
        max_length=400,
        required=False,
        help_text=_("Used when “Type another address” is chosen above."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=ServiceOrderStatus.choices)
    labour_hours = AmountField(
        label=_("Labour hours"),
        max_digits=7,
        decimal_places=2,
        min_value=Decimal(0),
        required=False,
        initial=Decimal(0),
    )
    hourly_rate = _money(_("Hourly rate (R$)"), required=False, initial=Decimal(0))
    discount = _money(_("Discount (R$)"), required=False, initial=Decimal(0))
    observations = forms.CharField(
        label=_("Observations"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, customer: Customer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.addresses = {MAIN: customer.address_line}
        labels = {MAIN: _("Main address")}
        if customer.has_billing_address:
            self.addresses[BILLING] = customer.billing_address_line
            labels[BILLING] = _("Billing address")
        for other in customer.addresses.all():
            self.addresses[f"a{other.pk}"] = other.address_line
            labels[f"a{other.pk}"] = other.label
        choices = [(key, f"{labels[key]}: {line}") for key, line in self.addresses.items() if line]
        self.fields["address_choice"].choices = [*choices, (TYPED, _("Type another address"))]

    def address_text(self) -> str:
        choice = self.cleaned_data.get("address_choice") or TYPED
        if choice == TYPED:
            return self.cleaned_data.get("address") or ""
        return self.addresses.get(choice, "")

    def service_order_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "address": self.address_text(),
            "status": data["status"],
            "labour_hours": data.get("labour_hours") or Decimal(0),
            "hourly_rate": data.get("hourly_rate") or Decimal(0),
            "discount": data.get("discount") or Decimal(0),
            "observations": data.get("observations", ""),
        }

    @classmethod
    def initial_for(cls, order: ServiceOrder | None, customer: Customer) -> dict:
        if order is None:
            return {"address_choice": MAIN if customer.address_line else TYPED}
        return {
            "address_choice": TYPED,
            "address": order.address,
            "status": order.status,
            "labour_hours": order.labour_hours,
            "hourly_rate": order.hourly_rate,
            "discount": order.discount,
            "observations": order.observations,
        }


class ItemForm(LineItemForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices, initial=ItemKind.SERVICE)
    field_order = ["kind", "description", "quantity", "unit_price"]


class BaseItemFormSet(forms.BaseFormSet):
    def items(self) -> list[ItemInput]:
        return [
            ItemInput(
                description=form.cleaned_data["description"],
                quantity=form.cleaned_data["quantity"],
                unit_price=form.cleaned_data["unit_price"],
                kind=form.cleaned_data["kind"],
            )
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("is_blank")
            and not form.cleaned_data.get("DELETE")
        ]


ItemFormSet = forms.formset_factory(
    ItemForm,
    formset=BaseItemFormSet,
    extra=MORE_ROWS,
    can_delete=True,
    max_num=MAX_ITEMS,
    validate_max=True,
    absolute_max=MAX_ITEMS + MORE_ROWS,
)


def item_formset(data=None, *, initial=None, prefix="itens") -> BaseItemFormSet:
    """The items formset; "More rows" (a submit button) comes back with blank rows added."""
    data = with_more_rows(data, prefix=prefix, more=MORE_ROWS, maximum=MAX_ITEMS)
    return ItemFormSet(data, initial=initial, prefix=prefix)


def _plain(quantity: Decimal) -> Decimal:
    """`2.000` → `2`, `1.500` → `1.5` (never `1E+2`)."""
    if quantity == quantity.to_integral_value():
        return quantity.quantize(Decimal(1))
    return quantity.normalize()


def item_initial(items) -> list[dict]:
    return [
        {
            "kind": item.kind,
            "description": item.description,
            "quantity": _plain(item.quantity),
            "unit_price": item.unit_price,
        }
        for item in items
    ]


class LogoForm(forms.Form):
    logo = UploadField(
        use=ORGANIZATION_LOGO,
        label=_("Logo"),
        required=False,
        help_text=_("JPG, PNG or GIF up to 2 MB, printed at the top of service orders."),
    )
    remove = forms.BooleanField(label=_("Remove the current logo"), required=False)
