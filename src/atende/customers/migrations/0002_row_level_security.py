from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity


class Migration(migrations.Migration):
    dependencies = [("customers", "0001_initial")]

    operations = [
        EnableRowLevelSecurity(model)
        for model in (
            "category",
            "sectorcategory",
            "origintype",
            "origin",
            "contacttype",
            "extrafield",
            "customer",
            "contact",
            "address",
            "observation",
            "observationread",
            "directdebit",
            "favorite",
        )
    ]
