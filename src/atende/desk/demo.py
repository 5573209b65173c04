"""Demo tickets: areas with their people, a few hundred tickets across statuses and SLA states,
with timelines an agent would recognise (idempotent: runs again without duplicating)."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from atende.customers.models import Customer
from atende.desk.models import (
    CLOSED_STATUSES,
    Area,
    AreaResource,
    Channel,
    ItemKind,
    Priority,
    ServiceOrder,
    ServiceOrderStatus,
    Ticket,
    TicketStatus,
    TimeEntry,
    TimelineEntry,
)
from atende.desk.services.service_orders import ItemInput, service_order_create
from atende.desk.services.tickets import ticket_search_text
from atende.desk.sla import organization_today
from atende.tenancy.search import search_index_put
from atende.tenancy.sequences import next_number

AREAS = [
    ("Suporte", "suporte", "Suporte", True),
    ("Financeiro", "financeiro", "Financeiro", False),
    ("Comercial", "comercial", "Comercial", False),
]
SUBJECTS = {
    "Suporte": [
        ("Internet lenta à noite", "A conexão fica lenta depois das 19h, principalmente no Wi-Fi."),
        ("Sem sinal desde ontem", "O roteador está com a luz vermelha piscando."),
        ("Troca de senha do Wi-Fi", "Cliente pediu ajuda para trocar a senha da rede."),
        ("Queda constante da conexão", "Cai a cada 10 minutos; já reiniciou o equipamento."),
        ("Instalação de ponto extra", "Quer um ponto de rede no escritório dos fundos."),
        ("Telefone fixo mudo", "A linha não dá tom desde a chuva de domingo."),
    ],
    "Financeiro": [
        ("Boleto em dobro", "Recebeu dois boletos com o mesmo vencimento."),
        ("Segunda via do boleto", "Pede a segunda via do boleto de maio."),
        ("Pagamento não reconhecido", "Pagou na lotérica e ainda aparece em aberto."),
        ("Alterar data de vencimento", "Quer passar o vencimento para o dia 10."),
        ("Nota fiscal com CNPJ errado", "A nota saiu com o CNPJ da filial."),
    ],
    "Comercial": [
        ("Upgrade para 500 Mega", "Cliente quer saber o preço do plano de 500 Mega."),
        ("Proposta para a filial", "Empresa vai abrir filial e quer cotação."),
        ("Cancelamento do plano", "Vai mudar de cidade e pediu cancelamento."),
    ],
}
REPLIES = [
    "Olá! Já verificamos e o técnico passa amanhã entre 8h e 12h.",
    "Segue em anexo a segunda via. Qualquer dúvida, estamos à disposição.",
    "Fizemos um ajuste no equipamento remotamente. Pode testar, por favor?",
    "Recebemos o comprovante e a baixa será feita em até 2 dias úteis.",
]
NOTES = [
    "Cliente antigo, **prioridade** no atendimento.",
    "Verificado no sistema: sinal baixo na porta da OLT.",
    "Ligar depois das 14h, a pedido do cliente.",
    "Pagamento conferido no extrato do banco.",
]
STATUS_WEIGHTS = [
    (TicketStatus.PENDING, 14),
    (TicketStatus.ANALYSIS, 8),
    (TicketStatus.RESOLVING, 8),
    (TicketStatus.WAITING, 6),
    (TicketStatus.DONE, 50),
    (TicketStatus.UNSOLVED, 5),
    (TicketStatus.NO_CONTACT, 5),
    (TicketStatus.CANCELLED, 4),
]


def _areas(members) -> dict[str, Area]:
    areas = {}
    for name, mailbox, sector, is_default in AREAS:
        area, _ = Area.objects.get_or_create(
            name=name, defaults={"email": f"{mailbox}@demo.local", "is_default": is_default}
        )
        serving = [m for m in members if m.is_admin or (m.sector and m.sector.name == sector)]
        for member in serving:
            AreaResource.objects.get_or_create(area=area, member=member)
        areas[name] = area
    return areas


def load(*, organization, members, stdout, count: int | None = None) -> None:
    count = count if count is not None else (300 if organization.slug == "demo" else 60)
    existing = Ticket.objects.count()
    areas = _areas(members)
    if existing >= count:
        _service_orders(organization=organization, members=members, stdout=stdout)
        return
    rng = random.Random(f"atende-desk-{organization.slug}")  # noqa: S311  (demo data, seeded)
    customers = list(Customer.objects.filter(is_active=True).prefetch_related("contacts")[:400])
    resources = {
        name: [
            r.member for r in AreaResource.objects.filter(area=area).select_related("member__user")
        ]
        for name, area in areas.items()
    }
    today = organization_today(organization)
    now = timezone.now()
    statuses = [status for status, weight in STATUS_WEIGHTS for _ in range(weight)]
    for _index in range(existing, count):
        area_name = rng.choice(["Suporte"] * 5 + ["Financeiro"] * 3 + ["Comercial"] * 2)
        title, description = rng.choice(SUBJECTS[area_name])
        customer = rng.choice(customers) if customers and rng.random() < 0.9 else None
        contacts = list(customer.contacts.all()) if customer else []
        status = rng.choice(statuses)
        opened = now - timedelta(days=rng.randrange(0, 120), minutes=rng.randrange(0, 600))
        assignee = rng.choice(resources[area_name]) if resources[area_name] else None
        ticket = Ticket.objects.create(
            number=next_number("ticket"),
            title=title,
            description=description,
            customer=customer,
            contact=rng.choice(contacts) if contacts else None,
            area=areas[area_name],
            assignee=assignee if rng.random() < 0.8 else None,
            priority=rng.choice([Priority.HIGH, Priority.NORMAL, Priority.NORMAL, Priority.LOW]),
            due_on=today + timedelta(days=rng.randrange(-6, 10)) if rng.random() < 0.85 else None,
            status=status,
            channel=rng.choice(Channel.values),
            created_by=rng.choice(members),
            closed_at=now if status in CLOSED_STATUSES else None,
        )
        moment = opened
        steps = rng.randrange(1, 5)
        gap = (now - opened) / (steps + 2)  # the whole story fits between opening and now
        for _step in range(steps):
            moment += gap * rng.uniform(0.5, 1.0)
            author = assignee or rng.choice(members)
            kind = rng.choice(["reply", "note", "note"])
            TimelineEntry.objects.create(
                ticket=ticket,
                kind=kind,
                author=author,
                author_name=str(author),
                body=rng.choice(REPLIES if kind == "reply" else NOTES),
                is_public=kind == "reply",
                created_at=min(moment, now),
            )
        if status != TicketStatus.PENDING:
            TimelineEntry.objects.create(
                ticket=ticket,
                kind="change",
                author=assignee,
                author_name=str(assignee or "Sistema"),
                changes=[
                    {
                        "field": "status",
                        "label": "Situação",
                        "old": "Pendente",
                        "new": str(TicketStatus(status).label),
                    }
                ],
                created_at=min(moment + timedelta(hours=1), now),
            )
            if assignee:
                TimeEntry.objects.create(
                    ticket=ticket,
                    member=assignee,
                    minutes=rng.choice([15, 30, 45, 60, 90]),
                    note="Atendimento",
                    worked_on=min(moment, now).date(),
                )
        Ticket.objects.filter(pk=ticket.pk).update(created_at=opened, updated_at=min(moment, now))
        text = ticket_search_text(ticket)
        Ticket.objects.filter(pk=ticket.pk).update(search_text=text)
        search_index_put("ticket", ticket.pk, text)
    stdout.write(f"  {count - existing} atendimentos de demonstração em {organization.name}.")
    _service_orders(organization=organization, members=members, stdout=stdout)


ORDER_ITEMS = [
    ItemInput("Visita técnica", Decimal("1"), Decimal("80.00")),
    ItemInput("Conector RJ45", Decimal("4"), Decimal("2.50"), kind=ItemKind.PRODUCT),
    ItemInput("Cabo UTP Cat6 (m)", Decimal("15"), Decimal("3.20"), kind=ItemKind.PRODUCT),
    ItemInput("Roteador Wi-Fi 6", Decimal("1"), Decimal("389.90"), kind=ItemKind.PRODUCT),
    ItemInput("Configuração de rede", Decimal("1"), Decimal("120.00")),
    ItemInput("Troca de fonte da ONU", Decimal("1"), Decimal("65.00"), kind=ItemKind.PRODUCT),
]
ORDER_NOTES = [
    "Equipamento testado na presença do cliente.",
    "Cliente ausente na primeira visita; reagendado.",
    "",
]


def _service_orders(*, organization, members, stdout, count: int = 8) -> None:
    """A few service orders on support tickets of customers (once: skipped when any exists)."""
    if ServiceOrder.objects.exists():
        return
    actor = next((member for member in members if member.is_admin), None)
    tickets = list(
        Ticket.objects.filter(area__name="Suporte", customer__isnull=False)
        .select_related("customer")
        .order_by("number")[:count]
    )
    if actor is None or not tickets:
        return
    rng = random.Random(f"atende-os-{organization.slug}")  # noqa: S311  (demo data, seeded)
    statuses = list(ServiceOrderStatus.values)
    for index, ticket in enumerate(tickets):
        service_order_create(
            actor=actor,
            ticket=ticket,
            items=rng.sample(ORDER_ITEMS, rng.randrange(1, 4)),
            address=ticket.customer.address_line,
            labour_hours=Decimal(rng.choice(["0.5", "1", "1.5", "2"])),
            hourly_rate=Decimal("90.00"),
            discount=Decimal("10.00") if index % 3 == 0 else Decimal("0"),
            observations=rng.choice(ORDER_NOTES),
            status=statuses[index % len(statuses)],
        )
    stdout.write(f"  {len(tickets)} ordens de serviço de demonstração em {organization.name}.")
