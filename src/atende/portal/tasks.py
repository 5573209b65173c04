"""The e-mail with the portal link (ids only; after the transaction commits)."""

from django.core.mail import send_mail
from django.template.loader import render_to_string

from atende.accounts.models import PortalAccount
from atende.tenancy.tasks import organization_task


@organization_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def portal_link_email_task(organization_id: int, account_id: int) -> str:
    from atende.portal.services import portal_link

    account = PortalAccount.objects.select_related("organization", "contact").get(pk=account_id)
    context = {"account": account, "link": portal_link(account)}
    send_mail(
        subject=f"Seu acesso ao portal da {account.organization.name}",
        message=render_to_string("portal/email/link.txt", context),
        from_email=None,
        recipient_list=[account.email],
    )
    return account.email
