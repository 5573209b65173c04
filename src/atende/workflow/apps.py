"""Request groups, types, stages, extra fields and their rules (W1, W2): generic definitions
that know nothing of tickets. Imports accounts, tenancy and core only."""

from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "atende.workflow"
    label = "workflow"
    verbose_name = "Tipos de solicitação"

    def ready(self) -> None:
        from atende.accounts.modules import register_module
        from atende.workflow import audit, permissions  # noqa: F401

        register_module("workflow", "Tipos de solicitação", models=("requesttype",))
