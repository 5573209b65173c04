"""E-mail of the desk (D7): every message in or out of a ticket's thread, by its Message-ID."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atende.tenancy.models import TenantModel


class MailDirection(models.TextChoices):
    IN = "in", _("Received")
    OUT = "out", _("Sent")


class MailMessage(TenantModel):
    """One e-mail of a ticket's thread. Replies find their ticket through these Message-IDs
    (In-Reply-To / References), always inside the organization the recipient address chose."""

    ticket = models.ForeignKey(
        "desk.Ticket", on_delete=models.CASCADE, related_name="mail_messages", db_index=False
    )
    # The timeline entry a message became (or was sent for) points here (TimelineEntry.mail);
    # the opening message has none: it became the ticket's description.
    direction = models.CharField(max_length=3, choices=MailDirection.choices)
    message_id = models.CharField(max_length=255)
    sender = models.CharField(_("from"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    # Received: the text before quoted history and signature were trimmed off.
    original_text = models.TextField(_("original message"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail message")
        verbose_name_plural = _("e-mail messages")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "message_id"], name="desk_mail_message_id"
            )
        ]
        indexes = [models.Index(fields=["organization", "ticket", "id"], name="desk_mail_ticket")]

    def __str__(self) -> str:
        return self.message_id
