"""The address fields shared by the customer, its billing address and other addresses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# fmt: off
BRAZILIAN_STATES = [
    (uf, uf)
    for uf in [
        "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA",
        "PB", "PE", "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
    ]
]
# fmt: on


def address_fields(prefix: str = "") -> dict[str, models.Field]:
    """Fresh address fields (CEP, street, number…) named `<prefix>street` and so on."""
    return {
        f"{prefix}postal_code": models.CharField(_("CEP"), max_length=8, blank=True),
        f"{prefix}street": models.CharField(_("street"), max_length=200, blank=True),
        f"{prefix}street_number": models.CharField(_("number"), max_length=20, blank=True),
        f"{prefix}complement": models.CharField(_("complement"), max_length=100, blank=True),
        f"{prefix}district": models.CharField(_("district"), max_length=100, blank=True),
        f"{prefix}city": models.CharField(_("city"), max_length=100, blank=True),
        f"{prefix}state": models.CharField(
            _("state"), max_length=2, blank=True, choices=BRAZILIAN_STATES
        ),
    }


def one_line(obj, prefix: str = "") -> str:
    """Street, number – complement – district – city/UF – CEP, skipping empty parts."""
    get = lambda name: getattr(obj, f"{prefix}{name}", "") or ""  # noqa: E731
    street = ", ".join(part for part in (get("street"), get("street_number")) if part)
    city = "/".join(part for part in (get("city"), get("state")) if part)
    cep = get("postal_code")
    cep = f"CEP {cep[:5]}-{cep[5:]}" if len(cep) == 8 else cep
    return " – ".join(p for p in (street, get("complement"), get("district"), city, cep) if p)
