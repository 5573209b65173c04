"""E-mails and SMS tab actions: compose, send (queued after commit), re-send."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.forms import CustomerEmailForm, CustomerSmsForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import customer_email_get, customer_get
from atende.customers.services.messages import (
    customer_email_resend,
    customer_email_send,
    customer_sms_send,
)
from atende.customers.views.detail import customer_tab_view, customer_url


@require_POST
def email_send_view(request, number: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.SEND_EMAIL)
    form = CustomerEmailForm(request.POST, request.FILES, customer=customer)
    if not form.is_valid():
        return _emails_tab_with(request, number, form)
    data = form.cleaned_data
    try:
        customer_email_send(
            actor=request.member,
            customer=customer,
            to=data["to"],
            cc=data["cc"].replace(";", ",").split(","),
            subject=data["subject"],
            body=data["body"],
            attachments=[data["attachment"]] if data["attachment"] else [],
        )
    except DomainError as error:
        add_domain_error(form, error)
        return _emails_tab_with(request, number, form)
    messages.success(request, "E-mail na fila de envio.")
    return redirect(customer_url(request, customer, "emails"))


def _emails_tab_with(request, number: int, form: CustomerEmailForm):
    """The E-mails tab again with the form as sent, so each error shows on its field."""
    request.customer_email_form = form  # read by the tab's context (builtin_tabs._messages)
    return customer_tab_view(request, number, "emails")


@require_POST
def email_resend_view(request, number: int, pk: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.SEND_EMAIL)
    email = customer_email_get(customer=customer, pk=pk)
    customer_email_resend(actor=request.member, email=email)
    messages.success(request, "E-mail reenviado para a fila.")
    return redirect(customer_url(request, customer, "emails"))


@require_POST
def sms_send_view(request, number: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.SEND_SMS)
    form = CustomerSmsForm(request.POST, customer=customer)
    if not form.is_valid():
        messages.error(request, "Escolha os celulares e escreva a mensagem.")
        return redirect(customer_url(request, customer, "emails"))
    template = form.cleaned_data["template"]
    text = form.cleaned_data["text"] or (template.text if template else "")
    try:
        sent = customer_sms_send(
            actor=request.member,
            customer=customer,
            contacts=list(form.cleaned_data["contacts"]),
            text=text,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{len(sent)} SMS na fila de envio.")
    return redirect(customer_url(request, customer, "emails"))
