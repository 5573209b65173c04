"""Root URLs. Everything an organization owns lives under `/<slug>/`."""

from django.contrib import admin
from django.urls import include, path

from atende.api.urls import api
from atende.billing.views.cards import pagarme_webhook_view
from atende.tenancy.views import start_view

handler400 = "atende.core.views.bad_request_view"

organization_patterns = [
    path("", include("atende.tenancy.org_urls")),
    path("", include("atende.accounts.org_urls")),
    path("", include("atende.files.urls")),
    path("", include("atende.customers.urls")),
    path("", include("atende.desk.urls")),
    path("", include("atende.billing.urls")),
    path("", include("atende.portal.staff_urls")),
]

urlpatterns = [
    path("", start_view, name="home"),
    path("", include("atende.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # Pagar.me's webhook: no organization in the URL; the signed charge id says whose it is.
    path("webhooks/pagarme/", pagarme_webhook_view, name="pagarme_webhook"),
    path("<slug:portal_slug>/webdesk/", include("atende.portal.urls")),
    path("<slug:organization_slug>/", include(organization_patterns)),
]
