from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "atende.billing"
    label = "billing"
    verbose_name = "Financeiro"

    def ready(self) -> None:
        from atende.accounts.modules import register_module
        from atende.billing import audit, customer_tab, permissions  # noqa: F401
        from atende.billing.permissions import BillingPerm
        from atende.core.navigation import NavSection, register_section, register_settings_section

        register_module("billing", "Financeiro", models=("invoice", "bankaccount", "plan"))
        register_section(
            "billing",
            NavSection("Financeiro", "billing:invoices", order=30, permission=BillingPerm.VIEW),
        )
        register_settings_section(
            "billing_accounts",
            NavSection(
                "Contas bancárias", "billing:bank_accounts", 40, BillingPerm.MANAGE_ACCOUNTS
            ),
        )
