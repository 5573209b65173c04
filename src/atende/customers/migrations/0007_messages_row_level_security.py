from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("customers", "0006_messages")]

    operations = [
        EnableRowLevelSecurity("customeremail"),
        EnableRowLevelSecurity("customeremailattachment"),
        EnableRowLevelSecurity("smstemplate"),
        EnableRowLevelSecurity("customersms"),
    ]
