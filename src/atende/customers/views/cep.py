"""Fill the address from the CEP (htmx): the inputs come back as out-of-band swaps."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from atende.accounts.permissions import can
from atende.customers.cep import CepUnavailable, cep_lookup
from atende.customers.forms import CustomerForm
from atende.customers.permissions import CustomerPerm

ADDRESS_PARTS = ("street", "district", "city", "state")
PREFIXES = {"", "billing_"}


def cep_lookup_view(request):
    # Only the address forms use it: whoever may fill one in (add or change customers).
    if not (can(request.member, CustomerPerm.ADD) or can(request.member, CustomerPerm.CHANGE)):
        raise PermissionDenied
    prefix = request.GET.get("prefix", "")
    prefix = prefix if prefix in PREFIXES else ""
    cep = request.GET.get(f"{prefix}postal_code", "") or request.GET.get("cep", "")
    context = {"prefix": prefix, "fields": [], "notice": ""}
    try:
        address = cep_lookup().lookup(cep)
    except CepUnavailable:
        context["notice"] = "Busca de CEP indisponível agora: preencha o endereço."
        return render(request, "customers/cep_result.html", context)
    if address is None:
        context["notice"] = "CEP não encontrado: confira o número ou preencha o endereço."
        return render(request, "customers/cep_result.html", context)
    initial = {f"{prefix}{part}": getattr(address, part) for part in ADDRESS_PARTS}
    form = CustomerForm(initial=initial)
    # Same ids as the page's inputs, so htmx swaps them in place (out of band).
    context["fields"] = [
        form[f"{prefix}{part}"].as_widget(attrs={"hx-swap-oob": "true"}) for part in ADDRESS_PARTS
    ]
    context["notice"] = f"Endereço do CEP {cep}: {address.city}/{address.state}."
    return render(request, "customers/cep_result.html", context)
