"""Background work of the accounts app: invitation and password-reset e-mails."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from atende.accounts.models import User
from atende.tenancy.models import Member
from atende.tenancy.tasks import organization_task


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def member_invite_email_task(organization_id: int, member_id: int, inviter_id: int) -> str:
    """E-mail the invited person a link to choose a password and sign in."""
    member = Member.objects.select_related("user", "organization").get(pk=member_id)
    inviter = Member.objects.select_related("user").filter(pk=inviter_id).first()
    user = member.user
    link = settings.SITE_URL + reverse(
        "auth:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"member": member, "inviter": inviter, "link": link, "user": user}
    send_mail(
        subject=f"Convite para a {member.organization.name} no Atende",
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    return user.email


def password_reset_link(user: User) -> str:
    """An absolute link that sets a new password: valid PASSWORD_RESET_TIMEOUT seconds, and only
    until the password changes (Django's token is keyed on the password hash and last sign-in)."""
    return settings.SITE_URL + reverse(
        "auth:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def password_reset_email_task(user_id: int | None) -> str | None:
    """E-mail a password-reset link. Global (a user belongs to no one organization), so a plain
    task; None means an unknown address was typed, and nothing is sent."""
    if user_id is None:
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return None
    context = {"user": user, "link": password_reset_link(user)}
    subject = render_to_string("accounts/email/password_reset_subject.txt", context)
    send_mail(
        subject="".join(subject.splitlines()),
        message=render_to_string("accounts/email/password_reset.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    return user.email
