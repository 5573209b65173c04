from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("files", "0001_initial")]

    operations = [EnableRowLevelSecurity("storedfile")]
