"""Background work of the accounts app: invitation and password-reset e-mails."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from atende.accounts.invitation_links import invitation_link
from atende.accounts.models import Invitation, User
from atende.core.tasks import django_task
from atende.tenancy.tasks import organization_task


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def member_invite_email_task(organization_id: int, invitation_id: int) -> str | None:
    """E-mail the invitation's link: to accept (an existing account) or to choose a password and
    accept (a new one). Nothing when it was accepted or cancelled in the meantime."""
    invitation = (
        Invitation.objects.select_related("organization", "invited_by__user")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return None
    account = User.objects.filter(email__iexact=invitation.email, is_active=True).first()
    context = {
        "invitation": invitation,
        "organization": invitation.organization,
        "inviter": invitation.invited_by.user if invitation.invited_by else None,
        "link": invitation_link(invitation),
        "has_account": account is not None and account.has_usable_password(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Invitation to %(organization)s on Atende") % {
            "organization": invitation.organization.name
        }
        body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[invitation.email])
    return invitation.email


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


@django_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def password_reset_email_task(user_id: int | None) -> str | None:
    """E-mail a password-reset link. Global (a user belongs to no one organization), so a plain
    task; None means an unknown address was typed, and nothing is sent."""
    if user_id is None:
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return None
    context = {"user": user, "link": password_reset_link(user)}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/password_reset_subject.txt", context)
        body = render_to_string("accounts/email/password_reset.txt", context)
    send_mail(
        subject="".join(subject.splitlines()),
        message=body,
        from_email=None,
        recipient_list=[user.email],
    )
    return user.email
