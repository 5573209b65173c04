"""The signed link in an invitation e-mail: it names the organization, the invitation and which
sending it belongs to, so a re-sent invitation's older links stop working."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from atende.accounts.models import INVITATION_VALID_FOR, Invitation

SALT = "atende.accounts.invitation"


def invitation_link(invitation: Invitation) -> str:
    """Absolute URL of the accept page for the invitation's latest sending."""
    token = signing.dumps(
        [invitation.organization_id, invitation.pk, invitation.send_count], salt=SALT
    )
    return settings.SITE_URL + reverse("auth:invitation_accept", kwargs={"token": token})


def invitation_link_read(token: str) -> tuple[int, int, int] | None:
    """(organization id, invitation id, send count) from a genuine, unexpired link; else None.

    The signature is the only thing that makes the organization id trustworthy here, as a
    task's `organization_id` argument is trusted because only our code enqueues it.
    """
    try:
        payload = signing.loads(token, salt=SALT, max_age=INVITATION_VALID_FOR)
    except signing.BadSignature:
        return None
    if (
        not isinstance(payload, list)
        or len(payload) != 3
        or not all(isinstance(value, int) and not isinstance(value, bool) for value in payload)
    ):
        return None
    organization_id, invitation_id, send_count = payload
    return organization_id, invitation_id, send_count
