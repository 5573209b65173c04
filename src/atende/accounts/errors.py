"""Error codes of sign-in, members, sectors, invitations and tokens (DomainError.code)."""

from enum import StrEnum


class AccountsError(StrEnum):
    ACCOUNT_EXISTS = "account_exists"
    ALREADY_MEMBER = "already_member"
    INVITATION_ACCEPTED = "invitation_accepted"
    INVITATION_CLOSED = "invitation_closed"
    INVITATION_OTHER_EMAIL = "invitation_other_email"
    LAST_ADMIN = "last_admin"
    SELF_DEACTIVATE = "self_deactivate"
    TOTP_INVALID = "totp_invalid"
    WRONG_PASSWORD = "wrong_password"  # noqa: S105  an error code, not a password
