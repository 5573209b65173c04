"""Tickets (D2): number, people, area, priority, due date, status, channel."""

from datetime import date

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from atende.tenancy.models import TenantModel

NO_DUE_DATE = date(9999, 12, 31)  # sorts tickets without a due date last


class TicketStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ANALYSIS = "analysis", _("Under analysis")
    RESOLVING = "resolving", _("Being resolved")
    WAITING = "waiting", _("Waiting")
    DONE = "done", _("Done")
    UNSOLVED = "unsolved", _("No solution")
    NO_CONTACT = "no_contact", _("No contact")
    CANCELLED = "cancelled", _("Cancelled")


CLOSED_STATUSES = (
    TicketStatus.DONE,
    TicketStatus.UNSOLVED,
    TicketStatus.NO_CONTACT,
    TicketStatus.CANCELLED,
)


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    NORMAL = 2, _("Normal")
    LOW = 3, _("Low")


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    EMAIL = "email", _("E-mail")
    PORTAL = "portal", _("Portal")
    PHONE = "phone", _("Phone")


class Ticket(TenantModel):
    number = models.PositiveIntegerField(_("number"), editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets",
        db_index=False,
        verbose_name=_("customer"),
    )
    contact = models.ForeignKey(
        "customers.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
        db_index=False,
        verbose_name=_("contact"),
    )
    area = models.ForeignKey(
        "desk.Area", on_delete=models.PROTECT, db_index=False, verbose_name=_("area")
    )
    assignee = models.ForeignKey(
        "tenancy.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_tickets",
        db_index=False,
        verbose_name=_("assignee"),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=TicketStatus.choices, default=TicketStatus.PENDING
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    created_by = models.ForeignKey(
        "tenancy.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("opened by"),
    )
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last update"), auto_now=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # The due date the staff were last told is near (sent once per due date).
    due_notified_on = models.DateField(null=True, blank=True, editable=False)
    # A typed request (W1–W4): its type, current stage and extra-field values; a ticket
    # without a type works as a plain desk ticket.
    request_type = models.ForeignKey(
        "workflow.RequestType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets",
        db_index=False,
        verbose_name=_("request type"),
    )
    stage = models.ForeignKey(
        "workflow.Stage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets",
        db_index=False,
        verbose_name=_("stage"),
    )
    field_values = models.JSONField(default=dict, blank=True)
    understanding = models.TextField(_("understanding"), blank=True)
    understanding_state = models.CharField(
        _("understanding"),
        max_length=10,
        blank=True,
        choices=[
            ("pending", _("Waiting for the customer's approval")),
            ("approved", _("Approved by the customer")),
            ("rejected", _("Rejected by the customer")),
        ],
    )
    search_text = models.TextField(editable=False, default="")
    # Computed by the database, so the queue's filters and sorts have plain indexed columns.
    is_open = models.GeneratedField(
        expression=models.Case(
            models.When(status__in=CLOSED_STATUSES, then=models.Value(False)),
            default=models.Value(True),
        ),
        output_field=models.BooleanField(),
        db_persist=True,
    )
    due_key = models.GeneratedField(
        expression=Coalesce("due_on", models.Value(NO_DUE_DATE)),
        output_field=models.DateField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="desk_ticket_number")
        ]
        indexes = [
            models.Index(
                fields=["organization", "is_open", "-updated_at", "-id"], name="desk_t_open_upd"
            ),
            models.Index(
                fields=["organization", "is_open", "due_key", "id"], name="desk_t_open_due"
            ),
            models.Index(
                fields=["organization", "is_open", "priority", "due_key", "id"],
                name="desk_t_open_prio",
            ),
            models.Index(fields=["organization", "-updated_at", "-id"], name="desk_t_updated"),
            models.Index(
                fields=["organization", "assignee", "is_open", "-updated_at"],
                name="desk_t_assignee",
            ),
            models.Index(
                fields=["organization", "area", "is_open", "-updated_at"], name="desk_t_area"
            ),
            models.Index(fields=["organization", "status", "-updated_at"], name="desk_t_status"),
            models.Index(
                fields=["organization", "customer", "-created_at"], name="desk_t_customer"
            ),
            models.Index(fields=["organization", "created_at"], name="desk_t_created"),
            models.Index(fields=["organization", "stage"], name="desk_t_stage"),
            models.Index(fields=["organization", "request_type"], name="desk_t_type"),
        ]

    def __str__(self) -> str:
        return f"#{self.number} {self.title}"

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def is_customers_turn(self) -> bool:
        """Whether the request waits for the customer (an understanding to approve, a stage
        of theirs, or an untyped ticket waiting for an answer); never once closed."""
        if self.is_closed:
            return False
        if self.understanding_state == "pending":
            return True
        if self.stage_id is None:
            return self.status == TicketStatus.WAITING
        return self.stage.is_customers_turn
