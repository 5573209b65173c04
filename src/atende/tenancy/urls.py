"""URL helpers for organization-prefixed routes (`/<slug>/…`)."""

from django.urls import reverse

from atende.tenancy.middleware import ORGANIZATION_KWARG
from atende.tenancy.models import Organization


def org_reverse(name: str, *, organization: Organization, **kwargs: object) -> str:
    """reverse() for a route under `/<slug>/`; keyword arguments only."""
    return reverse(name, kwargs={ORGANIZATION_KWARG: organization.slug, **kwargs})
