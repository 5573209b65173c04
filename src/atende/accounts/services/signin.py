"""Two-factor (TOTP) for staff users. (Sign-in throttling is django-axes: accounts/throttle.py.)"""

import pyotp
from django.utils import timezone

from atende.accounts.errors import AccountsError
from atende.accounts.models import User
from atende.core.errors import DomainError

TOTP_ISSUER = "Atende"


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
            code=AccountsError.TOTP_INVALID,
            field="code",
        )
    user.totp_secret = secret
    user.totp_enabled_at = timezone.now()
    user.save(update_fields=["totp_secret", "totp_enabled_at"])
    return user


def totp_disable(*, user: User, password: str) -> User:
    """Turn two-factor off; asks for the password again."""
    if not user.check_password(password):
        raise DomainError("Senha incorreta.", code=AccountsError.WRONG_PASSWORD, field="password")
    user.totp_secret = ""
    user.totp_enabled_at = None
    user.save(update_fields=["totp_secret", "totp_enabled_at"])
    return user
