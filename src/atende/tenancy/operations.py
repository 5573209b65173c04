"""Migration operation that puts a tenant table under PostgreSQL row-level security."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import ProjectState

POLICY_NAME = "atende_organization_isolation"
OWNER_POLICY_NAME = "atende_owner_unscoped"
ORGANIZATION_PREDICATE = (
    "organization_id = NULLIF(current_setting('atende.organization_id', true), '')::bigint"
)
UNSCOPED_PREDICATE = "current_setting('atende.unscoped', true) = 'on'"


def policies_sql(table: str) -> list[str]:
    """The two policies of a tenant table. Everyone sees the active organization's rows; only
    the role that runs the migrations (the owner) may switch to every organization: the
    application role can set `atende.unscoped` from SQL, but no policy of its own reads it."""
    return [
        f"CREATE POLICY {POLICY_NAME} ON {table} "
        f"USING ({ORGANIZATION_PREDICATE}) WITH CHECK ({ORGANIZATION_PREDICATE})",
        f"CREATE POLICY {OWNER_POLICY_NAME} ON {table} TO CURRENT_USER "
        f"USING ({UNSCOPED_PREDICATE}) WITH CHECK ({UNSCOPED_PREDICATE})",
    ]


class EnableRowLevelSecurity(migrations.operations.base.Operation):
    """`EnableRowLevelSecurity("customer")`: FORCEd RLS keyed on the per-transaction setting."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str) -> None:
        self.model_name = model_name

    def state_forwards(self, app_label: str, state: ProjectState) -> None:
        # Row-level security lives only in the database; the model state does not change.
        return

    def _table(self, app_label: str, state: ProjectState) -> str:
        table: str = state.apps.get_model(app_label, self.model_name)._meta.db_table
        return table

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(self._table(app_label, to_state))
        schema_editor.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        schema_editor.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        for statement in policies_sql(table):
            schema_editor.execute(statement)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(self._table(app_label, from_state))
        schema_editor.execute(f"DROP POLICY IF EXISTS {POLICY_NAME} ON {table}")
        schema_editor.execute(f"DROP POLICY IF EXISTS {OWNER_POLICY_NAME} ON {table}")
        schema_editor.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        schema_editor.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")

    def describe(self) -> str:
        return f"Enable row-level security on {self.model_name}"

    def deconstruct(self) -> tuple[str, list[str], dict[str, object]]:
        return (self.__class__.__qualname__, [self.model_name], {})

    @property
    def migration_name_fragment(self) -> str:
        return f"rls_{self.model_name.lower()}"


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL that runs on PostgreSQL only (extensions, GIN indexes); a no-op elsewhere."""

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
