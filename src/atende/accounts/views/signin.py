"""Sign in (e-mail + password, then TOTP when enabled) and sign out."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from atende.accounts.forms import LoginForm, TotpForm
from atende.accounts.services.signin import (
    login_failure_record,
    login_failures_clear,
    login_is_throttled,
    totp_verify,
)
from atende.core.redirects import safe_next

PENDING_USER_KEY = "atende_pending_2fa_user"
THROTTLED = "Muitas tentativas sem sucesso. Aguarde 15 minutos e tente de novo."


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR")


def _next_url(request) -> str:
    return safe_next(request, settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request):
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email, ip = form.cleaned_data["email"], _client_ip(request)
        if login_is_throttled(email=email, ip_address=ip):
            form.add_error(None, THROTTLED)
        else:
            user = authenticate(request, username=email, password=form.cleaned_data["password"])
            if user is None:
                login_failure_record(email=email, ip_address=ip)
                form.add_error(None, "E-mail ou senha incorretos.")
            elif user.has_totp:
                request.session[PENDING_USER_KEY] = user.pk
                query = urlencode({"next": _next_url(request)})
                return redirect(f"{reverse('auth:totp_verify')}?{query}")
            else:
                login_failures_clear(email=email)
                login(request, user)
                return redirect(_next_url(request))
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request)})


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def totp_verify_view(request):
    user = get_user_model().objects.filter(pk=request.session.get(PENDING_USER_KEY)).first()
    if user is None or not user.is_active:
        return redirect(settings.LOGIN_URL)
    form = TotpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ip = _client_ip(request)
        if login_is_throttled(email=user.email, ip_address=ip):
            form.add_error(None, THROTTLED)
        elif totp_verify(secret=user.totp_secret, code=form.cleaned_data["code"]):
            del request.session[PENDING_USER_KEY]
            login_failures_clear(email=user.email)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(_next_url(request))
        else:
            login_failure_record(email=user.email, ip_address=ip)
            form.add_error("code", "Código inválido.")
    return render(request, "accounts/totp_verify.html", {"form": form, "next": _next_url(request)})


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, "Você saiu do Atende.")
    return redirect(settings.LOGOUT_REDIRECT_URL)
