"""The portal's routes for the walkers: every request a factory makes belongs to a portal
account created with it (its e-mail travels in `_owner`, which is not a URL kwarg)."""

from itertools import count

from atende.accounts.models import PortalAccount
from atende.accounts.tests.factories import TEST_PASSWORD
from atende.customers.permissions import CustomerPerm
from atende.customers.tests.factories import ContactFactory
from atende.tenancy.testing import (
    PORTAL_PUBLIC,
    PORTAL_SIGNED_IN,
    isolation_factory,
    route_access,
)

_serial = count(1)


def portal_account_for(organization, *, email: str | None = None) -> PortalAccount:
    """An active account with TEST_PASSWORD for a new customer's contact."""
    from django.contrib.auth.hashers import make_password

    number = next(_serial)
    email = email or f"cliente{number}@portal.example"
    contact = ContactFactory(organization=organization, email=email, name=f"Cliente {number}")
    return PortalAccount.objects.create(
        contact=contact, email=email, password=make_password(TEST_PASSWORD)
    )


def _request(organization, *, understanding: bool = False) -> dict:
    from atende.accounts.tests.factories import MemberFactory
    from atende.desk.models import AreaResource
    from atende.desk.services.requests import request_move, request_open, understanding_write
    from atende.desk.tests.factories import AreaFactory
    from atende.workflow.models import RequestType
    from atende.workflow.tests.factories import service_request_type

    owner = portal_account_for(organization)
    area = AreaFactory(organization=organization)
    request_type = RequestType.objects.filter(name="Solicitação de serviço").first()
    request_type = request_type or service_request_type(organization, area=area)
    ticket = request_open(
        actor=owner,
        request_type=request_type,
        title="Trocar roteador",
        values={"endereco": "Rua A"},
    )
    if understanding:
        staff = MemberFactory(organization=organization, is_admin=True)
        AreaResource.objects.get_or_create(area=area, member=staff)
        request_move(actor=owner, ticket=ticket, move="forward")
        understanding_write(actor=staff, ticket=ticket, text="Trocar o roteador.")
    return {"number": ticket.number, "_owner": owner.email}


@isolation_factory(
    "portal:request",
    "portal:request_message",
    "portal:request_fields",
    "portal:request_move",
    "api:portal_get_request",
    "api:portal_write_message",
    "api:portal_update_fields",
    "api:portal_move_request",
)
def portal_request(organization):
    return _request(organization)


@isolation_factory("portal:request_file")
def portal_request_file(organization):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from atende.desk.models import Ticket
    from atende.desk.services.requests import customer_message

    kwargs = _request(organization)
    account = PortalAccount.objects.get(email=kwargs["_owner"])
    ticket = Ticket.objects.get(number=kwargs["number"])
    upload = SimpleUploadedFile("foto.pdf", b"%PDF-1.4 foto", content_type="application/pdf")
    entry = customer_message(actor=account, ticket=ticket, body="Foto", attachments=[upload])
    return {**kwargs, "key": entry.attachments.get().stored_file.key}


@isolation_factory("portal:request_understanding", "api:portal_decide_understanding")
def portal_request_awaiting_approval(organization):
    return _request(organization, understanding=True)


@isolation_factory("portal:password_set")
def portal_link(organization):
    from atende.portal.services import portal_link

    account = portal_account_for(organization)
    account.link_count = 1
    account.save(update_fields=["link_count"])
    return {"token": portal_link(account).rstrip("/").rsplit("/", 1)[1], "_owner": account.email}


route_access("portal:login", needs=PORTAL_PUBLIC)
route_access(
    "portal:password_set",
    needs=PORTAL_PUBLIC,
    body={"password": "Roteador-Novo-2031", "repeated": "Roteador-Novo-2031"},
)
# Sign-out and the portal's front door only redirect.
route_access("portal:logout", "portal:home", needs=PORTAL_PUBLIC)
route_access("portal:requests", "portal:request", "portal:request_file", needs=PORTAL_SIGNED_IN)
route_access("portal:request_new", needs=PORTAL_SIGNED_IN)
route_access("portal:request_message", needs=PORTAL_SIGNED_IN, body={"body": "Posso mandar fotos?"})
route_access(
    "portal:request_fields",
    needs=PORTAL_SIGNED_IN,
    body={"campo_horario": "Tarde", "campo_endereco": "Rua A"},
)
route_access("portal:request_move", needs=PORTAL_SIGNED_IN, body={"move": "forward"})
route_access("portal:request_understanding", needs=PORTAL_SIGNED_IN, body={"approve": "1"})


@isolation_factory("portal_admin:grant")
def contact_with_email(organization):
    contact = ContactFactory(organization=organization, email=f"novo{next(_serial)}@portal.example")
    return {"number": contact.customer.number, "pk": contact.pk}


@isolation_factory("portal_admin:revoke")
def contact_with_portal_access(organization):
    contact = portal_account_for(organization).contact
    return {"number": contact.customer.number, "pk": contact.pk}


route_access("portal_admin:grant", "portal_admin:revoke", needs=CustomerPerm.CHANGE, body={})


@isolation_factory("portal:token_revoke")
def portal_token(organization):
    from atende.portal.tokens import portal_token_create

    account = portal_account_for(organization)
    token, _ = portal_token_create(account=account, name="ERP da loja")
    return {"pk": token.pk, "_owner": account.email}


def _portal_request_type(organization, kwargs) -> dict:
    from atende.desk.tests.factories import AreaFactory
    from atende.workflow.models import RequestType
    from atende.workflow.tests.factories import service_request_type

    request_type = RequestType.objects.filter(name="Solicitação de serviço").first()
    request_type = request_type or service_request_type(
        organization, area=AreaFactory(organization=organization)
    )
    return {"request_type_id": request_type.pk, "title": "Trocar roteador",
            "values": {"endereco": "Rua A"}}  # fmt: skip


route_access("portal:tokens", needs=PORTAL_SIGNED_IN, body={"name": "ERP da loja"})
route_access("portal:token_revoke", needs=PORTAL_SIGNED_IN, body={})
route_access("api:portal_list_request_types", "api:portal_list_requests", "api:portal_get_request",
             needs=PORTAL_SIGNED_IN)  # fmt: skip
route_access("api:portal_open_request", needs=PORTAL_SIGNED_IN, body=_portal_request_type)
route_access("api:portal_write_message", needs=PORTAL_SIGNED_IN, body={"body": "Mais fotos."})
route_access(
    "api:portal_update_fields", needs=PORTAL_SIGNED_IN, body={"values": {"horario": "Tarde"}}
)
route_access("api:portal_move_request", needs=PORTAL_SIGNED_IN, body={"move": "forward"})
route_access("api:portal_decide_understanding", needs=PORTAL_SIGNED_IN, body={"approve": True})


@isolation_factory("portal:boleto_pdf")
def boleto_of_the_accounts_customer(organization):
    """A boleto of the customer of a portal account that sees the customer's finances."""
    from atende.accounts.tests.factories import MemberFactory
    from atende.billing.tests.factories import issued_boleto

    owner = portal_account_for(organization)
    owner.sees_all_customer_requests = True
    owner.save(update_fields=["sees_all_customer_requests"])
    admin = MemberFactory(organization=organization, is_admin=True)
    boleto = issued_boleto(organization, actor=admin, customer=owner.contact.customer)
    return {"number": boleto.number, "_owner": owner.email}


route_access("portal:invoices", "portal:boleto_pdf", needs=PORTAL_SIGNED_IN)
