"""Portal API tokens: a customer's contact creates them in the Webdesk (shown once, stored as a
SHA-256 hash, bound to the portal account and its organization), and revokes them there."""

from django.db import transaction
from django.utils import timezone
from ninja.security import HttpBearer

from atende.accounts.models import PortalAccount, PortalToken
from atende.accounts.services.tokens import token_matches, token_new, token_parse
from atende.core.errors import DomainError, ErrorCode
from atende.core.validation import has_control_characters
from atende.tenancy.context import (
    activate,
    activate_for_this_context,
    ensure_actor_in_active_organization,
)

TOKEN_PREFIX = "atp"  # noqa: S105  a public marker (portal), not a secret
MAX_TOKENS = 10


@transaction.atomic
def portal_token_create(*, account: PortalAccount, name: str) -> tuple[PortalToken, str]:
    """A new token of the account; returns the row and the one-time plain text."""
    ensure_actor_in_active_organization(account)
    name = name.strip()
    if not name or has_control_characters(name, multiline=False):
        raise DomainError("Dê um nome ao token.", code=ErrorCode.REQUIRED, field="name")
    live = PortalToken.objects.select_for_update().filter(account=account, revoked_at=None)
    if live.count() >= MAX_TOKENS:
        raise DomainError(
            f"No máximo {MAX_TOKENS} tokens ativos: revogue um antes de criar outro.",
            code=ErrorCode.INVALID,
            field="name",
        )
    prefix, token_hash, plain = token_new(TOKEN_PREFIX, account.organization_id)
    token = PortalToken.objects.create(
        account=account, name=name[:80], prefix=prefix, token_hash=token_hash
    )
    return token, plain


@transaction.atomic
def portal_token_revoke(*, account: PortalAccount, token: PortalToken) -> PortalToken:
    ensure_actor_in_active_organization(account)
    if token.account_id != account.pk:
        raise DomainError("Token não encontrado.", code=ErrorCode.NOT_FOUND)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def portal_token_account(raw: str) -> PortalAccount | None:
    """The active portal account a presented token belongs to, or None (malformed input too)."""
    parsed = token_parse(raw, TOKEN_PREFIX)
    if parsed is None:
        return None
    organization_id, prefix, secret = parsed
    with activate(organization_id):
        token = (
            PortalToken.objects.select_related(
                "account__contact__customer", "account__organization"
            )
            .filter(prefix=prefix, revoked_at__isnull=True)
            .first()
        )
        if token is None or not token_matches(token.token_hash, secret):
            return None
        account = token.account
        if not (account.is_active and account.organization.is_active):
            return None
    return account


class PortalTokenAuth(HttpBearer):
    """`Authorization: Bearer atp_…` → request.auth is the PortalAccount; its organization is
    active. A member's token is not one: the portal routes answer 401 to it."""

    def authenticate(self, request, token: str):
        account = portal_token_account(token)
        if account is None:
            return None
        activate_for_this_context(account.organization)
        request.organization = account.organization
        request.portal_account = account
        return account
