from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0006_audit_log_entry")]

    operations = [EnableRowLevelSecurity("auditlogentry")]
