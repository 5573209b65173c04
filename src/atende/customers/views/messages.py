"""E-mails and SMS tab actions: compose, send (queued after commit), re-send."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from atende.core.errors import DomainError
from atende.customers.forms import CustomerEmailForm, CustomerSmsForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import customer_get
from atende.customers.services.messages import (
    customer_email_resend,
    customer_email_send,
    customer_sms_send,
)
from atende.customers.views.detail import customer_url


@require_POST
def email_send_view(request, number: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.SEND_EMAIL)
    form = CustomerEmailForm(request.POST, request.FILES, customer=customer)
    if not form.is_valid():
        messages.error(request, "Preencha assunto, mensagem e ao menos um destinatário.")
        return redirect(customer_url(request, customer, "emails"))
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
        messages.error(request, error.message)
    else:
        messages.success(request, "E-mail na fila de envio.")
    return redirect(customer_url(request, customer, "emails"))


@require_POST
def email_resend_view(request, number: int, pk: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.SEND_EMAIL)
    email = get_object_or_404(customer.emails, pk=pk)
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
