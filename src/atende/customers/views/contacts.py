"""Contacts and observations of a customer."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.core.confirm import confirmation_page
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.forms import ContactForm, ObservationForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import (
    customer_contact_get,
    customer_get,
    customer_observation_get,
)
from atende.customers.services.contacts import (
    contact_delete,
    contact_save,
    observation_add,
    observation_update,
)
from atende.customers.views.detail import customer_url


def contact_edit_view(request, number: int, pk: int | None = None):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    contact = customer_contact_get(customer=customer, pk=pk) if pk else None
    form = ContactForm(request.POST or None, instance=contact, customer=customer)
    if request.method == "POST" and form.is_valid():
        try:
            contact_save(
                actor=request.member, customer=customer, contact=contact, **form.service_fields()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Contato salvo.")
            return redirect(customer_url(request, customer, "contatos"))
    context = {"form": form, "customer": customer, "contact": contact}
    return render(request, "customers/contact_form.html", context)


@require_POST
def contact_delete_view(request, number: int, pk: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    contact = customer_contact_get(customer=customer, pk=pk)
    asking = confirmation_page(
        request,
        question=f"Excluir o contato {contact.name}?",
        detail="O contato sai do cadastro do cliente; isso não pode ser desfeito.",
        button="Excluir contato",
        cancel_url=customer_url(request, customer, "contatos"),
    )
    if asking:
        return asking
    contact_delete(actor=request.member, contact=contact)
    messages.success(request, f"Contato {contact.name} excluído.")
    return redirect(customer_url(request, customer, "contatos"))


def observation_edit_view(request, number: int, pk: int | None = None):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    observation = customer_observation_get(customer=customer, pk=pk) if pk else None
    form = ObservationForm(request.POST or None, instance=observation)
    if request.method == "POST" and form.is_valid():
        try:
            if observation is None:
                observation_add(actor=request.member, customer=customer, **form.cleaned_data)
            else:
                observation_update(
                    actor=request.member, observation=observation, **form.cleaned_data
                )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Observação salva.")
            return redirect(customer_url(request, customer, "observacoes"))
    context = {"form": form, "customer": customer, "observation": observation}
    return render(request, "customers/observation_form.html", context)
