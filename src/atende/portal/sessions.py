"""Portal sign-in state, kept apart from staff sign-in: one session key per organization.

A staff session does not make anyone a portal user (no key), and a portal session never
reaches staff pages (Django's `request.user` stays anonymous). The key holds the account and
a digest of its password hash, so changing the password ends every other session.
"""

from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from atende.accounts.models import PortalAccount


def _key(organization_id: int) -> str:
    return f"atende_portal_{organization_id}"


def _digest(account: PortalAccount) -> str:
    return salted_hmac("atende.portal.session", account.password, algorithm="sha256").hexdigest()


def portal_login(request: HttpRequest, account: PortalAccount) -> None:
    request.session.cycle_key()  # no session fixation
    request.session[_key(account.organization_id)] = [account.pk, _digest(account)]
    PortalAccount.objects.filter(pk=account.pk).update(last_login_at=timezone.now())


def portal_logout(request: HttpRequest, organization_id: int) -> None:
    request.session.pop(_key(organization_id), None)


def portal_account_of(request: HttpRequest, organization_id: int) -> PortalAccount | None:
    """The active account signed in to this organization's portal in this session, or None
    (the organization must be active already: the lookup is scoped)."""
    stored = request.session.get(_key(organization_id))
    if not (isinstance(stored, list) and len(stored) == 2 and isinstance(stored[0], int)):
        return None
    account = (
        PortalAccount.objects.select_related("contact__customer")
        .filter(pk=stored[0], is_active=True)
        .first()
    )
    if account is None or not account.password or stored[1] != _digest(account):
        return None
    return account
