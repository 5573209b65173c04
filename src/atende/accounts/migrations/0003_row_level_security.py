from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_organization_links")]

    operations = [
        EnableRowLevelSecurity("sector"),
        EnableRowLevelSecurity("sectorpermission"),
        EnableRowLevelSecurity("apitoken"),
    ]
