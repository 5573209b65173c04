"""The customer page's "Portal" tab: which contacts may sign in to the Webdesk, and the staff's
actions (give access / send a new link, take it away)."""

from atende.customers.permissions import CustomerPerm
from atende.customers.tabs import CustomerTab, register_customer_tab


def _portal(request, customer) -> dict:
    from atende.accounts.models import PortalAccount

    accounts = {
        account.contact_id: account
        for account in PortalAccount.objects.filter(contact__customer=customer)
    }
    rows = [(contact, accounts.get(contact.pk)) for contact in customer.contacts.order_by("name")]
    return {"portal_rows": rows}


register_customer_tab(
    CustomerTab(
        "portal",
        "Portal",
        "portal/customer_tab.html",
        _portal,
        order=60,
        permission=CustomerPerm.VIEW,
    )  # fmt: skip
)
