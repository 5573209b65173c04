"""Portal access: staff give a contact access (an e-mail with a link to choose a password),
send a new link, take access away; the contact chooses a password and signs in."""

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from atende.accounts.models import PORTAL_LINK_VALID_FOR, PortalAccount
from atende.accounts.permissions import require
from atende.accounts.throttle import (
    signin_failure_record,
    signin_failures_forget,
    signin_is_locked,
    throttled_message,
)
from atende.core.errors import DomainError, ErrorCode
from atende.customers.models import Contact
from atende.customers.permissions import CustomerPerm
from atende.portal.errors import PortalError
from atende.tenancy.context import activate, ensure_actor_in_active_organization
from atende.tenancy.models import Member, Organization

LINK_SALT = "atende.portal.password-link"
WRONG = "E-mail ou senha incorretos."


def portal_link(account: PortalAccount) -> str:
    """Absolute address of the page where the contact chooses a password (latest link only)."""
    token = signing.dumps([account.organization_id, account.pk, account.link_count], salt=LINK_SALT)
    slug = account.organization.slug
    path = reverse("portal:password_set", kwargs={"portal_slug": slug, "token": token})
    return settings.SITE_URL + path


@transaction.atomic
def portal_access_grant(
    *, actor: Member, contact: Contact, sees_all: bool = False
) -> PortalAccount:
    """Give a contact access to the Webdesk (or a new link) and e-mail it once this commits."""
    from atende.portal.tasks import portal_link_email_task

    require(actor, CustomerPerm.CHANGE, contact.customer)
    email = (contact.email or "").strip().lower()
    if not email:
        raise DomainError(
            "O contato precisa de um e-mail para acessar o portal.",
            code=ErrorCode.REQUIRED,
            field="email",
        )
    account = PortalAccount.objects.filter(contact=contact).first() or PortalAccount(
        contact=contact
    )
    account.email, account.is_active = email, True
    account.sees_all_customer_requests = sees_all
    account.invited_at = timezone.now()
    account.link_count += 1
    try:
        with transaction.atomic():
            account.save()
    except IntegrityError as exc:
        raise DomainError(
            f"O e-mail {email} já dá acesso ao portal por outro contato.",
            code=ErrorCode.DUPLICATE,
            field="email",
        ) from exc
    portal_link_email_task.delay_on_commit(account.organization_id, account.pk)
    return account


@transaction.atomic
def portal_access_revoke(*, actor: Member, account: PortalAccount) -> PortalAccount:
    """Take the contact's access away (sessions end: the session check reads is_active)."""
    require(actor, CustomerPerm.CHANGE, account.contact.customer)
    account.is_active = False
    account.save(update_fields=["is_active"])
    return account


def _read_link(token: str) -> tuple[int, int, int] | None:
    try:
        payload = signing.loads(token, salt=LINK_SALT, max_age=PORTAL_LINK_VALID_FOR)
    except signing.BadSignature:
        return None
    if not (isinstance(payload, list) and len(payload) == 3):
        return None
    if not all(isinstance(value, int) and not isinstance(value, bool) for value in payload):
        return None
    return payload[0], payload[1], payload[2]


def portal_account_from_link(*, organization: Organization, token: str) -> PortalAccount | None:
    """The account a genuine, current link of this organization is for; None otherwise."""
    found = _read_link(token)
    if found is None or found[0] != organization.pk:
        return None
    with activate(organization):
        return (
            PortalAccount.objects.select_related("contact__customer", "organization")
            .filter(pk=found[1], link_count=found[2], is_active=True)
            .first()
        )


@transaction.atomic
def portal_password_set(*, account: PortalAccount, password: str, repeated: str) -> PortalAccount:
    """Choose the password (from the e-mailed link, which then stops working)."""
    ensure_actor_in_active_organization(account)
    if password != repeated:
        raise DomainError(
            "As senhas não conferem.", code=PortalError.PASSWORDS_DIFFER, field="repeated"
        )
    try:
        validate_password(password)
    except ValidationError as refused:
        raise DomainError(
            " ".join(refused.messages), code=ErrorCode.INVALID, field="password"
        ) from None
    account.password = make_password(password)
    account.password_set_at = timezone.now()
    account.link_count += 1
    account.save(update_fields=["password", "password_set_at", "link_count"])
    return account


def portal_authenticate(
    request: HttpRequest, *, organization: Organization, email: str, password: str
) -> PortalAccount:
    """The active account with this e-mail and password in this organization's portal.

    Throttled like the staff sign-in (django-axes, counted per organization and e-mail), and
    the same answer for an unknown e-mail and a wrong password."""
    email = email.strip().lower()
    throttle_key = f"portal:{organization.pk}:{email}"
    if signin_is_locked(request, email=throttle_key):
        raise DomainError(throttled_message(), code=PortalError.THROTTLED)
    account = (
        PortalAccount.objects.select_related("contact__customer")
        .filter(email=email, is_active=True)
        .first()
    )
    stored = account.password if account is not None else ""
    # Always hash once, so an unknown e-mail takes as long as a wrong password.
    matches = check_password(password, stored or make_password(None))
    if account is None or not stored or not matches:
        signin_failure_record(request, email=throttle_key)
        raise DomainError(WRONG, code=PortalError.WRONG_CREDENTIALS, field="password")
    signin_failures_forget(request, email=throttle_key)
    return account
