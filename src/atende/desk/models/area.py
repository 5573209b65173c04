"""Areas (departments) and the staff who serve them (D1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.tenancy.models import TenantModel


class Area(TenantModel):
    """A department that answers tickets (Suporte, Financeiro…), with its responsible e-mail."""

    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("responsible e-mail"), blank=True)
    # The area's part of the desk's incoming address: suporte+<organization>.<alias>@domain.
    mail_alias = models.SlugField(
        _("e-mail alias"),
        max_length=40,
        blank=True,
        db_index=False,
        help_text=_("Mail to the desk address with this alias opens tickets in this area."),
    )
    is_default = models.BooleanField(
        _("default area"), default=False, help_text=_("New tickets without an area go here.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    members = models.ManyToManyField(
        "tenancy.Member",
        through="AreaResource",
        related_name="desk_areas",
        verbose_name=_("resources"),
    )

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="desk_area_name"),
            models.UniqueConstraint(
                fields=["organization", "mail_alias"],
                condition=~models.Q(mail_alias=""),
                name="desk_area_mail_alias",
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(is_default=True),
                name="desk_area_one_default",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AreaResource(TenantModel):
    """A member who serves an area (one member may serve several)."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, db_index=False)
    member = models.ForeignKey("tenancy.Member", on_delete=models.CASCADE, db_index=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "area", "member"], name="desk_area_resource"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "member"], name="desk_resource_member"),
        ]

    def __str__(self) -> str:
        return f"{self.area_id}:{self.member_id}"
