"""Other addresses of a customer (C5): installation, delivery… filled from the CEP."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.core.confirm import confirmation_page
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.forms import AddressForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import customer_address_get, customer_get
from atende.customers.services.contacts import address_delete, address_save
from atende.customers.views.detail import customer_url


def address_edit_view(request, number: int, pk: int | None = None):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    address = customer_address_get(customer=customer, pk=pk) if pk else None
    form = AddressForm(request.POST or None, instance=address)
    if request.method == "POST" and form.is_valid():
        try:
            address_save(
                actor=request.member, customer=customer, address=address, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Endereço salvo.")
            return redirect(customer_url(request, customer))
    context = {"form": form, "customer": customer, "address": address}
    return render(request, "customers/address_form.html", context)


@require_POST
def address_delete_view(request, number: int, pk: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    address = customer_address_get(customer=customer, pk=pk)
    asking = confirmation_page(
        request,
        question=f"Excluir o endereço {address.label}?",
        detail=address.address_line,
        button="Excluir endereço",
        cancel_url=customer_url(request, customer),
    )
    if asking:
        return asking
    address_delete(actor=request.member, address=address)
    messages.success(request, "Endereço excluído.")
    return redirect(customer_url(request, customer))
