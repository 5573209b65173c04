"""URL helpers for organization-prefixed routes (`/<slug>/…`)."""

from django.urls import reverse

from atende.tenancy.middleware import ORGANIZATION_KWARG


def org_reverse(name: str, *, organization, **kwargs) -> str:
    """reverse() for a route under `/<slug>/`; keyword arguments only."""
    return reverse(name, kwargs={ORGANIZATION_KWARG: organization.slug, **kwargs})
