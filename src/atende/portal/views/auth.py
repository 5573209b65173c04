"""Sign in to the portal, sign out, choose a password from the e-mailed link."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.core.redirects import safe_next
from atende.portal.errors import PortalError
from atende.portal.services import (
    portal_account_from_link,
    portal_authenticate,
    portal_password_set,
)
from atende.portal.sessions import portal_login, portal_logout
from atende.portal.views.base import portal_url


class LoginForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True}))
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)


class PasswordForm(forms.Form):
    password = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    repeated = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request):
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            account = portal_authenticate(
                request,
                organization=request.organization,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = 429 if error.code == PortalError.THROTTLED else 200
        else:
            portal_login(request, account)
            return redirect(safe_next(request, portal_url(request, "requests")))
    context = {"form": form, "next": safe_next(request, "")}
    return render(request, "portal/login.html", context, status=status)


@require_POST
def logout_view(request):
    portal_logout(request, request.organization.pk)
    messages.info(request, "Você saiu do portal.")
    return redirect(portal_url(request, "login"))


@sensitive_post_parameters("password", "repeated")
@never_cache
def password_set_view(request, token: str):
    account = portal_account_from_link(organization=request.organization, token=token)
    if account is None:
        return render(request, "portal/link_invalid.html", status=404)
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portal_password_set(account=account, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            portal_login(request, account)
            messages.success(request, "Senha definida. Bem-vindo ao portal!")
            return redirect(portal_url(request, "requests"))
    return render(request, "portal/password_set.html", {"form": form, "account": account})
