"""The page an invitation e-mail links to (outside any organization: the person is not in one).

Someone who already has an Atende password signs in as the invited e-mail and presses accept;
someone new chooses a name and password, which accepts in the same step.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from atende.accounts.forms import InvitationNewAccountForm
from atende.accounts.models import Invitation, User
from atende.accounts.selectors import invitation_account, invitation_from_link
from atende.accounts.services.invitations import (
    invitation_accept,
    invitation_accept_as_new_user,
)
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.tenancy.models import Member
from atende.tenancy.urls import org_reverse

TEMPLATE = "accounts/invitation_accept.html"


def _joined(request: HttpRequest, member: Member) -> HttpResponse:
    organization = member.organization
    messages.success(request, _("Welcome to %s.") % organization.name)
    return redirect(org_reverse("tenancy:home", organization=organization))


def _accept_with_account(
    request: HttpRequest, invitation: Invitation, account: User
) -> HttpResponse:
    context: dict[str, object] = {"invitation": invitation, "account": account}
    if not request.user.is_authenticated or request.user.pk != account.pk:
        query = urlencode({"next": request.get_full_path()})
        context["login_url"] = f"{reverse('auth:login')}?{query}"
        return render(request, TEMPLATE, context)
    if request.method == "POST":
        try:
            member = invitation_accept(actor=request.user, invitation=invitation)
        except DomainError as error:
            context["error"] = error.message
        else:
            return _joined(request, member)
    return render(request, TEMPLATE, context)


def _accept_with_new_account(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    form = InvitationNewAccountForm(
        request.POST or None,
        email=invitation.email,
        initial={"full_name": invitation.invited_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            member = invitation_accept_as_new_user(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            login(request, member.user, backend="django.contrib.auth.backends.ModelBackend")
            return _joined(request, member)
    return render(request, TEMPLATE, {"invitation": invitation, "form": form})


@sensitive_post_parameters("password1", "password2")
@never_cache
def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_from_link(token=token)
    if invitation is None:
        return render(request, TEMPLATE, {"invitation": None}, status=404)
    account = invitation_account(invitation)
    if account is not None:
        return _accept_with_account(request, invitation, account)
    return _accept_with_new_account(request, invitation)
