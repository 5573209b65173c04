"""Organization (the tenant, "empresa" in the UI) and the TenantModel base every app builds on."""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Combinable
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atende.core.history import history_subject_kwargs
from atende.tenancy.context import (
    active_organization_id,
    is_unscoped,
    require_active_organization_id,
)

if TYPE_CHECKING:
    from django.db.models.sql.compiler import _AsSqlType

# Brazil's IANA zones (Fernando de Noronha to Acre).
BRAZILIAN_TIME_ZONES = frozenset(
    {
        "America/Noronha", "America/Sao_Paulo", "America/Bahia", "America/Fortaleza",
        "America/Recife", "America/Maceio", "America/Belem", "America/Araguaina",
        "America/Santarem", "America/Manaus", "America/Cuiaba", "America/Campo_Grande",
        "America/Porto_Velho", "America/Boa_Vista", "America/Rio_Branco", "America/Eirunepe",
    }
)  # fmt: skip

RESERVED_SLUGS = frozenset(
    {"admin", "api", "static", "media", "entrar", "sair", "senha", "conta", "webdesk", "healthz"}
)


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("address"),
        max_length=50,
        unique=True,
        validators=[
            RegexValidator(r"^[a-z0-9][a-z0-9-]*$", _("Use lowercase letters, digits, -."))
        ],
        help_text=_("Used in the address: /<slug>/"),
    )
    hostname = models.CharField(
        _("host name"),
        max_length=253,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Optional own domain or subdomain that opens this organization."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        default="America/Sao_Paulo",
        choices=[(name, name) for name in sorted(BRAZILIAN_TIME_ZONES)],
        help_text=_("Dates such as a ticket's due date are counted here."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ActiveOrganizationCondition(models.Expression):
    """`organization_id = <active organization>`, decided when the SQL is compiled.

    Lazy on purpose: querysets built at import time (form fields, module constants) stay
    valid, and the organization (or the unscoped flag) in force when a query actually runs is
    the one that counts, as with the row-level-security setting on PostgreSQL.
    """

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, column: Combinable | None = None) -> None:
        super().__init__()
        self.column = column if column is not None else models.F("organization_id")

    def get_source_expressions(self) -> list[Combinable]:
        return [self.column]

    def set_source_expressions(self, expressions: Sequence[Combinable]) -> None:
        (self.column,) = expressions

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> "_AsSqlType":
        if is_unscoped():
            return "1 = 1", []
        organization_id = require_active_organization_id()
        # Resolved by now: F("organization_id") has become the table's column expression.
        column_sql, column_params = compiler.compile(cast(models.Expression, self.column))
        return f"{column_sql} = %s", [*column_params, organization_id]


_T = TypeVar("_T", bound="TenantModel")


class TenantQuerySet(models.QuerySet[_T, _T]):
    def bulk_create(self, objs: Iterable[_T], *args: Any, **kwargs: Any) -> list[_T]:
        objs = list(objs)
        for obj in objs:
            obj.bind_to_active_organization()
        return super().bulk_create(objs, *args, **kwargs)


# A module-level name so django-stubs can type the generated manager class.
_TenantManagerBase = models.Manager.from_queryset(TenantQuerySet)


class TenantManager(_TenantManagerBase[_T]):
    """Rows of the active organization only; a query with none active raises (fail closed)."""

    # (from_queryset makes the base build a TenantQuerySet; the stubs say a plain QuerySet.)
    def get_queryset(self) -> TenantQuerySet[_T]:
        queryset = cast(TenantQuerySet[_T], super().get_queryset())
        return queryset.filter(ActiveOrganizationCondition())

    def none(self) -> TenantQuerySet[_T]:
        # An empty queryset reads nothing, so it needs no organization.
        return cast(TenantQuerySet[_T], super().get_queryset()).none()


class TenantModel(models.Model):
    """Base of every organization-owned table: scoped manager, organization set on save."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        verbose_name=_("organization"),
    )

    # Cross-organization work uses `with tenancy.dangerously_unscoped():`; Django's plain base
    # manager (related-object access by id, save) stays unfiltered, and RLS still guards it.
    objects = TenantManager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.bind_to_active_organization()
        super().save(*args, **kwargs)

    def bind_to_active_organization(self) -> None:
        """Take the active organization; refuse a row that belongs to another one."""
        active_id = active_organization_id()
        if self.organization_id is None:
            self.organization_id = require_active_organization_id()
        elif active_id is not None and self.organization_id != active_id and not is_unscoped():
            raise NoCrossOrganizationWrite(
                f"{type(self).__name__} of organization {self.organization_id} "
                f"cannot be written while organization {active_id} is active."
            )


class NoCrossOrganizationWrite(RuntimeError):
    """A row of one organization was saved while another organization was active."""


class Member(TenantModel):
    """A person's place in one organization: administrator or not, sector, active or not."""

    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="memberships",
        db_index=False,
        verbose_name=_("user"),
    )
    sector = models.ForeignKey(
        "accounts.Sector",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        db_index=False,
        verbose_name=_("sector"),
    )
    is_admin = models.BooleanField(_("administrator"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    only_own_portfolio = models.BooleanField(
        _("only my portfolio"),
        default=False,
        help_text=_("Sees and finds only the customers they own (salespeople)."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    # Not a column: the sector's permission codenames, cached by accounts.permissions.
    _permission_codenames: frozenset[str]

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"], name="tenancy_member_unique_user"
            )
        ]
        indexes = [models.Index(fields=["organization", "sector"], name="tenancy_member_sector")]

    def __str__(self) -> str:
        return str(self.user)


class Counter(TenantModel):
    """Per-organization sequences for the numbers people see (customer 310, ticket 1042)."""

    name = models.CharField(max_length=40)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="tenancy_counter_name")
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


class AuditLogEntryManager(LogEntryManager):
    """django-auditlog's manager, scoped like TenantManager; entries take their object's
    organization, so an organization's history is isolated, exported and erased with it."""

    def get_queryset(self) -> models.QuerySet["AuditLogEntry"]:
        return super().get_queryset().filter(ActiveOrganizationCondition())

    def log_create(
        self, instance: TenantModel, force_log: bool = False, **kwargs: Any
    ) -> "AuditLogEntry | None":
        kwargs.setdefault("organization_id", instance.organization_id)
        for name, value in history_subject_kwargs(instance).items():
            kwargs.setdefault(name, value)
        entry: AuditLogEntry | None = super().log_create(instance, force_log=force_log, **kwargs)
        return entry

    def log_m2m_changes(
        self,
        changed_queryset: models.QuerySet[models.Model],
        instance: TenantModel,
        operation: str,
        field_name: str,
        **kwargs: Any,
    ) -> "AuditLogEntry | None":
        kwargs.setdefault("organization_id", instance.organization_id)
        for name, value in history_subject_kwargs(instance).items():
            kwargs.setdefault(name, value)
        # django-auditlog leaves log_m2m_changes unannotated.
        entry: AuditLogEntry | None = super().log_m2m_changes(  # type: ignore[no-untyped-call]
            changed_queryset, instance, operation, field_name, **kwargs
        )
        return entry


class AuditLogEntry(TenantModel, AbstractLogEntry):
    """One audited change (who, when, from which IP, old → new): settings.AUDITLOG_LOGENTRY_MODEL.

    Only organization-owned models are audited; the platform administration keeps Django
    admin's own log for organizations and users.
    """

    # The library's single-column indexes are replaced by indexes that lead with organization.
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    object_pk = models.CharField(max_length=255)
    object_id = models.BigIntegerField(blank=True, null=True)
    action = models.PositiveSmallIntegerField(choices=AbstractLogEntry.Action.choices)
    actor = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        blank=True,
        null=True,
        related_name="+",
        db_index=False,
    )
    cid = models.CharField(max_length=255, blank=True, null=True)  # noqa: DJ001  the library's
    timestamp = models.DateTimeField(default=timezone.now)
    # The record whose history this entry also belongs to (a contact's entries → its customer);
    # set when the entry is written, from atende.core.history's subject registry.
    subject_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
        db_index=False,
    )
    subject_id = models.BigIntegerField(null=True, blank=True)

    # A model may replace its base's manager; django-stubs types managers as class variables
    # that must stay compatible (typeddjango/django-stubs#174), which auditlog's is not.
    objects: ClassVar[AuditLogEntryManager] = AuditLogEntryManager()  # type: ignore[assignment]

    class Meta(AbstractLogEntry.Meta):
        abstract = False
        indexes = [
            models.Index(
                fields=["organization", "content_type", "object_pk", "-timestamp"],
                name="tenancy_audit_object",
            ),
            models.Index(
                fields=["organization", "actor", "-timestamp"], name="tenancy_audit_actor"
            ),
            models.Index(fields=["organization", "-timestamp"], name="tenancy_audit_time"),
            models.Index(
                fields=["organization", "subject_type", "subject_id", "-timestamp"],
                name="tenancy_audit_subject",
            ),
        ]

    def __str__(self) -> str:
        text: str = AbstractLogEntry.__str__(self)
        return text
