"""Template context: the current organization, membership and the switcher's list."""

from django.http import HttpRequest

from atende.tenancy.models import Member
from atende.tenancy.selectors import organizations_of


def organization(request: HttpRequest) -> dict[str, object]:
    member: Member | None = getattr(request, "member", None)
    # A member is always a signed-in user (OrganizationMiddleware sends anyone else to sign in).
    if member is None or not request.user.is_authenticated:
        return {"organization": None, "member": None}
    user = request.user
    return {
        "organization": member.organization,
        "member": member,
        "switcher_organizations": lambda: organizations_of(user),
    }
