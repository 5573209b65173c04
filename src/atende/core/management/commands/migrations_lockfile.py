"""Write (or --check) migrations_lockfile.txt: the newest migration of each Atende app.

Two branches that both add a migration to one app then conflict in git on this file, instead
of both landing a `0007_*` and breaking deploys (Sentry's lockfile).
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.migrations.loader import MigrationLoader

LOCKFILE = Path(settings.PROJECT_DIR) / "migrations_lockfile.txt"
HEADER = (
    "# Newest migration of each Atende app. Regenerate with\n"
    "#   python manage.py migrations_lockfile\n"
    "# A git conflict here means two branches added migrations to the same app: rebase one.\n"
)


def lockfile_text() -> str:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    labels = sorted(
        config.label for config in apps.get_app_configs() if config.name.startswith("atende.")
    )
    lines = []
    for label in labels:
        leaves = sorted(name for app, name in loader.graph.leaf_nodes() if app == label)
        if len(leaves) > 1:
            raise CommandError(f"{label} has several leaf migrations: {', '.join(leaves)}")
        if leaves:
            lines.append(f"{label}: {leaves[0]}")
    return HEADER + "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Write migrations_lockfile.txt, or with --check fail when it is out of date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")

    def handle(self, *args: object, check: bool = False, **options: object) -> None:
        expected = lockfile_text()
        if check:
            current = LOCKFILE.read_text() if LOCKFILE.exists() else ""
            if current != expected:
                raise CommandError(
                    "migrations_lockfile.txt is out of date: run `python manage.py "
                    "migrations_lockfile` and commit it.\nExpected:\n" + expected
                )
            self.stdout.write("migrations_lockfile.txt is up to date.")
            return
        LOCKFILE.write_text(expected)
        self.stdout.write(f"Wrote {LOCKFILE.name}.")
