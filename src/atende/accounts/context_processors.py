"""The navigation entries the current member may open."""

from django.http import HttpRequest

from atende.accounts.permissions import can
from atende.core.navigation import NavSection, sections, settings_sections
from atende.tenancy.models import Member
from atende.tenancy.urls import org_reverse


def navigation(request: HttpRequest) -> dict[str, object]:
    member: Member | None = getattr(request, "member", None)
    if member is None:
        return {}
    organization = member.organization  # the request's (OrganizationMiddleware, API auth)

    def entries(registered: list[NavSection]) -> list[dict[str, object]]:
        path = request.path
        items = []
        for section in registered:
            if section.permission and not can(member, section.permission):
                continue
            url = org_reverse(section.url_name, organization=organization)
            home = url.rstrip("/").count("/") == 1
            if section.active_prefix:
                active = path.startswith(f"/{organization.slug}/{section.active_prefix}")
            else:
                active = path == url if home else path.startswith(url)
            items.append({"label": section.label, "url": url, "active": active})
        return items

    return {
        "navigation": lambda: entries(sections()),
        "settings_navigation": lambda: entries(settings_sections()),
    }
