from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "atende.billing"
    label = "billing"
    verbose_name = "Financeiro"

    def ready(self) -> None:
        from atende.accounts.modules import register_module
        from atende.billing import audit, permissions  # noqa: F401

        register_module("billing", "Financeiro", models=("invoice", "bankaccount", "plan"))
