from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0003_counter")]

    operations = [EnableRowLevelSecurity("counter")]
