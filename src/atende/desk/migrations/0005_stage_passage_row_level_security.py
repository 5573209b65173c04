from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("desk", "0004_typed_request_links")]

    operations = [EnableRowLevelSecurity("stagepassage")]
