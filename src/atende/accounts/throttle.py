"""Sign-in throttling on django-axes: the settings' callables and the two-factor step's hooks.

Axes sits in front of every `authenticate()` (its backend comes first in
AUTHENTICATION_BACKENDS), so any door that checks a password is covered. Limits come from our
own settings, read at call time: LOGIN_FAILURE_LIMIT failures per e-mail, four times as many per
client address (an office behind one NAT address should not lock itself out because of a few
typos), inside LOGIN_FAILURE_WINDOW_SECONDS, which is also how long the refusal lasts after the
last failure. The address is `atende.core.client_ip.client_ip` (AXES_CLIENT_IP_CALLABLE).
"""

from datetime import timedelta
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

ADDRESS_LIMIT_FACTOR = 4
THROTTLED_STATUS = 429


# `credentials` are what the caller gave `authenticate(**credentials)`.
Credentials = dict[str, Any]


def failure_limit(
    request: HttpRequest | None = None, credentials: Credentials | None = None
) -> int:
    """AXES_FAILURE_LIMIT: failures per e-mail before the refusal."""
    return settings.LOGIN_FAILURE_LIMIT


def cool_off(request: HttpRequest | None = None) -> timedelta:
    """AXES_COOLOFF_TIME: how far back failures count, and how long a refusal lasts."""
    return timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def signin_username(
    request: HttpRequest | None, credentials: Credentials | None = None
) -> str | None:
    """AXES_USERNAME_CALLABLE: the e-mail, lowercased, whatever form or call it came from
    (`authenticate(username=…)`, axes' own `{"email": …}`, or the posted form)."""
    credentials = credentials or {}
    value = credentials.get("username") or credentials.get("email")
    if value is None and request is not None:
        value = request.POST.get("email") or request.POST.get("username")
    value = (value or "").strip().lower()
    return value[:255] or None


def _failures(attempts: QuerySet[AccessAttempt]) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AxesRequest(HttpRequest):
    """A request as axes' handlers get it: axes has set its attributes on it."""

    axes_ip_address: str | None


class SigninThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler (shared by every web process) with two limits instead of one:
    LOGIN_FAILURE_LIMIT per e-mail and ADDRESS_LIMIT_FACTOR times that per client address."""

    def get_failures(self, request: AxesRequest, credentials: Credentials | None = None) -> int:
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        username = get_client_username(request, credentials)
        by_username = _failures(recent.filter(username=username)) if username else 0
        address = request.axes_ip_address
        by_address = _failures(recent.filter(ip_address=address)) if address else 0
        # Scaled so that one limit (AXES_FAILURE_LIMIT) applies to both counts.
        return max(by_username, by_address // ADDRESS_LIMIT_FACTOR)

    def reset_user_attempts(
        self, request: HttpRequest, credentials: Credentials | None = None
    ) -> int:
        """A successful sign-in forgets that e-mail's failures, not its address's: one good
        account must not wipe the count of a password-guessing address."""
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def throttled_message() -> str:
    """What a refused person reads ("… Aguarde 15 minutos e tente de novo." by default)."""
    minutes = max(1, round(settings.LOGIN_FAILURE_WINDOW_SECONDS / 60))
    return ngettext(
        "Too many failed attempts. Wait %(minutes)d minute and try again.",
        "Too many failed attempts. Wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


def signin_is_locked(request: HttpRequest, *, email: str) -> bool:
    """True while this e-mail (or this client address) is refused."""
    return not AxesProxyHandler.is_allowed(request, {"username": email})


def signin_failure_record(request: HttpRequest, *, email: str) -> bool:
    """Count a failed step that is not a password (a wrong two-factor code) for this e-mail;
    True when it locked the sign-in."""
    user_login_failed.send(sender=__name__, credentials={"username": email}, request=request)
    return bool(getattr(request, "axes_locked_out", False))


def signin_was_refused(request: HttpRequest) -> bool:
    """After `authenticate()`: True when axes refused or has just locked this sign-in."""
    return bool(getattr(request, "axes_locked_out", False))


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: Credentials | None = None,
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: our sign-in pages already said it on the page; any other
    `authenticate()` caller (there is none today) answers the message alone."""
    if original_response is not None and original_response.status_code == THROTTLED_STATUS:
        return original_response
    return HttpResponse(
        throttled_message(), status=THROTTLED_STATUS, content_type="text/plain; charset=utf-8"
    )


def signin_failures_forget(request: HttpRequest, *, email: str) -> None:
    """After a successful sign-in that does not go through `authenticate()` (the portal)."""
    SigninThrottleHandler().reset_user_attempts(request, {"username": email})
