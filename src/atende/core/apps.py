from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "atende.core"
    label = "core"
    verbose_name = "Núcleo"

    def ready(self) -> None:
        # Load the Celery app with Django (not from atende/__init__.py, so that importing the
        # Django-free atende.banking never drags Celery or Django in).
        from django.urls import register_converter

        import atende.celery  # noqa: F401
        from atende.core.converters import IdConverter

        # `<id:number>` in every app's URLs: bounded ids (a 25-digit one is a 400, not a 500).
        register_converter(IdConverter, "id")
