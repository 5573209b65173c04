"""The platform administration signs in through `/entrar/`, like everyone else.

Django's admin has its own login form; ours adds the throttle message, two-factor and the rest,
so `/admin/login/` only sends people there (with `next`) and never checks a password itself.
"""

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


class AtendeAdminSite(admin.AdminSite):
    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponseRedirect:
        index = reverse("admin:index", current_app=self.name)
        target = request.GET.get(REDIRECT_FIELD_NAME) or request.POST.get(REDIRECT_FIELD_NAME)
        if target is None or not url_has_allowed_host_and_scheme(
            target, {request.get_host()}, request.is_secure()
        ):
            target = index
        if request.user.is_authenticated:
            if not self.has_permission(request):
                # Signed in but not platform staff: signing in again would not change that.
                raise PermissionDenied
            return redirect(target)
        query = urlencode({REDIRECT_FIELD_NAME: target})
        return redirect(f"{resolve_url(settings.LOGIN_URL)}?{query}")


class AdminConfig(DjangoAdminConfig):
    # Here rather than in apps.py: Django picks an app's config from apps.py only when it has
    # one, and this module must not import models (it is loaded before the app registry).
    default_site = "atende.accounts.admin_site.AtendeAdminSite"
