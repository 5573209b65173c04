"""`{% if member|can:"customers.add_customer" %}`: hide what the member may not do."""

from django import template

from atende.accounts.permissions import can as member_can
from atende.tenancy.models import Member

register = template.Library()


@register.filter
def can(member: Member | None, codename: str) -> bool:
    return member_can(member, codename)
