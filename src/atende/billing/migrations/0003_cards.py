"""Card payments (B8): the gateway's customer id beside each stored card, and the one
cross-organization read the gateway's webhook needs (which organization owns a charge id)."""

from django.db import migrations, models

from atende.tenancy.operations import PostgresOnlySQL

# The webhook has no organization in its URL. Runs as the owner (SECURITY DEFINER), the one
# role whose policy reads `atende.unscoped`, reads only the organization of the charges with
# that gateway id, and puts the setting back (as tenancy 0008's atende_user_organization_ids).
CARD_CHARGE_ORGANIZATIONS_FUNCTION = """
CREATE OR REPLACE FUNCTION atende_card_charge_organization_ids(target_gateway_id text)
RETURNS SETOF bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path FROM CURRENT
AS $$
DECLARE previous text := coalesce(current_setting('atende.unscoped', true), '');
BEGIN
  PERFORM set_config('atende.unscoped', 'on', true);
  RETURN QUERY
    SELECT DISTINCT organization_id FROM billing_cardcharge
    WHERE gateway_id = target_gateway_id AND target_gateway_id <> '';
  PERFORM set_config('atende.unscoped', previous, true);
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("billing", "0002_billing_settings")]

    operations = [
        migrations.AddField(
            model_name="storedcard",
            name="gateway_customer",
            field=models.CharField(blank=True, max_length=80, verbose_name="gateway customer id"),
        ),
        PostgresOnlySQL(
            CARD_CHARGE_ORGANIZATIONS_FUNCTION,
            reverse_sql="DROP FUNCTION IF EXISTS atende_card_charge_organization_ids(text);",
        ),
    ]
