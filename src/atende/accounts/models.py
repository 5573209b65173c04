"""Users (global, sign in by e-mail), sectors with permissions, invitations, API tokens."""

from datetime import datetime, timedelta

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


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)  # None gives an unusable password (invited, not yet set)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str, **fields: object) -> "User":
        return self.create_user(email, password, is_staff=True, is_superuser=True, **fields)

    def get_by_natural_key(self, username: str | None) -> "User":
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
    permissions: "models.ManyToManyField[Permission, SectorPermission]" = models.ManyToManyField(
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


INVITATION_VALID_FOR = timedelta(days=7)


class Invitation(TenantModel):
    """An invitation to join the organization that the person has not accepted (yet).

    A table of its own rather than pending fields on Member: until the person says yes, nothing
    ties them to the organization. There is no Member row, so no access, no place in member
    lists or pickers, and no audit entry or search result carrying their real name; the
    administrator sees only what they typed (`email`, `invited_name`). Accepting creates (or
    reactivates) the Member with the sector and role chosen here and records `accepted_at`.

    The e-mailed link is signed and names this row and its `send_count`: it dies when the
    invitation is accepted, cancelled (deleted) or sent again, and INVITATION_VALID_FOR after
    `sent_at`.
    """

    email = models.EmailField(_("e-mail"))
    invited_name = models.CharField(_("name"), max_length=150)
    sector = models.ForeignKey(
        Sector,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("sector"),
    )
    is_admin = models.BooleanField(_("administrator"), default=False)
    invited_by = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        db_index=False,
        verbose_name=_("invited by"),
    )
    send_count = models.PositiveIntegerField(default=0, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, editable=False)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True, editable=False)
    member = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        editable=False,
        verbose_name=_("member"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "email"],
                condition=models.Q(accepted_at__isnull=True),
                name="accounts_invitation_pending_email",
            )
        ]
        indexes = [
            models.Index(
                fields=["organization", "-sent_at"],
                condition=models.Q(accepted_at__isnull=True),
                name="accounts_invitation_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.invited_name} <{self.email}>"

    @property
    def expires_at(self) -> datetime | None:
        return self.sent_at + INVITATION_VALID_FOR if self.sent_at else None

    @property
    def is_open(self) -> bool:
        """Not accepted and not expired."""
        expires_at = self.expires_at  # None exactly when it was never sent
        return self.accepted_at is None and expires_at is not None and timezone.now() < expires_at


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


PORTAL_LINK_VALID_FOR = timedelta(days=7)


class PortalAccount(TenantModel):
    """A customer's contact who signs in to the organization's Webdesk (W5).

    Separate from staff users on purpose: its own password per organization (the same e-mail
    may have access at two organizations), its own session key, and no way into staff pages.
    """

    contact = models.ForeignKey(
        "customers.Contact",
        on_delete=models.CASCADE,
        related_name="portal_accounts",
        db_index=False,
        verbose_name=_("contact"),
    )
    email = models.EmailField(_("e-mail"))
    password = models.CharField(max_length=128, blank=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    sees_all_customer_requests = models.BooleanField(
        _("sees every request of the customer"),
        default=False,
        help_text=_("Otherwise only the requests this contact opened or is the contact of."),
    )
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    link_count = models.PositiveIntegerField(default=0, editable=False)  # links sent so far
    password_set_at = models.DateTimeField(_("password set at"), null=True, blank=True)
    last_login_at = models.DateTimeField(_("last sign-in"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("portal access")
        verbose_name_plural = _("portal accesses")
        constraints = [
            models.UniqueConstraint(fields=["organization", "email"], name="accounts_portal_email"),
            models.UniqueConstraint(
                fields=["organization", "contact"], name="accounts_portal_contact"
            ),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def customer_id(self) -> int:
        return self.contact.customer_id


class PortalToken(TenantModel):
    """A portal account's API token (the customer-facing API); only its hash is stored."""

    account = models.ForeignKey(
        PortalAccount, on_delete=models.CASCADE, related_name="tokens", db_index=False
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=16, editable=False)
    token_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "prefix"], name="accounts_portal_token_prefix"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "account"], name="accounts_portal_token_acct")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
