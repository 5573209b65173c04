"""Platform administration of users (staff only)."""

from typing import TYPE_CHECKING

from django.contrib import admin

from atende.accounts.models import User

if TYPE_CHECKING:
    # ModelAdmin is generic only in django-stubs (a runtime subscript needs django-stubs-ext).
    _UserAdminBase = admin.ModelAdmin[User]
else:
    _UserAdminBase = admin.ModelAdmin


@admin.register(User)
class UserAdmin(_UserAdminBase):
    list_display = ["email", "full_name", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    ordering = ["email"]
    fields = ["email", "full_name", "is_active", "is_staff", "is_superuser", "date_joined"]
    readonly_fields = ["date_joined"]
