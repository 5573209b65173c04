"""Rebuild the PostgreSQL search index from every searchable table (run as the owner role).

The services keep the index current as records change; this is for a restored backup, a new
searchable field, or an index that was dropped.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from atende.tenancy.context import dangerously_unscoped
from atende.tenancy.search import search_reindex, search_sources


class Command(BaseCommand):
    help = (
        "Rebuild the search index (PostgreSQL; as the owner role, which reads every organization)."
    )

    def handle(self, *args: object, **options: object) -> None:
        if connection.vendor != "postgresql":
            self.stdout.write("SQLite: a busca lê o próprio cadastro; nada a reconstruir.")
            return
        with transaction.atomic(), dangerously_unscoped():
            for kind, label in sorted(search_sources().items()):
                written = search_reindex(kind, apps.get_model(label)._meta.db_table)
                self.stdout.write(f"{kind}: {written} registros indexados.")
