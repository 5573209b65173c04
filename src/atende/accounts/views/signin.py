"""Sign in (e-mail + password, then TOTP when enabled), sign out, ask for a password reset."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from atende.accounts.forms import LoginForm, PasswordResetRequestForm, TotpForm
from atende.accounts.selectors import user_awaiting_second_step
from atende.accounts.services.passwords import password_reset_request
from atende.accounts.services.signin import totp_verify
from atende.accounts.throttle import (
    THROTTLED_STATUS,
    signin_failure_record,
    signin_is_locked,
    signin_was_refused,
    throttled_message,
)
from atende.core.redirects import safe_next

PENDING_USER_KEY = "atende_pending_2fa_user"


def _next_url(request: HttpRequest) -> str:
    return safe_next(request, settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    """The one door: staff and platform administrators sign in here (axes counts failures)."""
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request, username=form.cleaned_data["email"], password=form.cleaned_data["password"]
        )
        if signin_was_refused(request):
            form.add_error(None, throttled_message())
            status = THROTTLED_STATUS
        elif user is None:
            form.add_error(None, _("Wrong e-mail or password."))
        elif user.has_totp:
            request.session[PENDING_USER_KEY] = user.pk
            query = urlencode({"next": _next_url(request)})
            return redirect(f"{reverse('auth:totp_verify')}?{query}")
        else:
            login(request, user)
            return redirect(_next_url(request))
    context = {"form": form, "next": _next_url(request)}
    return render(request, "accounts/login.html", context, status=status)


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def totp_verify_view(request: HttpRequest) -> HttpResponse:
    """Second step; a wrong code is a failed sign-in of that e-mail, like a wrong password."""
    user = user_awaiting_second_step(user_id=request.session.get(PENDING_USER_KEY))
    if user is None:
        return redirect(settings.LOGIN_URL)
    form = TotpForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if signin_is_locked(request, email=user.email):
            form.add_error(None, throttled_message())
            status = THROTTLED_STATUS
        elif totp_verify(secret=user.totp_secret, code=form.cleaned_data["code"]):
            del request.session[PENDING_USER_KEY]
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(_next_url(request))
        elif signin_failure_record(request, email=user.email):
            form.add_error(None, throttled_message())
            status = THROTTLED_STATUS
        else:
            form.add_error("code", _("Invalid code."))
    context = {"form": form, "next": _next_url(request)}
    return render(request, "accounts/totp_verify.html", context, status=status)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You signed out of Atende."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@csrf_protect
@never_cache
def password_reset_view(request: HttpRequest) -> HttpResponse:
    """Ask for a reset link; every address gets the same answer after the same work."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        password_reset_request(email=form.cleaned_data["email"])
        return redirect("auth:password_reset_done")
    return render(request, "accounts/password_reset.html", {"form": form})
