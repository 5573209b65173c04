"""The Webdesk's demo: the two request types, two portal logins of one customer (one sees only
their own requests, the other every request of the customer) and requests at different stages
(idempotent: runs again without duplicating)."""

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from atende.accounts.management.commands.demo_load import DEMO_PASSWORD
from atende.accounts.models import PortalAccount
from atende.customers.models import Contact, Customer
from atende.customers.services.contacts import contact_save
from atende.desk.models import AreaResource, Ticket
from atende.desk.services.requests import request_move, request_open, understanding_write
from atende.workflow.definitions import (
    CHANGE_OF_DETAILS,
    SERVICE_REQUEST,
    request_type_from_definition,
)
from atende.workflow.models import RequestSettings, RequestType

LOGINS = [
    # (e-mail local part, sees every request of the customer)
    ("cliente", False),
    ("gerente", True),
]


def _types(members) -> tuple[RequestType, RequestType]:
    support = AreaResource.objects.filter(area__name="Suporte").select_related("area").first()
    area = support.area if support else None
    attendant = support.member if support else None
    built = []
    for definition in (SERVICE_REQUEST, CHANGE_OF_DETAILS):
        found = RequestType.objects.filter(name=definition["name"]).first()
        built.append(
            found or request_type_from_definition(definition, area=area, attendant=attendant)
        )
    admin = next((member for member in members if member.is_admin), None)
    RequestSettings.objects.get_or_create(defaults={"default_attendant": admin})
    return built[0], built[1]


def _accounts(organization, customer: Customer, admin) -> list[PortalAccount]:
    accounts = []
    for index, (local, sees_all) in enumerate(LOGINS):
        email = f"{local}@{organization.slug}-cliente.local"
        contact = Contact.objects.filter(customer=customer, email=email).first()
        if contact is None:
            contact = contact_save(
                actor=admin,
                customer=customer,
                name=["Rita Souza", "Marcos Lima"][index],
                email=email,
                role=["Compras", "Gerente"][index],
            )
        account = PortalAccount.objects.filter(contact=contact).first()
        if account is None:
            account = PortalAccount.objects.create(
                contact=contact,
                email=email,
                password=make_password(DEMO_PASSWORD),
                sees_all_customer_requests=sees_all,
                invited_at=timezone.now(),
                password_set_at=timezone.now(),
            )
        accounts.append(account)
    return accounts


def _requests(accounts, service: RequestType, change: RequestType, members) -> None:
    """A few requests in flight: one at the customer's stage, one waiting for the customer to
    approve an understanding, one being executed, one concluded."""
    if Ticket.objects.filter(request_type__in=[service, change]).exists():
        return
    rita, marcos = accounts
    staff = next(member for member in members if member.is_admin)
    at_start = request_open(
        actor=rita,
        request_type=change,
        title="Mudança de endereço da loja",
        description="Vamos mudar para a Rua das Flores, 200, no fim do mês.",
        values={"alteracao": "Endereço", "detalhes": "Rua das Flores, 200 — Centro"},
    )
    request_move(actor=staff, ticket=at_start, move="forward")  # conferência
    request_move(actor=staff, ticket=at_start, move="forward")  # the customer sends documents
    waiting = request_open(
        actor=rita,
        request_type=service,
        title="Roteador reiniciando sozinho",
        description="Desde segunda o roteador reinicia várias vezes por dia.",
        values={"endereco": "Rua A, 10 — Loja 2", "horario": "Manhã"},
    )
    request_move(actor=rita, ticket=waiting, move="forward")
    understanding_write(
        actor=staff,
        ticket=waiting,
        text="Trocar o roteador por um modelo novo, com visita técnica pela manhã.",
    )
    executing = request_open(
        actor=marcos,
        request_type=service,
        title="Ponto de rede no estoque",
        description="Precisamos de um ponto de rede no estoque dos fundos.",
        values={"endereco": "Rua A, 10 — Estoque", "horario": "Tarde"},
    )
    request_move(actor=marcos, ticket=executing, move="forward")
    request_move(actor=staff, ticket=executing, move="forward")
    done = request_open(
        actor=marcos,
        request_type=service,
        title="Instalação de câmera",
        values={"endereco": "Rua A, 10", "horario": "Manhã"},
    )
    request_move(actor=marcos, ticket=done, move="forward")
    request_move(actor=staff, ticket=done, move="forward")
    request_move(
        actor=staff,
        ticket=done,
        move="conclude",
        values={"data": timezone.localdate().isoformat()},
    )


def load(*, organization, members, stdout) -> list[str]:
    customer = Customer.objects.filter(is_active=True).order_by("number").first()
    admin = next((member for member in members if member.is_admin), None)
    if customer is None or admin is None:
        return []
    service, change = _types(members)
    accounts = _accounts(organization, customer, admin)
    _requests(accounts, service, change, members)
    lines = [f"Portal do cliente {organization.name}: /{organization.slug}/webdesk/ "
             f"(cliente {customer.name}; mesma senha)"]  # fmt: skip
    for account, (_local, sees_all) in zip(accounts, LOGINS, strict=True):
        scope = "todas as solicitações do cliente" if sees_all else "só as próprias solicitações"
        lines.append(f"  {account.email:<34} {scope}")
    return lines
