"""Lists each organization defines: categories, origins, contact types, extra fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.tenancy.models import TenantModel


class NamedCatalog(TenantModel):
    name = models.CharField(_("name"), max_length=80)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Category(NamedCatalog):
    """Cliente, Fornecedor, Colaborador…"""

    class Meta(NamedCatalog.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="customers_category_name")
        ]


class SectorCategory(TenantModel):
    """Limits a sector to some categories (e.g. RH sees only "Colaborador")."""

    sector = models.ForeignKey(
        "accounts.Sector", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    category = models.ForeignKey(Category, on_delete=models.CASCADE, db_index=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "sector", "category"], name="customers_sector_category"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sector_id} → {self.category_id}"


class OriginType(NamedCatalog):
    """How customers heard of us, in broad kinds: Mídia impressa, Mídia digital, Indicação…"""

    class Meta(NamedCatalog.Meta):
        verbose_name = _("origin type")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="customers_origintype_name"
            )
        ]


class Origin(NamedCatalog):
    """A named origin inside a type (e.g. "Instagram" in Mídia digital)."""

    origin_type = models.ForeignKey(
        OriginType, on_delete=models.PROTECT, db_index=False, verbose_name=_("origin type")
    )

    class Meta(NamedCatalog.Meta):
        verbose_name = _("origin")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "origin_type", "name"], name="customers_origin_name"
            )
        ]


class ContactType(NamedCatalog):
    """Financeiro, Técnico, Sócio, Mãe…"""

    class Meta(NamedCatalog.Meta):
        verbose_name = _("contact type")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="customers_contacttype_name"
            )
        ]


class ExtraFieldTarget(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    CONTACT = "contact", _("Contact")


class ExtraFieldKind(models.TextChoices):
    TEXT = "text", _("Text")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    BOOLEAN = "boolean", _("Yes/no")
    CHOICE = "choice", _("Choice")


class ExtraField(TenantModel):
    """A typed field the organization adds to customers or contacts (C4)."""

    target = models.CharField(_("applies to"), max_length=10, choices=ExtraFieldTarget.choices)
    label = models.CharField(_("label"), max_length=80)
    key = models.SlugField(_("key"), max_length=40, db_index=False)
    kind = models.CharField(_("type"), max_length=10, choices=ExtraFieldKind.choices)
    choices = models.TextField(_("options"), blank=True, help_text=_("One option per line."))
    is_required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["target", "position", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "target", "key"], name="customers_extrafield_key"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def options(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class DocumentType(NamedCatalog):
    """Contrato, RG/CNH, Comprovante de endereço…"""

    class Meta(NamedCatalog.Meta):
        verbose_name = _("document type")
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="customers_doctype_name")
        ]
