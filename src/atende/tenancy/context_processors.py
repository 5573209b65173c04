"""Template context: the current organization, membership and the switcher's list."""

from atende.tenancy.selectors import organizations_of


def organization(request) -> dict:
    member = getattr(request, "member", None)
    if member is None:
        return {"organization": None, "member": None}
    return {
        "organization": request.organization,
        "member": member,
        "switcher_organizations": lambda: organizations_of(request.user),
    }
