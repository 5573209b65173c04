"""Pages of the shell: the start redirect and each organization's home."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from atende.tenancy.http import SignedInRequest
from atende.tenancy.selectors import organization_administrators, organizations_of
from atende.tenancy.urls import org_reverse


@login_required
def start_view(request: SignedInRequest) -> HttpResponse:
    """`/`: go to the first organization the user belongs to."""
    organizations = organizations_of(request.user)
    if not organizations:
        return render(request, "core/no_organization.html", status=200)
    return redirect(org_reverse("tenancy:home", organization=organizations[0]))


def home_view(request: HttpRequest) -> HttpResponse:
    """The organization's start page: a card per module the member may open, or, when the
    sector grants none, why the page is empty and which administrators can give access
    (read only then)."""
    return render(request, "core/home.html", {"administrators": organization_administrators})
