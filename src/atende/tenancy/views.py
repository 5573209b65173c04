"""Pages of the shell: the start redirect and each organization's home."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from atende.tenancy.selectors import memberships_of
from atende.tenancy.urls import org_reverse


@login_required
def start_view(request):
    """`/`: go to the first organization the user belongs to."""
    memberships = memberships_of(request.user)
    if len(memberships) == 0:
        return render(request, "core/no_organization.html", status=200)
    return redirect(org_reverse("tenancy:home", organization=memberships[0].organization))


def home_view(request):
    return render(request, "core/home.html")
