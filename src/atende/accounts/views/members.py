"""Organization administrators manage people, their sectors and pending invitations."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from atende.accounts.forms import InvitationForm, InviteForm, MemberForm
from atende.accounts.permissions import AccountsPerm, require
from atende.accounts.selectors import (
    invitation_list,
    member_get,
    member_list,
    pending_invitation_get,
)
from atende.accounts.services.invitations import (
    invitation_cancel,
    invitation_resend,
    invitation_update,
    member_invite,
)
from atende.accounts.services.members import member_update
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.core.views import search_term
from atende.tenancy.http import MemberRequest
from atende.tenancy.urls import org_reverse


def _members_url(request: MemberRequest) -> str:
    return org_reverse("accounts:members", organization=request.organization)


def member_list_view(request: MemberRequest) -> HttpResponse:
    require(request.member, AccountsPerm.MANAGE_MEMBERS)
    search = search_term(request)
    page = member_list(cursor=request.GET.get("cursor"), search=search)
    invitations = invitation_list(search=search) if page.is_first else []
    context = {"page": page, "invitations": invitations, "form": InviteForm(), "q": search}
    return render(request, "accounts/member_list.html", context)


def member_invite_view(request: MemberRequest) -> HttpResponse:
    require(request.member, AccountsPerm.MANAGE_MEMBERS)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = member_invite(actor=request.member, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Invitation sent to %s.") % invitation.email)
            return redirect(_members_url(request))
    return render(request, "accounts/member_invite.html", {"form": form})


def member_edit_view(request: MemberRequest, pk: int) -> HttpResponse:
    require(request.member, AccountsPerm.MANAGE_MEMBERS)
    member = member_get(pk=pk)
    initial = {
        "sector": member.sector,
        "is_admin": member.is_admin,
        "is_active": member.is_active,
        "only_own_portfolio": member.only_own_portfolio,
    }
    form = MemberForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            member_update(actor=request.member, member=member, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("%s updated.") % member.user)
            return redirect(_members_url(request))
    return render(request, "accounts/member_edit.html", {"form": form, "subject": member})


def invitation_edit_view(request: MemberRequest, pk: int) -> HttpResponse:
    """A pending invitation, under the name the administrator typed: change, re-send, cancel."""
    require(request.member, AccountsPerm.MANAGE_MEMBERS)
    invitation = pending_invitation_get(pk=pk)
    initial = {
        "full_name": invitation.invited_name,
        "sector": invitation.sector,
        "is_admin": invitation.is_admin,
    }
    form = InvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_update(actor=request.member, invitation=invitation, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Invitation updated."))
            return redirect(_members_url(request))
    context = {"form": form, "subject": invitation}
    return render(request, "accounts/invitation_edit.html", context)


@require_POST
def invitation_resend_view(request: MemberRequest, pk: int) -> HttpResponse:
    require(request.member, AccountsPerm.MANAGE_MEMBERS)
    try:
        invitation = invitation_resend(
            actor=request.member, invitation=pending_invitation_get(pk=pk)
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Invitation sent to %s.") % invitation.email)
    return redirect(_members_url(request))


@require_POST
def invitation_cancel_view(request: MemberRequest, pk: int) -> HttpResponse:
    require(request.member, AccountsPerm.MANAGE_MEMBERS)
    invitation = pending_invitation_get(pk=pk)
    try:
        invitation_cancel(actor=request.member, invitation=invitation)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Invitation to %s cancelled.") % invitation.email)
    return redirect(_members_url(request))
