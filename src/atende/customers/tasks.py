"""Deliver customer e-mails and SMS from a worker (ids only; safe to run twice)."""

from django.core.mail import BadHeaderError, EmailMessage, make_msgid
from django.db import transaction
from django.utils import timezone

from atende.customers.models import BulkMessage, CustomerEmail, CustomerSms, MessageStatus
from atende.customers.sms import SmsError, e164, sms_gateway
from atende.tenancy.tasks import organization_task


@organization_task
def customer_email_deliver_task(organization_id: int, email_id: int) -> str:
    """Send one logged e-mail and record the outcome."""
    with transaction.atomic():
        email = CustomerEmail.objects.select_for_update().get(pk=email_id)
        if email.status == MessageStatus.SENT:
            return email.status  # redelivered task: already done
        email.attempts += 1
        email.save(update_fields=["attempts"])
    message = EmailMessage(subject=email.subject, body=email.body, to=email.to, cc=email.cc)
    message.extra_headers["Message-ID"] = email.message_id or make_msgid(domain="atende")
    for stored in email.attachments.all():
        with stored.file.open("rb") as handle:
            message.attach(stored.original_name, handle.read(), stored.content_type)
    try:
        message.send()
    except (OSError, BadHeaderError) as exc:
        # BadHeaderError: a line break in a header (a row logged before the service refused
        # them); it fails the same way every time, so it is marked failed, not left queued.
        email.status, email.error = MessageStatus.FAILED, str(exc)[:1000]
    else:
        email.status, email.error, email.sent_at = MessageStatus.SENT, "", timezone.now()
        email.message_id = message.extra_headers["Message-ID"]
    email.save(update_fields=["status", "error", "sent_at", "message_id"])
    return email.status


@organization_task
def customer_sms_deliver_task(organization_id: int, sms_id: int) -> str:
    sms = CustomerSms.objects.get(pk=sms_id)
    if sms.status == MessageStatus.SENT:
        return sms.status
    try:
        sms.provider_id = sms_gateway().send(to=e164(sms.phone), text=sms.text)
    except SmsError as exc:
        sms.status, sms.error = MessageStatus.FAILED, str(exc)[:1000]
    else:
        sms.status, sms.error = MessageStatus.SENT, ""
    sms.save(update_fields=["status", "error", "provider_id"])
    return sms.status


@organization_task
def bulk_message_send_task(organization_id: int, bulk_id: int) -> str:
    """Send a bulk SMS or e-mail to its pending recipients (redelivery sends no one twice)."""
    from atende.customers.services.bulk import bulk_message_run

    return bulk_message_run(bulk=BulkMessage.objects.get(pk=bulk_id)).status
