"""Platform administration of organizations (staff only; tenant data is not shown here)."""

from typing import TYPE_CHECKING

from django.contrib import admin

from atende.tenancy.models import AuditLogEntry, Organization

if TYPE_CHECKING:
    # ModelAdmin is generic only in django-stubs (a runtime subscript needs django-stubs-ext).
    _OrganizationAdminBase = admin.ModelAdmin[Organization]
else:
    _OrganizationAdminBase = admin.ModelAdmin

# django-auditlog registers its admin for the entry model; entries belong to organizations and
# are read in each organization's Histórico, never listed across organizations here.
if admin.site.is_registered(AuditLogEntry):
    admin.site.unregister(AuditLogEntry)


@admin.register(Organization)
class OrganizationAdmin(_OrganizationAdminBase):
    list_display = ["name", "slug", "hostname", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "slug", "hostname"]
    ordering = ["name"]
