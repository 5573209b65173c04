"""Staff routes (under /<slug>/) that manage contacts' portal access."""

from django.urls import path

from atende.portal.views import staff

app_name = "portal_admin"

urlpatterns = [
    path(
        "clientes/<id:number>/contatos/<id:pk>/portal/",
        staff.portal_access_grant_view,
        name="grant",
    ),
    path(
        "clientes/<id:number>/contatos/<id:pk>/portal/revogar/",
        staff.portal_access_revoke_view,
        name="revoke",
    ),
]
