"""Only the owner role (the one that runs migrations) may read across organizations.

Until now one policy per tenant table accepted `atende.unscoped = 'on'` from any role, and the
application role could set it from SQL. Every table that has our policy gets it again without
that branch, plus a second policy for the owner alone (`TO CURRENT_USER`: the role running this
migration). Tables created later get both from EnableRowLevelSecurity.

The organization switcher needs one cross-organization read: in which organizations is this user
a member? A SECURITY DEFINER function, owned by the owner, answers exactly that.
"""

from django.db import migrations

from atende.tenancy.operations import (
    ORGANIZATION_PREDICATE,
    OWNER_POLICY_NAME,
    POLICY_NAME,
    UNSCOPED_PREDICATE,
    PostgresOnlySQL,
)


def _for_every_policed_table(statements: str) -> str:
    return f"""
DO $$
DECLARE policed record;
BEGIN
  FOR policed IN
    SELECT schemaname, tablename FROM pg_policies
    WHERE policyname = '{POLICY_NAME}' AND schemaname = current_schema()
  LOOP
    {statements}
  END LOOP;
END $$;
"""


def _execute(template: str) -> str:
    literal = "'" + template.replace("'", "''") + "'"  # an SQL string literal
    return f"EXECUTE format({literal}, policed.schemaname, policed.tablename);"


SPLIT_POLICIES = _for_every_policed_table(
    " ".join(
        [
            _execute(f"DROP POLICY IF EXISTS {POLICY_NAME} ON %I.%I"),
            _execute(f"DROP POLICY IF EXISTS {OWNER_POLICY_NAME} ON %I.%I"),
            _execute(
                f"CREATE POLICY {POLICY_NAME} ON %I.%I USING ({ORGANIZATION_PREDICATE}) "
                f"WITH CHECK ({ORGANIZATION_PREDICATE})"
            ),
            _execute(
                f"CREATE POLICY {OWNER_POLICY_NAME} ON %I.%I TO CURRENT_USER "
                f"USING ({UNSCOPED_PREDICATE}) WITH CHECK ({UNSCOPED_PREDICATE})"
            ),
        ]
    )
)

JOINED_PREDICATE = f"{UNSCOPED_PREDICATE} OR {ORGANIZATION_PREDICATE}"
JOIN_POLICIES = _for_every_policed_table(
    " ".join(
        [
            _execute(f"DROP POLICY IF EXISTS {OWNER_POLICY_NAME} ON %I.%I"),
            _execute(f"DROP POLICY IF EXISTS {POLICY_NAME} ON %I.%I"),
            _execute(
                f"CREATE POLICY {POLICY_NAME} ON %I.%I USING ({JOINED_PREDICATE}) "
                f"WITH CHECK ({JOINED_PREDICATE})"
            ),
        ]
    )
)

# Runs as the owner (SECURITY DEFINER), the one role whose policy reads `atende.unscoped`; the
# setting is put back before returning. (A `SET atende.unscoped` clause on the function would
# need a superuser: PostgreSQL treats unknown custom settings as superuser-only there.)
USER_ORGANIZATIONS_FUNCTION = """
CREATE OR REPLACE FUNCTION atende_user_organization_ids(target_user_id bigint)
RETURNS SETOF bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path FROM CURRENT
AS $$
DECLARE previous text := coalesce(current_setting('atende.unscoped', true), '');
BEGIN
  PERFORM set_config('atende.unscoped', 'on', true);
  RETURN QUERY
    SELECT organization_id FROM tenancy_member WHERE user_id = target_user_id AND is_active;
  PERFORM set_config('atende.unscoped', previous, true);
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0007_audit_log_entry_row_level_security")]

    operations = [
        PostgresOnlySQL(SPLIT_POLICIES, reverse_sql=JOIN_POLICIES),
        PostgresOnlySQL(
            USER_ORGANIZATIONS_FUNCTION,
            reverse_sql="DROP FUNCTION IF EXISTS atende_user_organization_ids(bigint);",
        ),
    ]
