from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "atende.files"
    label = "files"
    verbose_name = "Arquivos"

    def ready(self) -> None:
        from atende.files import audit  # noqa: F401  (registers StoredFile with auditlog)
