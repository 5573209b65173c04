"""Platform administration of organizations (staff only; tenant data is not shown here)."""

from django.contrib import admin

from atende.tenancy.models import Organization


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "hostname", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "slug", "hostname"]
    ordering = ["name"]
