"""Password reset requests: the same work whatever address is typed."""

from atende.accounts.models import User
from atende.accounts.tasks import password_reset_email_task


def password_reset_candidate(*, email: str) -> User | None:
    """The active user with this e-mail and a password of their own, if any (Django's rule)."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    return user if user is not None and user.has_usable_password() else None


def password_reset_request(*, email: str) -> None:
    """Queue the reset e-mail; an unknown address queues the same task, which sends nothing.

    No actor: the visitor is anonymous. The request does one lookup and one enqueue for any
    address, so neither the answer nor its timing tells whether the address has an account;
    the e-mail itself (template, token, SMTP) is the worker's.
    """
    user = password_reset_candidate(email=email)
    password_reset_email_task.delay_on_commit(user.pk if user is not None else None)
