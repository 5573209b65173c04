"""Error codes of the portal's services (DomainError.code)."""

from enum import StrEnum


class PortalError(StrEnum):
    PASSWORDS_DIFFER = "passwords_differ"
    THROTTLED = "throttled"
    WRONG_CREDENTIALS = "wrong_credentials"
