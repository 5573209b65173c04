from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("customers", "0004_documents")]

    operations = [
        EnableRowLevelSecurity("documenttype"),
        EnableRowLevelSecurity("customerdocument"),
    ]
