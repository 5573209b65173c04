"""Scale data for the service desk: N tickets (default 1 000 000) in one organization, fast.

PostgreSQL only, run as the OWNER role (the one that runs migrations), by hand:

    DATABASE_URL=postgres://owner:pass@127.0.0.1:5432/atende_bench \
        .venv/bin/python bench/desk_scale.py --count 1000000

It reuses the organization `bench` of bench/customers_scale.py (and creates its customers first
when there are fewer than --customers), then adds areas with their agents, a member who signs in
(`bench@atende.local`, password from --password, administrator) and the tickets, written with
COPY rather than the ORM. The spread is a desk some years old: tickets over three years, numbers
in opening order, most of them closed (of the last 60 days about 45 % still open, of the older
ones 1.5 %), priorities 15/70/15 %, due dates one to ten days after opening (15 % without),
assignees of the ticket's area, customers skewed (a few have many tickets), and a short timeline
(a customer message and a reply) on the most recent --timeline tickets.

The searchable text is the same `ticket_search_text` builds (number, title, area, customer
name/document/number, description, timeline), and the search index is filled the way
`manage.py search_reindex` does; its GIN index is dropped for the load and built again after,
which is much faster than maintaining it row by row. Each phase is timed.
"""

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atende.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from atende.accounts.models import User  # noqa: E402
from atende.core.text import fold  # noqa: E402
from atende.customers.models import Customer  # noqa: E402
from atende.desk.demo import SUBJECTS  # noqa: E402
from atende.desk.models import Area, AreaResource, Ticket  # noqa: E402
from atende.tenancy.context import activate, dangerously_unscoped  # noqa: E402
from atende.tenancy.models import Counter, Member, Organization  # noqa: E402
from atende.tenancy.search import search_reindex  # noqa: E402

AREAS = {
    "Suporte": "Suporte",
    "Financeiro": "Financeiro",
    "Comercial": "Comercial",
    "Instalação": "Suporte",
    "Cobrança": "Financeiro",
    "Suporte N2": "Suporte",
    "Retenção": "Comercial",
    "Ouvidoria": "Comercial",
}
AREA_WEIGHTS = [40, 18, 8, 10, 8, 8, 5, 3]
EXTRA_SUBJECTS = {
    "Suporte": [
        ("Roteador reiniciando sozinho", "Reinicia várias vezes por dia, já trocou a tomada."),
        ("Impressora não conecta no Wi-Fi", "Depois da troca do roteador a impressora sumiu."),
        ("Lentidão em jogos online", "Ping alto à noite, principalmente no fim de semana."),
        ("Câmera de segurança offline", "As câmeras não aparecem no aplicativo desde ontem."),
    ],
    "Financeiro": [
        ("Cobrança de multa indevida", "Pagou em dia e veio multa no boleto seguinte."),
        ("Reembolso de pagamento duplicado", "Pagou duas vezes o mesmo boleto pelo PIX."),
        ("Débito automático não ativado", "Pediu débito em conta e o boleto continua chegando."),
    ],
    "Comercial": [
        ("Mudança de endereço", "Vai se mudar no fim do mês e quer levar o plano."),
        ("Plano empresarial com IP fixo", "Precisa de IP fixo para o servidor da loja."),
        ("Desconto para pagamento anual", "Pergunta se há desconto pagando o ano todo."),
    ],
}
REPLIES = [
    "Olá! Já verificamos e o técnico passa amanhã entre 8h e 12h.",
    "Segue a segunda via. Qualquer dúvida, estamos à disposição.",
    "Fizemos um ajuste no equipamento remotamente. Pode testar, por favor?",
    "Recebemos o comprovante e a baixa será feita em até 2 dias úteis.",
]
CUSTOMER_MESSAGES = [
    "Continua do mesmo jeito, podem verificar de novo?",
    "Obrigado pelo retorno, aguardo o técnico.",
    "Mandei o comprovante por e-mail agora há pouco.",
]
OPEN = [("pending", 14), ("analysis", 8), ("resolving", 8), ("waiting", 6)]
CLOSED = [("done", 50), ("unsolved", 5), ("no_contact", 5), ("cancelled", 4)]
CHANNELS = [("web", 40), ("email", 25), ("phone", 25), ("portal", 10)]
SEARCH_INDEX = "search_entry_body"
ANALYZED = (
    "accounts_user", "tenancy_member", "tenancy_counter", "customers_customer", "desk_area",
    "desk_arearesource", "desk_ticket", "desk_timelineentry",
)  # fmt: skip
PASSWORD = "bench-senha-longa-2026"  # noqa: S105  a throwaway member of a benchmark database


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([value for value, _ in pairs], [weight for _, weight in pairs])[0]


def _phase(label: str, started: float) -> float:
    now = time.perf_counter()
    print(f"  {label:<52} {now - started:8.1f} s", flush=True)
    return now


def _people(organization: Organization, password: str) -> tuple[Member, dict[str, list[int]]]:
    """The member who signs in, the areas and the agents of each (idempotent)."""
    user, _ = User.objects.get_or_create(
        email="bench@atende.local", defaults={"full_name": "Bench"}
    )
    user.set_password(password)
    user.save()
    member = Member.objects.get_or_create(user=user, defaults={"is_admin": True})[0]
    agents: dict[str, list[int]] = {}
    for index, name in enumerate(AREAS):
        area, _ = Area.objects.get_or_create(
            name=name, defaults={"email": f"area{index}@bench.local", "is_default": index == 0}
        )
        ids = []
        for slot in range(5):
            agent_user, _ = User.objects.get_or_create(
                email=f"agente{index}-{slot}@bench.local",
                defaults={"full_name": f"Agente {slot + 1} de {name}"},
            )
            agent = Member.objects.get_or_create(user=agent_user)[0]
            AreaResource.objects.get_or_create(area=area, member=agent)
            ids.append(agent.pk)
        if index < 2:  # the signed-in member serves the two busiest areas
            AreaResource.objects.get_or_create(area=area, member=member)
            ids.append(member.pk)
        agents[name] = ids
    return member, agents


def _ticket_rows(
    rng, organization, member, agents, area_ids, customers, first, count, now, timeline_from
):
    """COPY rows of desk_ticket for numbers first..count, and the timeline to add afterwards
    (no query in here: the connection is busy with the COPY)."""
    area_names = list(AREAS)
    subjects = {
        name: [
            (title, description, fold(title), fold(description))
            for title, description in SUBJECTS[sector] + EXTRA_SUBJECTS[sector]
        ]
        for name, sector in AREAS.items()
    }
    folded_area = {name: fold(name) for name in area_names}
    span = timedelta(days=3 * 365)
    start = now - span
    step = span / count
    timeline: dict[int, list[tuple[str, str, datetime, int | None]]] = {}
    for number in range(first, count + 1):
        created = start + step * number + timedelta(seconds=rng.randrange(0, 600))
        age_days = (now - created).days
        is_open = rng.random() < (0.45 if age_days <= 60 else 0.015)
        status = _weighted(rng, OPEN if is_open else CLOSED)
        updated = min(now, created + timedelta(minutes=rng.randrange(5, 60 * 24 * 10)))
        area_name = rng.choices(area_names, AREA_WEIGHTS)[0]
        title, description, title_f, description_f = rng.choice(subjects[area_name])
        has_assignee = rng.random() < (0.8 if is_open else 0.95)
        assignee = rng.choice(agents[area_name]) if has_assignee else None
        priority = rng.choices((1, 2, 3), (15, 70, 15))[0]
        due = created.date() + timedelta(days=rng.randrange(1, 11)) if rng.random() < 0.85 else None
        parts = [str(number), title_f, folded_area[area_name]]
        customer_id = None
        if rng.random() < 0.92:
            customer_id, customer_text = customers[int(len(customers) * rng.random() ** 2)]
            parts.append(customer_text)
        parts.append(description_f)
        if number >= timeline_from:
            message, reply = rng.choice(CUSTOMER_MESSAGES), rng.choice(REPLIES)
            timeline[number] = [
                ("customer", message, created + timedelta(minutes=30), None),
                ("reply", reply, created + timedelta(hours=2), assignee or member.pk),
            ]
            parts += [fold(reply), fold(message)]  # newest first, as ticket_search_text
        yield (
            organization.pk, number, title, description, priority, due, status,
            _weighted(rng, CHANNELS), created, updated, None if is_open else updated,
            " | ".join(parts), area_ids[area_name], assignee, customer_id, member.pk,
            "{}", "", "",
        ), timeline.pop(number, None)  # fmt: skip


TICKET_COLUMNS = (
    "organization_id, number, title, description, priority, due_on, status, channel, created_at, "
    "updated_at, closed_at, search_text, area_id, assignee_id, customer_id, created_by_id, "
    "field_values, understanding, understanding_state"
)
TIMELINE_COLUMNS = (
    "organization_id, ticket_id, kind, author_id, author_name, body, changes, is_public, created_at"
)


def _scratch(cursor, table: str, columns: str) -> None:
    cursor.execute(
        f"CREATE TEMP TABLE scratch_{table} ON COMMIT DROP AS "
        f"SELECT {columns} FROM {table} WITH NO DATA"
    )


def _insert_scratch(cursor, table: str, columns: str) -> None:
    cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM scratch_{table}")
    cursor.execute(f"TRUNCATE scratch_{table}")


def generate(organization, member, agents, count: int, timeline_count: int) -> None:
    rng = random.Random(10)
    existing = Ticket.objects.count()
    if existing >= count:
        print(f"{existing} tickets already there")
        return
    customers = [
        (pk, fold(" | ".join(part for part in (name, trade, document, str(number)) if part)))
        for pk, number, name, trade, document in Customer.objects.order_by("number").values_list(
            "pk", "number", "name", "trade_name", "document"
        )
    ]
    names = dict(Member.objects.values_list("pk", "user__full_name"))
    area_ids = dict(Area.objects.values_list("name", "pk"))
    now = datetime.now(UTC)
    timeline_from = count - timeline_count + 1
    started = time.perf_counter()
    print(f"generating tickets {existing + 1}..{count}", flush=True)
    pending_timeline: dict[int, list] = {}
    raw = connection.connection  # the driver's connection, inside this transaction
    with raw.cursor() as cursor:
        # COPY refuses tables under row-level security: into a scratch table, then one INSERT.
        _scratch(cursor, "desk_ticket", TICKET_COLUMNS)
        with cursor.copy(f"COPY scratch_desk_ticket ({TICKET_COLUMNS}) FROM STDIN") as copy:
            for row, entries in _ticket_rows(
                rng, organization, member, agents, area_ids, customers, existing + 1, count,
                now, timeline_from,
            ):  # fmt: skip
                copy.write_row(row)
                if entries:
                    pending_timeline[row[1]] = entries
        started = _phase(f"COPY {count - existing} tickets (rows built in Python)", started)
        _insert_scratch(cursor, "desk_ticket", TICKET_COLUMNS)
        started = _phase("INSERT … SELECT into desk_ticket (RLS checked)", started)
        ids = dict(Ticket.objects.filter(number__gte=timeline_from).values_list("number", "pk"))
        _scratch(cursor, "desk_timelineentry", TIMELINE_COLUMNS)
        with cursor.copy(
            f"COPY scratch_desk_timelineentry ({TIMELINE_COLUMNS}) FROM STDIN"
        ) as copy:
            for number, entries in pending_timeline.items():
                for kind, body, when, author in entries:
                    copy.write_row((
                        organization.pk, ids[number], kind, author,
                        names.get(author, "Cliente"), body, "[]", True, when,
                    ))  # fmt: skip
        _insert_scratch(cursor, "desk_timelineentry", TIMELINE_COLUMNS)
        started = _phase(f"COPY + INSERT {2 * len(pending_timeline)} timeline entries", started)
        Counter.objects.update_or_create(name="ticket", defaults={"value": count})
        # Every table the pages read, the small ones too: a table of eight areas never reaches
        # autovacuum's threshold, and without statistics the planner guesses its size.
        cursor.execute(f"ANALYZE {', '.join(ANALYZED)}")
        started = _phase("ANALYZE", started)


def fill_search_index() -> None:
    """As `manage.py search_reindex` (every kind), then the GIN index built once."""
    started = time.perf_counter()
    raw = connection.connection
    with raw.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS atende_private.{SEARCH_INDEX}")
    with dangerously_unscoped():
        for kind, table in (("customer", "customers_customer"), ("ticket", "desk_ticket")):
            written = search_reindex(kind, table)
            started = _phase(f"search index: {written} {kind} rows", started)
    with raw.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        cursor.execute(
            f"CREATE INDEX {SEARCH_INDEX} ON atende_private.search_entry "
            "USING gin (organization_id, kind, body gin_trgm_ops)"
        )
        started = _phase("search index: GIN (trigram) built", started)
        cursor.execute("ANALYZE atende_private.search_entry")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--timeline", type=int, default=100_000, help="tickets with a timeline")
    parser.add_argument("--password", default=PASSWORD)
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only: DATABASE_URL=postgres://owner:…@127.0.0.1:5432/database")
    call_command("migrate", verbosity=0)
    with dangerously_unscoped():
        organization, _ = Organization.objects.get_or_create(slug="bench", defaults={"name": "B"})
    total = time.perf_counter()
    with activate(organization):
        if Customer.objects.count() < options.customers:
            from customers_scale import generate as customers_generate

            with transaction.atomic():
                customers_generate(options.customers)
        with transaction.atomic():
            member, agents = _people(organization, options.password)
            generate(organization, member, agents, options.count, options.timeline)
        with transaction.atomic():
            fill_search_index()
        open_count = Ticket.objects.filter(is_open=True).count()
        print(
            f"{Ticket.objects.count()} tickets ({open_count} open), "
            f"{Customer.objects.count()} customers in organization '{organization.slug}'; "
            f"total {time.perf_counter() - total:.1f} s"
        )
        print(f"sign in as bench@atende.local / {options.password}")


if __name__ == "__main__":
    main()
