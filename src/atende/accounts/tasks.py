"""Background work of the accounts app: invitation e-mails."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

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
