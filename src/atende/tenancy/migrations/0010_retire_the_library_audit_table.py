"""django-auditlog's own table stays (its migrations create it even with the model swapped for
tenancy.AuditLogEntry), empty after 0009. Its foreign keys go: they would only keep Django from
emptying django_content_type and accounts_user with TRUNCATE, which the test suite does
between transactional tests."""

from django.db import migrations

from atende.tenancy.operations import PostgresOnlySQL

DROP_FOREIGN_KEYS = """
DO $$
DECLARE retired record;
BEGIN
  FOR retired IN
    SELECT conname FROM pg_constraint
    WHERE conrelid = 'auditlog_logentry'::regclass AND contype = 'f'
  LOOP
    EXECUTE format('ALTER TABLE auditlog_logentry DROP CONSTRAINT %I', retired.conname);
  END LOOP;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0009_audit_entries_from_auditlog")]

    # No way back is needed: the table is empty and nothing reads it.
    operations = [PostgresOnlySQL(DROP_FOREIGN_KEYS, reverse_sql=migrations.RunSQL.noop)]
