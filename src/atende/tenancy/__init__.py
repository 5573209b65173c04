"""Tenancy: Organization, TenantModel, the active-organization context, middleware and RLS.

Imports only atende.core. Everything organization-owned in other apps builds on this.
"""

from atende.tenancy.context import (
    NoActiveOrganization,
    activate,
    active_organization_id,
    dangerously_unscoped,
    is_unscoped,
)

__all__ = [
    "NoActiveOrganization",
    "activate",
    "active_organization_id",
    "dangerously_unscoped",
    "is_unscoped",
]
