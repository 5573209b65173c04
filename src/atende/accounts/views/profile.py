"""The member's own page: two-factor authentication and personal API tokens."""

import segno
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.accounts.forms import ApiTokenForm, TotpDisableForm, TotpForm
from atende.accounts.selectors import api_token_get, api_token_list
from atende.accounts.services.signin import (
    totp_disable,
    totp_enable,
    totp_new_secret,
    totp_provisioning_uri,
)
from atende.accounts.services.tokens import api_token_create, api_token_revoke
from atende.core.confirm import confirmation_page
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.tenancy.http import MemberRequest
from atende.tenancy.urls import org_reverse

TOTP_SETUP_KEY = "atende_totp_setup_secret"


def _profile_url(request: MemberRequest) -> str:
    return org_reverse("accounts:profile", organization=request.organization)


def profile_view(request: MemberRequest) -> HttpResponse:
    tokens = api_token_list(member=request.member)
    context = {
        "tokens": tokens,
        "token_form": ApiTokenForm(),
        "new_token": request.session.pop("atende_new_token", None),
    }
    return render(request, "accounts/profile.html", context)


@require_POST
def api_token_create_view(request: MemberRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        token, plain = api_token_create(actor=request.member, name=form.cleaned_data["name"])
        # Shown once, on the next page only; the database keeps just the hash.
        request.session["atende_new_token"] = {"name": token.name, "value": plain}
    else:
        messages.error(request, "Dê um nome ao token.")
    return redirect(_profile_url(request))


@require_POST
def api_token_revoke_view(request: MemberRequest, pk: int) -> HttpResponse:
    token = api_token_get(member=request.member, pk=pk)
    asking = confirmation_page(
        request,
        question=f"Revogar o token “{token.name}”?",
        detail="Os programas que usam este token deixam de acessar a API na hora.",
        button="Revogar token",
        cancel_url=_profile_url(request),
    )
    if asking:
        return asking
    api_token_revoke(actor=request.member, token=token)
    messages.success(request, f"Token “{token.name}” revogado.")
    return redirect(_profile_url(request))


def totp_setup_view(request: MemberRequest) -> HttpResponse:
    user = request.user
    if user.has_totp:
        form: TotpDisableForm | TotpForm = TotpDisableForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                totp_disable(user=user, password=form.cleaned_data["password"])
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, "Verificação em duas etapas desativada.")
                return redirect(_profile_url(request))
        return render(request, "accounts/totp_disable.html", {"form": form})
    secret = request.session.get(TOTP_SETUP_KEY) or totp_new_secret()
    request.session[TOTP_SETUP_KEY] = secret
    form = TotpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            totp_enable(user=user, secret=secret, code=form.cleaned_data["code"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            del request.session[TOTP_SETUP_KEY]
            messages.success(request, "Verificação em duas etapas ativada.")
            return redirect(_profile_url(request))
    uri = totp_provisioning_uri(user=user, secret=secret)
    qr_svg = segno.make(uri, error="m").svg_inline(scale=5, border=2)
    context = {"form": form, "secret": secret, "qr_svg": qr_svg}
    return render(request, "accounts/totp_setup.html", context)
