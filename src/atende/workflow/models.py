"""Request groups and types, stages, extra fields and per-stage field rules (W1, W2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atende.tenancy.models import TenantModel


class RequestGroup(TenantModel):
    """A group of request types the customer chooses first (Suporte técnico, Cadastro…)."""

    name = models.CharField(_("name"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("request group")
        verbose_name_plural = _("request groups")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="workflow_group_name")
        ]

    def __str__(self) -> str:
        return self.name


class RequestType(TenantModel):
    """A kind of request with its own stages and fields (Solicitação de serviço…)."""

    group = models.ForeignKey(
        RequestGroup, on_delete=models.PROTECT, related_name="types", db_index=False
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    default_attendant = models.ForeignKey(
        "tenancy.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("default attendant"),
        help_text=_("Receives requests of this type opened in the portal."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("request type")
        verbose_name_plural = _("request types")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "group", "name"], name="workflow_type_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Responsibility(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    COMPANY = "company", _("Company")


class Stage(TenantModel):
    """One step of a type's flow: whose turn it is and which ways out it allows."""

    request_type = models.ForeignKey(
        RequestType, on_delete=models.CASCADE, related_name="stages", db_index=False
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=80)
    responsibility = models.CharField(
        _("responsibility"), max_length=10, choices=Responsibility.choices
    )
    # The desk's area that works the stage (company stages). By name only: workflow imports
    # nothing of the desk.
    area = models.ForeignKey(
        "desk.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("area"),
    )
    allows_forward = models.BooleanField(_("may move forward"), default=True)
    allows_back = models.BooleanField(_("may go back"), default=False)
    allows_conclusion = models.BooleanField(_("may be concluded here"), default=False)
    allows_cancellation = models.BooleanField(_("may be cancelled here"), default=True)
    asks_understanding = models.BooleanField(
        _("the company writes its understanding here"),
        default=False,
        help_text=_("The customer approves it (the request moves on) or rejects it."),
    )
    rejection_stage = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("a rejected understanding goes back to"),
    )

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["request_type", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "request_type", "position"], name="workflow_stage_position"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_customers_turn(self) -> bool:
        return self.responsibility == Responsibility.CUSTOMER


class FieldKind(models.TextChoices):
    TEXT = "text", _("Text")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    BOOLEAN = "boolean", _("Yes/no")
    CHOICE = "choice", _("Choice")
    FILE = "file", _("File")


class RequestField(TenantModel):
    """An extra field of a request type."""

    request_type = models.ForeignKey(
        RequestType, on_delete=models.CASCADE, related_name="fields", db_index=False
    )
    key = models.SlugField(_("key"), max_length=40, db_index=False)
    label = models.CharField(_("label"), max_length=80)
    kind = models.CharField(_("type"), max_length=10, choices=FieldKind.choices)
    choices = models.TextField(_("options (one per line)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("request field")
        verbose_name_plural = _("request fields")
        ordering = ["request_type", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "request_type", "key"], name="workflow_field_key"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def options(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class FieldRule(models.TextChoices):
    EDITABLE = "editable", _("Editable")
    REQUIRED = "required", _("Required")
    READ_ONLY = "readonly", _("Read-only")
    HIDDEN = "hidden", _("Hidden")


class StageFieldRule(TenantModel):
    """How one field behaves at one stage (no row: editable, optional)."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="rules", db_index=False)
    field = models.ForeignKey(
        RequestField, on_delete=models.CASCADE, related_name="rules", db_index=False
    )
    rule = models.CharField(_("rule"), max_length=10, choices=FieldRule.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "stage", "field"], name="workflow_rule_stage_field"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage_id}:{self.field_id}={self.rule}"


class RequestSettings(TenantModel):
    """The organization's request parameters (one row): who receives portal requests when the
    type names nobody."""

    default_attendant = models.ForeignKey(
        "tenancy.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("default attendant"),
        help_text=_("Receives requests opened in the portal when their type names nobody."),
    )

    class Meta:
        verbose_name = _("request settings")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="workflow_settings_one")
        ]

    def __str__(self) -> str:
        return str(self.default_attendant or "—")
