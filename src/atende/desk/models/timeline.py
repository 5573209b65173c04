"""The ticket's timeline (D3): replies, internal notes, automatic change entries; attachments;
time spent (D4)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atende.tenancy.models import TenantModel


class EntryKind(models.TextChoices):
    REPLY = "reply", _("Reply")
    NOTE = "note", _("Internal note")
    CHANGE = "change", _("Change")
    CUSTOMER = "customer", _("Customer message")


class TimelineEntry(TenantModel):
    """One event of a ticket. Only replies and the customer's own messages are public: notes and
    changes never reach the customer (portal, e-mail, customer-facing API)."""

    ticket = models.ForeignKey(
        "desk.Ticket", on_delete=models.CASCADE, related_name="timeline", db_index=False
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EntryKind.choices)
    author = models.ForeignKey(
        "tenancy.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        verbose_name=_("author"),
    )
    author_contact = models.ForeignKey(
        "customers.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    author_name = models.CharField(max_length=150, blank=True)  # who wrote, as shown then
    body = models.TextField(_("text"), blank=True)
    # Change entries: [{"field": "status", "label": "Situação", "old": "Pendente", "new": "…"}]
    changes = models.JSONField(default=list, blank=True)
    is_public = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    # The e-mail this entry came from (a customer's reply) or went out as (a public reply).
    mail = models.ForeignKey(
        "desk.MailMessage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        indexes = [
            models.Index(
                fields=["organization", "ticket", "created_at", "id"], name="desk_timeline_ticket"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.ticket_id}"


class TicketAttachment(TenantModel):
    """A file on a ticket, attached when it was opened or with a timeline entry."""

    ticket = models.ForeignKey(
        "desk.Ticket", on_delete=models.CASCADE, related_name="attachments", db_index=False
    )
    entry = models.ForeignKey(
        TimelineEntry,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        db_index=False,
    )
    stored_file = models.ForeignKey(
        "files.StoredFile", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # The extra field (of a typed request) this file is the value of; blank: an attachment.
    field_key = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["organization", "ticket"], name="desk_attach_ticket")]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "stored_file"], name="desk_attach_stored_file"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id}:{self.stored_file_id}"


class TimeEntry(TenantModel):
    """Time a member spent on a ticket, with a note (D4)."""

    ticket = models.ForeignKey(
        "desk.Ticket", on_delete=models.CASCADE, related_name="time_entries", db_index=False
    )
    member = models.ForeignKey(
        "tenancy.Member", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    minutes = models.PositiveIntegerField(_("minutes"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    worked_on = models.DateField(_("date"), default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("time entry")
        verbose_name_plural = _("time entries")
        indexes = [
            models.Index(fields=["organization", "ticket", "worked_on"], name="desk_time_ticket"),
            models.Index(fields=["organization", "member", "worked_on"], name="desk_time_member"),
        ]

    def __str__(self) -> str:
        return f"{self.minutes} min #{self.ticket_id}"


class SavedFilter(TenantModel):
    """A named set of queue filters, personal or shared with the organization (D6)."""

    name = models.CharField(_("name"), max_length=80)
    owner = models.ForeignKey(
        "tenancy.Member", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    is_shared = models.BooleanField(_("shared with the organization"), default=False)
    query = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["name"]
        indexes = [models.Index(fields=["organization", "owner"], name="desk_filter_owner")]

    def __str__(self) -> str:
        return self.name


PASSAGE_OUTCOMES = {
    "forward": "avançou",
    "back": "voltou",
    "conclude": "concluída",
    "cancel": "cancelada",
    "approved": "entendimento aprovado",
    "rejected": "entendimento reprovado",
}


class StagePassage(TenantModel):
    """One passage of a typed request through a stage (W3): who moved it in and out, when."""

    ticket = models.ForeignKey(
        "desk.Ticket", on_delete=models.CASCADE, related_name="passages", db_index=False
    )
    stage = models.ForeignKey(
        "workflow.Stage", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    entered_at = models.DateTimeField(default=timezone.now)
    entered_by = models.CharField(max_length=150, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    left_by = models.CharField(max_length=150, blank=True)
    outcome = models.CharField(max_length=10, blank=True)  # the move that left the stage

    class Meta:
        indexes = [
            models.Index(
                fields=["organization", "ticket", "-entered_at"], name="desk_passage_ticket"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id} em {self.stage_id}"

    @property
    def duration(self):
        return (self.left_at or timezone.now()) - self.entered_at

    @property
    def outcome_label(self) -> str:
        return PASSAGE_OUTCOMES.get(self.outcome, self.outcome)
