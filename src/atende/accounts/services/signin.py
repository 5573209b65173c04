"""Sign-in throttling and two-factor (TOTP) for staff users."""

from datetime import timedelta

import pyotp
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from atende.accounts.models import LoginFailure, User
from atende.core.errors import DomainError

TOTP_ISSUER = "Atende"


def login_is_throttled(*, email: str, ip_address: str | None) -> bool:
    """True after too many recent failures for this e-mail (or many more from this IP)."""
    since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    limit = settings.LOGIN_FAILURE_LIMIT
    recent = LoginFailure.objects.filter(created_at__gte=since)
    if recent.filter(email=email.lower()).count() >= limit:
        return True
    return bool(ip_address) and recent.filter(ip_address=ip_address).count() >= limit * 4


def login_failure_record(*, email: str, ip_address: str | None) -> None:
    """Remember one failed attempt (kept in the database so every web process sees it)."""
    LoginFailure.objects.create(email=email.lower()[:254], ip_address=ip_address or None)


def login_failures_clear(*, email: str) -> None:
    """Forget an e-mail's failures after a successful sign-in; prune old rows on the way."""
    old = timezone.now() - timedelta(days=1)
    LoginFailure.objects.filter(Q(email=email.lower()) | Q(created_at__lt=old)).delete()


def totp_new_secret() -> str:
    return pyotp.random_base32()


def totp_provisioning_uri(*, user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=TOTP_ISSUER)


def totp_verify(*, secret: str, code: str) -> bool:
    """Accept the current 30-second code and its neighbours (clock drift)."""
    code = "".join(ch for ch in code if ch.isdigit())
    return bool(secret) and len(code) == 6 and pyotp.TOTP(secret).verify(code, valid_window=1)


def totp_enable(*, user: User, secret: str, code: str) -> User:
    """Turn two-factor on once the user proves the authenticator app has the secret."""
    if not totp_verify(secret=secret, code=code):
        raise DomainError(
            "Código inválido. Confira o horário do celular e tente de novo.",
            code="totp_invalid",
            field="code",
        )
    user.totp_secret = secret
    user.totp_enabled_at = timezone.now()
    user.save(update_fields=["totp_secret", "totp_enabled_at"])
    return user


def totp_disable(*, user: User, password: str) -> User:
    """Turn two-factor off; asks for the password again."""
    if not user.check_password(password):
        raise DomainError("Senha incorreta.", code="wrong_password", field="password")
    user.totp_secret = ""
    user.totp_enabled_at = None
    user.save(update_fields=["totp_secret", "totp_enabled_at"])
    return user
