"""Personal API tokens: shown once, stored as a SHA-256 hash, bound to one membership."""

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from atende.accounts.models import ApiToken
from atende.core.errors import DomainError, ErrorCode
from atende.tenancy.context import activate, ensure_actor_in_active_organization
from atende.tenancy.models import Member

TOKEN_PREFIX = "atd"  # noqa: S105  a public marker, not a secret


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_new(marker: str, organization_id: int) -> tuple[str, str, str]:
    """A new token as (prefix, hash to store, plain text shown once): `<marker>_<org>_<prefix>_
    <secret>`; the organization in the text lets the lookup run under its row security."""
    prefix, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    return prefix, _hash(secret), f"{marker}_{organization_id}_{prefix}_{secret}"


def token_parse(raw: str, marker: str) -> tuple[int, str, str] | None:
    """(organization id, prefix, secret) of a presented token, or None when malformed."""
    parts = raw.strip().split("_", 3)
    if len(parts) != 4 or parts[0] != marker or not parts[1].isdigit() or len(parts[1]) > 18:
        return None
    return int(parts[1]), parts[2], parts[3]


def token_matches(stored_hash: str, secret: str) -> bool:
    return hmac.compare_digest(stored_hash, _hash(secret))


@transaction.atomic
def api_token_create(*, actor: Member, name: str) -> tuple[ApiToken, str]:
    """Create a token for the acting member; returns the row and the one-time plain text."""
    ensure_actor_in_active_organization(actor)
    name = name.strip()
    if not name:
        raise DomainError("Dê um nome ao token.", code=ErrorCode.REQUIRED, field="name")
    prefix, token_hash, plain = token_new(TOKEN_PREFIX, actor.organization_id)
    token = ApiToken.objects.create(
        member=actor, name=name[:80], prefix=prefix, token_hash=token_hash
    )
    return token, plain


@transaction.atomic
def api_token_revoke(*, actor: Member, token: ApiToken) -> ApiToken:
    """Revoke one of the actor's own tokens."""
    ensure_actor_in_active_organization(actor)
    if token.member_id != actor.pk:
        raise DomainError("Token não encontrado.", code=ErrorCode.NOT_FOUND)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_member(raw: str) -> Member | None:
    """The active member a presented token belongs to, or None (any malformed input too)."""
    parsed = token_parse(raw, TOKEN_PREFIX)
    if parsed is None:
        return None
    organization_id, prefix, secret = parsed
    with activate(organization_id):
        token = (
            ApiToken.objects.select_related(
                "member__user", "member__organization", "member__sector"
            )
            .filter(prefix=prefix, revoked_at__isnull=True)
            .first()
        )
        if token is None or not token_matches(token.token_hash, secret):
            return None
        member = token.member
        if not (member.is_active and member.user.is_active and member.organization.is_active):
            return None
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return member
