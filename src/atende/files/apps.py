from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "atende.files"
    label = "files"
    verbose_name = "Arquivos"
