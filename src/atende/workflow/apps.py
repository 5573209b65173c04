from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "atende.workflow"
    label = "workflow"
    verbose_name = "Tipos de solicitação"

    def ready(self) -> None:
        from atende.workflow import audit  # noqa: F401
