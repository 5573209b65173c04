from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("workflow", "0001_initial")]

    operations = [
        EnableRowLevelSecurity(name)
        for name in ("requestgroup", "requesttype", "stage", "requestfield", "stagefieldrule")
    ]
