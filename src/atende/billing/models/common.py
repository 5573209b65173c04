"""What the billing models share: money columns and the banks the banking core supports."""

from decimal import Decimal

from django.db import models

MONEY = {"max_digits": 14, "decimal_places": 2}
PERCENT = {"max_digits": 6, "decimal_places": 3}
ZERO = Decimal("0.00")


class Bank(models.TextChoices):
    """Every bank `atende.banking` issues boletos for (codes as the bank prints them)."""

    BB = "001", "001 – Banco do Brasil"
    SANTANDER = "033", "033 – Santander"
    CAIXA = "104", "104 – Caixa Econômica Federal"
    BRADESCO = "237", "237 – Bradesco"
    ITAU = "341", "341 – Itaú"
    SICREDI = "748", "748 – Sicredi"
    SICOOB = "756", "756 – Sicoob"


def member_link(name: str, label: str) -> models.ForeignKey:
    """Who did something: kept as history even after the member leaves."""
    return models.ForeignKey(
        "tenancy.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=label,
    )
