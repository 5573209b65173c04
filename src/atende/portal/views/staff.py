"""Staff actions on a contact's portal access, from the customer page."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from atende.accounts.models import PortalAccount
from atende.core.errors import DomainError
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import customer_contact_get, customer_get
from atende.portal.services import portal_access_grant, portal_access_revoke
from atende.tenancy.urls import org_reverse


def _tab(request, customer) -> str:
    return org_reverse(
        "customers:tab", organization=request.organization, number=customer.number, tab="portal"
    )


@require_POST
def portal_access_grant_view(request, number: int, pk: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    contact = customer_contact_get(customer=customer, pk=pk)
    try:
        account = portal_access_grant(
            actor=request.member, contact=contact, sees_all=request.POST.get("sees_all") == "on"
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Link de acesso enviado para {account.email}.")
    return redirect(_tab(request, customer))


@require_POST
def portal_access_revoke_view(request, number: int, pk: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    contact = customer_contact_get(customer=customer, pk=pk)
    account = get_object_or_404(PortalAccount, contact=contact, is_active=True)
    portal_access_revoke(actor=request.member, account=account)
    messages.success(request, f"{account.email} não acessa mais o portal.")
    return redirect(_tab(request, customer))
