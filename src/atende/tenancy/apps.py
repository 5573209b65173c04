from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "atende.tenancy"
    label = "tenancy"
    verbose_name = "Empresas"

    def ready(self) -> None:
        from atende.tenancy import checks  # noqa: F401  (registers the system checks)
