"""SMS or e-mail to the customers of a filtered list (C11): the recipients are fixed when the
send is created (skipped ones with the reason), then a Celery job sends one by one through the
same logged, re-sendable path as a single message, recording progress per recipient."""

import dataclasses
from typing import cast

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode
from atende.customers.models import (
    BulkChannel,
    BulkMessage,
    BulkRecipient,
    BulkStatus,
    Contact,
    Customer,
    CustomerEmail,
    CustomerSms,
    MessageStatus,
    RecipientStatus,
)
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import CustomerFilters, bulk_audience
from atende.customers.services.messages import email_subject_check, sms_text_check, sms_text_for
from atende.customers.sms_text import SMS_MAX_LENGTH
from atende.tenancy.models import Member

NO_SMS = "Nenhum contato autorizou SMS no celular."
NO_EMAIL = "Sem e-mail no cadastro nem nos contatos."
BATCH = 1000


def _permission(channel: str) -> CustomerPerm:
    if channel == BulkChannel.SMS:
        return CustomerPerm.SEND_SMS
    if channel == BulkChannel.EMAIL:
        return CustomerPerm.SEND_EMAIL
    raise DomainError("Escolha SMS ou e-mail.", code=ErrorCode.INVALID, field="channel")


def _recipients(
    actor: Member, bulk: BulkMessage, customer: Customer, contacts: list[Contact]
) -> list[BulkRecipient]:
    def row(**fields: object) -> BulkRecipient:
        return BulkRecipient(bulk=bulk, customer=customer, **fields)

    if bulk.channel == BulkChannel.SMS:
        if not contacts:
            return [row(status=RecipientStatus.SKIPPED, reason=NO_SMS)]
        rows = []
        for contact in contacts:
            text = sms_text_for(actor=actor, text=bulk.text, customer=customer, contact=contact)
            too_long = len(text) > SMS_MAX_LENGTH
            rows.append(
                row(
                    contact=contact,
                    address=contact.mobile,
                    status=RecipientStatus.SKIPPED if too_long else RecipientStatus.PENDING,
                    reason=f"Passa de {SMS_MAX_LENGTH} caracteres com os dados."
                    if too_long
                    else "",
                )
            )
        return rows
    if customer.email:
        return [row(address=customer.email)]
    if contacts:
        return [row(contact=contacts[0], address=contacts[0].email)]
    return [row(status=RecipientStatus.SKIPPED, reason=NO_EMAIL)]


@transaction.atomic
def bulk_message_create(
    *, actor: Member, filters: CustomerFilters, channel: str, text: str, subject: str = ""
) -> BulkMessage:
    """Fix the recipients of the filter (skipped ones with their reason) and queue the job."""
    from atende.customers.tasks import bulk_message_send_task

    require(actor, _permission(channel))
    if channel == BulkChannel.SMS:
        text, subject = sms_text_check(text), ""
    else:
        subject = email_subject_check(subject)
        if not text.strip() or "\x00" in text:
            raise DomainError("Escreva a mensagem.", code=ErrorCode.REQUIRED, field="text")
    bulk = BulkMessage.objects.create(
        channel=channel,
        subject=subject,
        text=text,
        filters=dataclasses.asdict(filters),
        created_by=actor,
    )
    rows: list[BulkRecipient] = []
    total = skipped = 0
    for customer, contacts in bulk_audience(actor=actor, filters=filters, channel=channel):
        for recipient in _recipients(actor, bulk, customer, contacts):
            rows.append(recipient)
            total += 1
            skipped += recipient.status == RecipientStatus.SKIPPED
        if len(rows) >= BATCH:
            BulkRecipient.objects.bulk_create(rows)
            rows = []
    BulkRecipient.objects.bulk_create(rows)
    if total == skipped:
        raise DomainError(
            "Ninguém desta lista pode receber a mensagem.", code=ErrorCode.INVALID, field=None
        )
    bulk.total, bulk.skipped = total, skipped
    bulk.save(update_fields=["total", "skipped"])
    bulk_message_send_task.delay_on_commit(bulk.organization_id, bulk.pk)
    return bulk


def bulk_recipient_send(*, bulk: BulkMessage, recipient: BulkRecipient) -> str:
    """Send to one recipient through the single-message path and count the outcome; safe to
    repeat (a recipient already counted is left alone)."""
    from atende.customers.tasks import customer_email_deliver_task, customer_sms_deliver_task

    if recipient.status != RecipientStatus.PENDING:
        return recipient.status
    sender = bulk.created_by
    with transaction.atomic():  # the logged message and the link to it, or neither
        if bulk.channel == BulkChannel.SMS and recipient.sms_id is None:
            text = bulk.text
            if sender is not None:
                text = sms_text_for(
                    actor=sender, text=text, customer=recipient.customer, contact=recipient.contact
                )
            recipient.sms = CustomerSms.objects.create(
                customer=recipient.customer,
                contact=recipient.contact,
                phone=recipient.address,
                text=text,
                sent_by=sender,
            )
        elif bulk.channel == BulkChannel.EMAIL and recipient.email_id is None:
            recipient.email = CustomerEmail.objects.create(
                customer=recipient.customer,
                to=[recipient.address],
                subject=bulk.subject,
                body=bulk.text,
                sent_by=sender,
            )
        recipient.save(update_fields=["sms", "email"])
    if recipient.sms_id is not None:
        outcome = customer_sms_deliver_task(bulk.organization_id, recipient.sms_id)
        error = CustomerSms.objects.values_list("error", flat=True).get(pk=recipient.sms_id)
    else:
        email_id = cast("int", recipient.email_id)  # one of the two was created above
        outcome = customer_email_deliver_task(bulk.organization_id, email_id)
        error = CustomerEmail.objects.values_list("error", flat=True).get(pk=email_id)
    sent = outcome == MessageStatus.SENT
    recipient.status = RecipientStatus.SENT if sent else RecipientStatus.FAILED
    recipient.reason = "" if sent else error[:300]
    with transaction.atomic():
        recipient.save(update_fields=["status", "reason"])
        counter = "sent" if sent else "failed"
        BulkMessage.objects.filter(pk=bulk.pk).update(**{counter: F(counter) + 1})
    return recipient.status


def bulk_message_run(*, bulk: BulkMessage) -> BulkMessage:
    """Send to every pending recipient, then mark the send finished."""
    BulkMessage.objects.filter(pk=bulk.pk, status=BulkStatus.QUEUED).update(
        status=BulkStatus.RUNNING
    )
    pending = bulk.recipients.filter(status=RecipientStatus.PENDING).select_related(
        "customer", "contact"
    )
    for recipient in pending.iterator(chunk_size=200):
        bulk_recipient_send(bulk=bulk, recipient=recipient)
    BulkMessage.objects.filter(pk=bulk.pk).update(
        status=BulkStatus.DONE, finished_at=timezone.now()
    )
    bulk.refresh_from_db()
    return bulk
