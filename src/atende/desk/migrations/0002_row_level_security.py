from django.db import migrations

from atende.tenancy.operations import EnableRowLevelSecurity

TABLES = (
    "area", "arearesource", "ticket", "timelineentry", "ticketattachment", "timeentry",
    "savedfilter",
)  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("desk", "0001_initial")]

    operations = [EnableRowLevelSecurity(name) for name in TABLES]
