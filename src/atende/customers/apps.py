from django.apps import AppConfig


class CustomersConfig(AppConfig):
    name = "atende.customers"
    label = "customers"
    verbose_name = "Clientes"

    def ready(self) -> None:
        from atende.accounts.modules import register_module
        from atende.core.navigation import (
            NavSection,
            register_section,
            register_settings_section,
        )
        from atende.customers import audit, builtin_tabs, documents, permissions  # noqa: F401
        from atende.customers.permissions import CustomerPerm
        from atende.tenancy.search import register_search_source

        register_module("customers", "Clientes", models=("customer", "category"))
        register_search_source("customer", "customers.Customer", sort_field="name_key")
        register_section(
            "customers",
            NavSection("Clientes", "customers:list", order=10, permission=CustomerPerm.VIEW),
        )
        register_settings_section(
            "customers",
            NavSection("Clientes", "customers:settings_home", 20, CustomerPerm.MANAGE_SETTINGS),
        )
