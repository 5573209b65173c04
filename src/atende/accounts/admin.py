"""Platform administration of users (staff only)."""

from django.contrib import admin

from atende.accounts.models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "full_name", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    ordering = ["email"]
    fields = ["email", "full_name", "is_active", "is_staff", "is_superuser", "date_joined"]
    readonly_fields = ["date_joined"]
