"""Helpers of the portal's pages."""

from functools import wraps
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse


def portal_url(request, name: str, **kwargs) -> str:
    return reverse(f"portal:{name}", kwargs={"portal_slug": request.organization.slug, **kwargs})


def portal_login_required(view):
    """The page needs a portal sign-in to this organization; otherwise the portal's own sign-in
    (a staff session is not one)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.portal_account is None:
            login = portal_url(request, "login")
            return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapper
