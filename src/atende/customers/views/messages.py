"""E-mails and SMS tab actions: compose, send (queued after commit), re-send."""

from django.contrib import messages
from django.shortcuts import redirect, render
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
    sms_text_check,
    sms_text_for,
)
from atende.customers.sms_text import sms_size
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


def _sms_preview(request, number: int, customer, form: CustomerSmsForm):
    """The text the first chosen mobile would receive, with its size in characters and SMS;
    htmx swaps only the preview, without JS the tab comes back with the form as typed."""
    form.is_valid()  # cleaned_data holds what could be read, even with nothing chosen yet
    template = form.cleaned_data.get("template")
    text = form.cleaned_data.get("text") or (template.text if template else "")
    contacts = list(form.cleaned_data.get("contacts") or form.fields["contacts"].queryset[:1])
    preview = sms_preview(request.member, customer, contacts[0] if contacts else None, text)
    if request.htmx:
        return render(request, "customers/tab_messages.html#sms_preview", {"preview": preview})
    request.customer_sms_form, request.sms_preview = form, preview
    return customer_tab_view(request, number, "emails")


def sms_preview(actor, customer, contact, text: str) -> dict | None:
    """Text, size or the refusal; None while nothing is typed or chosen."""
    if not text.strip():
        return None
    try:
        text = sms_text_check(text)
    except DomainError as error:
        return {"error": error.message}
    rendered = sms_text_for(actor=actor, text=text, customer=customer, contact=contact)
    return {"text": rendered, "size": sms_size(rendered)}


@require_POST
def sms_send_view(request, number: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.SEND_SMS)
    form = CustomerSmsForm(request.POST, customer=customer)
    if request.POST.get("preview"):  # the preview asks, nothing is sent
        return _sms_preview(request, number, customer, form)
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
