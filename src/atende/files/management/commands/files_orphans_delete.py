"""`manage.py files_orphans_delete [--hours 24]`: remove stored bytes that no row points to."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandParser

from atende.files.sweep import stored_file_orphans_delete


class Command(BaseCommand):
    help = "Apaga arquivos gravados que nenhum registro referencia (uploads desfeitos)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--hours", type=int, default=24, help="Idade mínima, em horas, do arquivo apagado."
        )

    def handle(self, *args: object, hours: int, **options: object) -> None:
        deleted = stored_file_orphans_delete(older_than=timedelta(hours=hours))
        self.stdout.write(f"{len(deleted)} arquivo(s) sem registro apagado(s).")
