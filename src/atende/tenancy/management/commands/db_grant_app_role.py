"""Give the application's database role what it needs, and nothing more (PostgreSQL).

Run as the owner role, after `migrate`:

    DATABASE_URL=postgres://atende_owner:…@db/atende python manage.py db_grant_app_role atende_app

The application role may read and write rows (row-level security decides which) and use the
sequences. It owns nothing, so it can neither turn row-level security off nor change a table,
and no policy lets it read across organizations. Tables the owner creates later get the same
grants (ALTER DEFAULT PRIVILEGES).
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from psycopg import sql

ROW_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
SEQUENCE_PRIVILEGES = "USAGE, SELECT, UPDATE"


class Command(BaseCommand):
    help = "Grant the application role row access to every table (run as the owner role)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="the application's role, e.g. atende_app")

    def handle(self, *args: object, role: str, **options: object) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Só se aplica ao PostgreSQL.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s", [role])
            found = cursor.fetchone()
            if found is None:
                raise CommandError(f"O papel {role} não existe.")
            if any(found):
                raise CommandError(
                    f"O papel {role} é superusuário ou tem BYPASSRLS: a segurança por linha "
                    "não se aplicaria a ele."
                )
            cursor.execute("SELECT current_user, current_schema()")
            owner, schema = cursor.fetchone()
            if owner == role:
                raise CommandError(
                    "Rode este comando como o papel dono das tabelas, não como o da aplicação."
                )
            names = {"role": sql.Identifier(role), "schema": sql.Identifier(schema)}
            for statement in (
                "GRANT USAGE ON SCHEMA {schema} TO {role}",
                f"GRANT {ROW_PRIVILEGES} ON ALL TABLES IN SCHEMA {{schema}} TO {{role}}",
                f"GRANT {SEQUENCE_PRIVILEGES} ON ALL SEQUENCES IN SCHEMA {{schema}} TO {{role}}",
                "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {schema} TO {role}",
                f"ALTER DEFAULT PRIVILEGES IN SCHEMA {{schema}} GRANT {ROW_PRIVILEGES} "
                "ON TABLES TO {role}",
                f"ALTER DEFAULT PRIVILEGES IN SCHEMA {{schema}} GRANT {SEQUENCE_PRIVILEGES} "
                "ON SEQUENCES TO {role}",
            ):
                cursor.execute(sql.SQL(statement).format(**names).as_string(cursor.connection))
        self.stdout.write(f"{role}: acesso às linhas de {schema} concedido por {owner}.")
