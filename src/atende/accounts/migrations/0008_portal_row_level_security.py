from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_portal_accounts")]

    operations = [EnableRowLevelSecurity("portalaccount"), EnableRowLevelSecurity("portaltoken")]
