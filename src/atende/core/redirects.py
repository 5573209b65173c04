"""Return addresses given by the user (`?next=`, a hidden `next` input) are followed only when
they stay on this site; anything else is an open redirect and goes to the fallback."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, fallback: str, *, param: str = "next") -> str:
    """The request's `next` (POST, then GET) when it is a path or a URL of this same host;
    `fallback` otherwise. Over HTTPS, an `http://` address of the same host is refused too."""
    target = request.POST.get(param) or request.GET.get(param) or ""
    # get_host() is already checked against ALLOWED_HOSTS. The other allowed hosts are not
    # targets on purpose: they may be other organizations' own domains.
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
