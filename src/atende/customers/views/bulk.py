"""Bulk SMS and e-mail to the customers of the list's current filter (C11), with progress."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from atende.accounts.permissions import can, require
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.forms import BulkMessageForm, CustomerFilterForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import (
    DEFAULT_SORT,
    bulk_audience_counts,
    bulk_message_get,
    bulk_recipients_shown,
)
from atende.customers.services.bulk import bulk_message_create
from atende.customers.views.lists import filters_from_form
from atende.customers.views.messages import sms_preview
from atende.tenancy.urls import org_reverse

FILTER_FIELDS = ("q", "active", "category", "owner", "city")
CHANNEL_PERMISSIONS = {"sms": CustomerPerm.SEND_SMS, "email": CustomerPerm.SEND_EMAIL}


def bulk_new_view(request):
    """The list's filter (query string, then hidden fields), the count and the message."""
    member = request.member
    if not (can(member, CustomerPerm.SEND_SMS) or can(member, CustomerPerm.SEND_EMAIL)):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    filter_form = CustomerFilterForm({k: source[k] for k in FILTER_FIELDS if k in source})
    filters = filters_from_form(filter_form, DEFAULT_SORT)
    form = BulkMessageForm(request.POST or None, initial={"channel": _channel(member)})
    channel = form.data.get("channel") or _channel(member)
    if request.method == "POST" and form.is_valid() and request.POST.get("action") == "send":
        try:
            bulk = bulk_message_create(
                actor=member,
                filters=filters,
                channel=form.cleaned_data["channel"],
                subject=form.cleaned_data["subject"],
                text=form.message_text(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return redirect(
                org_reverse("customers:bulk_detail", organization=request.organization, pk=bulk.pk)
            )
    text = form.message_text() if form.is_bound and form.is_valid() else ""
    context = {
        "form": form,
        "filters": filters,
        "filter_fields": [(k, source[k]) for k in FILTER_FIELDS if source.get(k)],
        "counts": bulk_audience_counts(actor=member, filters=filters, channel=channel),
        "channel": channel,
        "preview": sms_preview(member, _Sample(), None, text) if channel == "sms" else None,
    }
    return render(request, "customers/bulk_new.html", context)


class _Sample:
    """A stand-in customer for the preview: the placeholders show what they become."""

    display_name = "Cliente Exemplo"
    number = 123


def _channel(member) -> str:
    return "sms" if can(member, CustomerPerm.SEND_SMS) else "email"


def bulk_detail_view(request, pk: int):
    bulk = bulk_message_get(actor=request.member, pk=pk)
    require(request.member, CHANNEL_PERMISSIONS[bulk.channel])
    context = {"bulk": bulk, **bulk_recipients_shown(bulk=bulk)}
    if request.htmx:
        return render(request, "customers/bulk_detail.html#progress", context)
    return render(request, "customers/bulk_detail.html", context)
