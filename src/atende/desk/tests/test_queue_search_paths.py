"""The queue's search reads the same tickets whichever way it takes: on PostgreSQL a rarer term
is read by id from the private index's probe and a common one by the ticket's own text while
the queue walks its index (PROBE_LIMIT decides); SQLite always filters by text. Another
organization's tickets never match, and the queue's tab counts stop at a limit."""

import pytest

from atende.desk import selectors
from atende.desk.models import AreaResource
from atende.desk.selectors import TicketFilters, queue_counts, ticket_queue
from atende.desk.services.tickets import ticket_refresh_search
from atende.desk.tests.factories import AreaFactory, TicketFactory
from atende.tenancy import search
from atende.tenancy.context import activate
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db

# 3000: every term below is "rare" (read by id); 2: every term is "common" (read by its text).
PROBE_LIMITS = [3000, 2]


def _ticket(organization, **fields):
    with activate(organization):
        ticket = TicketFactory(organization=organization, **fields)
        ticket.refresh_from_db()
        ticket_refresh_search(ticket)  # the private index too, on PostgreSQL
        return ticket


def _walk(actor, filters: TicketFilters, size: int = 2) -> list[int]:
    """Every page of the queue, by cursor, as ticket numbers."""
    numbers, cursor = [], None
    while True:
        page = ticket_queue(actor=actor, filters=filters, cursor=cursor, size=size)
        numbers += [ticket.number for ticket in page.items]
        if page.next_cursor is None:
            return numbers
        cursor = page.next_cursor


@pytest.fixture
def desk(organization, other_organization):
    boletos = [_ticket(organization, title=f"Segunda via do boleto {index}") for index in range(5)]
    closed = _ticket(organization, title="Boleto pago em duplicidade", status="done")
    other = _ticket(organization, title="Internet lenta")
    # The same words in another organization: never found.
    foreign = [
        _ticket(other_organization, title="Boleto vencido", area=AreaFactory(
            organization=other_organization, name="Financeiro"))
        for _ in range(3)
    ]  # fmt: skip
    return {"boletos": boletos, "closed": closed, "other": other, "foreign": foreign}


@pytest.mark.parametrize("probe_limit", PROBE_LIMITS)
@pytest.mark.parametrize(("scope", "sort"), [("open", "-updated"), ("all", "number")])
def test_rare_and_common_terms_read_the_same_tickets(
    desk, admin_member, monkeypatch, probe_limit, scope, sort
):
    monkeypatch.setattr(search, "PROBE_LIMIT", probe_limit)
    expected = [ticket.number for ticket in desk["boletos"]]
    if scope == "all":
        expected.append(desk["closed"].number)
    expected.sort()
    if sort == "-updated":
        expected = [
            ticket.number
            for ticket in sorted(desk["boletos"], key=lambda t: (t.updated_at, t.pk), reverse=True)
        ]

    found = _walk(admin_member, TicketFilters(scope=scope, search="BOLETO", sort=sort))

    assert found == expected
    # Words in any order, each anywhere in the text; the paid one is not a "segunda via".
    filters = TicketFilters(scope=scope, search="via segunda", sort=sort)
    assert _walk(admin_member, filters) == [n for n in found if n != desk["closed"].number]


@pytest.mark.parametrize("probe_limit", PROBE_LIMITS)
def test_a_number_finds_that_ticket_and_the_tickets_that_mention_it(
    organization, other_organization, admin_member, monkeypatch, probe_limit
):
    monkeypatch.setattr(search, "PROBE_LIMIT", probe_limit)
    target = _ticket(organization, title="Sem sinal")
    mention = _ticket(organization, title=f"Reaberto: ver o atendimento {target.number}5")
    unrelated = _ticket(organization, title="Troca de plano")
    _ticket(other_organization, title=f"Chamado {target.number}", area=AreaFactory(
        organization=other_organization, name="Suporte"))  # fmt: skip

    def numbers(query):
        filters = TicketFilters(scope="all", search=query, sort="number")
        return _walk(admin_member, filters, size=50)

    assert numbers(str(target.number)) == sorted([target.number, mention.number])
    assert numbers(f"#{target.number}") == sorted([target.number, mention.number])
    assert numbers(f"{target.number}5") == [mention.number]
    assert unrelated.number not in numbers(str(target.number))


@pytest.mark.parametrize("probe_limit", PROBE_LIMITS)
def test_another_organizations_tickets_never_match(
    desk, other_organization, other_member, monkeypatch, probe_limit
):
    monkeypatch.setattr(search, "PROBE_LIMIT", probe_limit)
    with activate(other_organization):
        found = _walk(other_member, TicketFilters(scope="all", search="boleto", sort="number"))
        assert found == sorted(ticket.number for ticket in desk["foreign"])
        assert _walk(other_member, TicketFilters(scope="all", search="segunda via")) == []


@pytest.mark.parametrize("probe_limit", PROBE_LIMITS)
def test_the_queue_page_finds_the_same_tickets(
    desk, organization, admin_member, client_as, monkeypatch, probe_limit
):
    monkeypatch.setattr(search, "PROBE_LIMIT", probe_limit)
    url = org_reverse("desk:queue", organization=organization)
    response = client_as(admin_member).get(url, {"q": "boleto", "scope": "all", "sort": "number"})
    assert response.status_code == 200
    numbers = [ticket.number for ticket in response.context["page"].items]
    assert numbers == sorted([t.number for t in desk["boletos"]] + [desk["closed"].number])


def test_the_tab_counts_stop_at_the_limit(organization, admin_member, monkeypatch):
    area = AreaFactory(organization=organization, name="Suporte")
    AreaResource.objects.create(area=area, member=admin_member)
    for _ in range(4):
        TicketFactory(organization=organization, area=area, assignee=admin_member)
    for _ in range(2):
        TicketFactory(organization=organization, area=area)
    TicketFactory(organization=organization, area=area, assignee=admin_member, status="done")

    counts = queue_counts(actor=admin_member)
    assert {name: (c.value, c.is_more) for name, c in counts.items()} == {
        "mine": (4, False),
        "areas": (6, False),
        "unassigned": (2, False),
    }

    monkeypatch.setattr(selectors, "QUEUE_COUNT_LIMIT", 3)
    counts = queue_counts(actor=admin_member)
    assert {name: (c.value, c.is_more) for name, c in counts.items()} == {
        "mine": (3, True),
        "areas": (3, True),
        "unassigned": (2, False),
    }
    assert [str(counts["mine"]), str(counts["unassigned"])] == ["3+", "2"]


def test_the_tab_counts_leave_out_other_organizations(
    organization, other_organization, admin_member, other_member
):
    with activate(other_organization):
        TicketFactory(organization=other_organization, assignee=other_member, area=AreaFactory(
            organization=other_organization, name="Suporte"))  # fmt: skip
    counts = queue_counts(actor=admin_member)
    assert [counts[name].value for name in ("mine", "areas", "unassigned")] == [0, 0, 0]


def test_the_queue_tabs_show_a_capped_count(organization, admin_member, client_as, monkeypatch):
    area = AreaFactory(organization=organization, name="Suporte")
    for _ in range(4):
        TicketFactory(organization=organization, area=area, assignee=admin_member)
    monkeypatch.setattr(selectors, "QUEUE_COUNT_LIMIT", 3)
    url = org_reverse("desk:queue", organization=organization)
    body = client_as(admin_member).get(url).content.decode()
    assert '<span class="badge">3+</span>' in body
    assert '<span class="badge">0</span>' in body  # unassigned
