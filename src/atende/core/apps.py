from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "atende.core"
    label = "core"
    verbose_name = "Núcleo"

    def ready(self) -> None:
        # Load the Celery app with Django (not from atende/__init__.py, so that importing the
        # Django-free atende.banking never drags Celery or Django in).
        import atende.celery  # noqa: F401
