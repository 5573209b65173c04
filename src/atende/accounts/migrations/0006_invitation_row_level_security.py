from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_invitation")]

    operations = [EnableRowLevelSecurity("invitation")]
