"""E-mail and SMS to a customer's contacts (C11): logged, sent after commit, re-sendable."""

import unicodedata
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode
from atende.customers.errors import CustomerError
from atende.customers.models import Contact, Customer, CustomerEmail, CustomerSms, MessageStatus
from atende.customers.permissions import CustomerPerm
from atende.customers.sms_text import (
    SMS_MAX_LENGTH,
    sms_placeholders_check,
    sms_text_render,
)
from atende.files.policies import DOCUMENTS, MB, UploadPolicy, register_upload_policy
from atende.files.services import stored_file_create
from atende.files.validation import UploadedFileLike
from atende.tenancy.models import Member

EMAIL_ATTACHMENT = "customer_email_attachment"
register_upload_policy(UploadPolicy(EMAIL_ATTACHMENT, DOCUMENTS, max_bytes=10 * MB))


def _has_line_break_or_control(text: str) -> bool:
    # CR/LF would start a new mail header (header injection; Django refuses to send it, which
    # left the message queued); NUL cannot be stored on PostgreSQL. Other control characters and
    # the Unicode line separators are refused with them: no address or subject needs one.
    return any(unicodedata.category(char) in {"Cc", "Zl", "Zp"} for char in text)


def _addresses(values: list[str], field: str) -> list[str]:
    cleaned = []
    for value in values:
        if _has_line_break_or_control(value):
            raise DomainError(
                "Endereço de e-mail com quebra de linha ou caractere de controle.",
                code=CustomerError.INVALID_EMAIL,
                field=field,
            )
        value = value.strip()
        if not value:
            continue
        try:
            validate_email(value)
        except ValidationError:
            raise DomainError(
                f"E-mail inválido: {value}", code=CustomerError.INVALID_EMAIL, field=field
            ) from None
        cleaned.append(value.lower())
    return list(dict.fromkeys(cleaned))


def email_subject_check(subject: str) -> str:
    """One line, not empty."""
    if not subject.strip():
        raise DomainError("Informe o assunto.", code=ErrorCode.REQUIRED, field="subject")
    if _has_line_break_or_control(subject):
        raise DomainError(
            "O assunto deve ter uma linha só, sem quebras de linha nem caracteres de controle.",
            code=CustomerError.INVALID_SUBJECT,
            field="subject",
        )
    return subject.strip()


@transaction.atomic
def customer_email_send(
    *,
    actor: Member,
    customer: Customer,
    to: list[str],
    cc: list[str],
    subject: str,
    body: str,
    attachments: Sequence[UploadedFileLike] = (),
) -> CustomerEmail:
    """Log the e-mail on the customer and send it from a worker once this commits."""
    from atende.customers.tasks import customer_email_deliver_task

    require(actor, CustomerPerm.SEND_EMAIL, customer)
    recipients = _addresses(to, "to")
    if not recipients:
        raise DomainError("Escolha ao menos um destinatário.", code=ErrorCode.REQUIRED, field="to")
    subject = email_subject_check(subject)
    if "\x00" in body:
        raise DomainError(
            "A mensagem tem um caractere nulo; apague-o e envie de novo.",
            code=CustomerError.INVALID_BODY,
            field="body",
        )
    email = CustomerEmail.objects.create(
        customer=customer,
        to=recipients,
        cc=_addresses(cc, "cc"),
        subject=subject,
        body=body,
        sent_by=actor,
    )
    for uploaded in attachments:
        stored = stored_file_create(actor=actor, uploaded_file=uploaded, use=EMAIL_ATTACHMENT)
        email.attachments.add(stored)
    customer_email_deliver_task.delay_on_commit(email.organization_id, email.pk)
    return email


@transaction.atomic
def customer_email_resend(*, actor: Member, email: CustomerEmail) -> CustomerEmail:
    """Queue the same message again (after a failure, or because the customer asked)."""
    from atende.customers.tasks import customer_email_deliver_task

    require(actor, CustomerPerm.SEND_EMAIL, email.customer)
    email.status, email.error = MessageStatus.QUEUED, ""
    email.save(update_fields=["status", "error"])
    customer_email_deliver_task.delay_on_commit(email.organization_id, email.pk)
    return email


def sms_text_check(text: str) -> str:
    """The message as typed, refused when empty, too long or with an unknown placeholder."""
    text = text.strip()
    if not text:
        raise DomainError("Escreva a mensagem.", code=ErrorCode.REQUIRED, field="text")
    if len(text) > SMS_MAX_LENGTH:
        raise DomainError(
            f"Mensagem longa demais (máximo {SMS_MAX_LENGTH} caracteres).", field="text"
        )
    sms_placeholders_check(text)
    return text


def sms_text_for(*, actor: Member, text: str, customer: Customer, contact: Contact | None) -> str:
    """The text one recipient receives, placeholders filled in."""
    return sms_text_render(
        text,
        contact_name=contact.name if contact else customer.display_name,
        customer_name=customer.display_name,
        customer_number=customer.number,
        company=actor.organization.name,
    )


@transaction.atomic
def customer_sms_send(
    *, actor: Member, customer: Customer, contacts: list[Contact], text: str
) -> list[CustomerSms]:
    """Send one SMS per chosen contact; only mobiles whose owner agreed to receive SMS."""
    from atende.customers.tasks import customer_sms_deliver_task

    require(actor, CustomerPerm.SEND_SMS, customer)
    text = sms_text_check(text)
    allowed = [c for c in contacts if c.customer_id == customer.pk and c.mobile and c.sms_consent]
    if not allowed:
        raise DomainError(
            "Nenhum dos contatos escolhidos autorizou SMS no celular.", field="contacts"
        )
    messages = []
    for contact in allowed:
        rendered = sms_text_for(actor=actor, text=text, customer=customer, contact=contact)
        if len(rendered) > SMS_MAX_LENGTH:
            raise DomainError(
                f"Com os dados de {contact.name} a mensagem passa de {SMS_MAX_LENGTH} caracteres.",
                field="text",
            )
        messages.append(
            CustomerSms.objects.create(
                customer=customer,
                contact=contact,
                phone=contact.mobile,
                text=rendered,
                sent_by=actor,
            )
        )
    for message in messages:
        customer_sms_deliver_task.delay_on_commit(message.organization_id, message.pk)
    return messages
