"""`{% org_url "app:name" pk=1 %}`: a link inside the current organization."""

from django import template

from atende.tenancy.models import Organization
from atende.tenancy.urls import org_reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def org_url(context: template.Context, name: str, **kwargs: object) -> str:
    organization: Organization = context.get("organization") or context["request"].organization
    return org_reverse(name, organization=organization, **kwargs)
