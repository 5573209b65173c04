"""Users (global, sign in by e-mail), sectors with permissions, API tokens."""

from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    Permission,
    PermissionsMixin,
)
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atende.tenancy.models import Member, TenantModel


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)  # None gives an unusable password (invited, not yet set)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str, **fields) -> "User":
        return self.create_user(email, password, is_staff=True, is_superuser=True, **fields)

    def get_by_natural_key(self, username: str) -> "User":
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Platform-wide: one user may be a member of several organizations."""

    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("platform staff"), default=False, help_text=_("May open the platform administration.")
    )
    date_joined = models.DateTimeField(_("joined at"), default=timezone.now)
    totp_secret = models.CharField(max_length=64, blank=True, editable=False)
    totp_enabled_at = models.DateTimeField(_("two-factor enabled at"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def has_totp(self) -> bool:
        return self.totp_enabled_at is not None

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Sector(TenantModel):
    """A group of staff (Financeiro, Suporte, Comercial, RH…) and what it may do per module."""

    name = models.CharField(_("name"), max_length=80)
    permissions = models.ManyToManyField(
        Permission, through="SectorPermission", blank=True, verbose_name=_("permissions")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="accounts_sector_name")
        ]

    def __str__(self) -> str:
        return self.name


class SectorPermission(TenantModel):
    sector = models.ForeignKey(Sector, on_delete=models.CASCADE, db_index=False)
    permission = models.ForeignKey(Permission, on_delete=models.CASCADE, db_index=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "sector", "permission"], name="accounts_sector_permission"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sector_id}:{self.permission_id}"


class ApiToken(TenantModel):
    """A personal API token bound to one membership; only its hash is stored."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="api_tokens", db_index=False
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=16, unique=False, editable=False)
    token_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        constraints = [
            models.UniqueConstraint(fields=["organization", "prefix"], name="accounts_token_prefix")
        ]
        indexes = [models.Index(fields=["organization", "member"], name="accounts_token_member")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
