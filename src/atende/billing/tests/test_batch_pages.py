"""Batch emission pages (B5): the form carries the customer list's filter or pasted codes, the
preview says who is left out and why, confirming twice makes one batch; progress polled by
htmx; the PDF downloads for billing viewers only; query counts pinned."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from atende.billing.models import BatchStatus, Boleto, BoletoBatch
from atende.billing.services.batches import batch_create
from atende.billing.tests.factories import bank_account
from atende.billing.tests.test_batch_emission import give
from atende.customers.selectors import CustomerFilters
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def url(organization, name, **kwargs):
    return org_reverse(f"billing:{name}", organization=organization, **kwargs)


def form_body(account, **fields):
    return {
        "bank_account": account.pk,
        "description": "Mensalidade de dezembro",
        "amount": "1.299,90",
        "due_date": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "source": "filters",
        "numbers": "",
        "idempotency_key": str(uuid.uuid4()),
        "action": "preview",
        **fields,
    }


@pytest.fixture
def account(organization):
    return bank_account(organization, "341", name="Itaú principal")


@pytest.fixture
def campinas(organization):
    return [
        CustomerFactory(organization=organization, name="Ana Campos", city="Campinas"),
        CustomerFactory(organization=organization, name="Bia Souza", city="Campinas"),
        CustomerFactory(organization=organization, name="Caio Sem Lote", city="Campinas",
                        skip_batch_boleto_printing=True),
        CustomerFactory(organization=organization, name="Davi Recife", city="Recife"),
    ]  # fmt: skip


@pytest.fixture
def viewer(organization, member):
    return give(member, organization, "billing.view_invoice", "customers.view_customer")


def test_the_form_carries_the_list_filter_and_the_preview_lists_who_is_left_out(
    organization, admin_member, account, campinas, client_as
):
    client = client_as(admin_member)
    page = client.get(url(organization, "batch_new") + "?city=Campinas&active=1")
    assert page.status_code == 200
    assert b'<input type="hidden" name="city" value="Campinas">' in page.content
    assert b'<input type="hidden" name="active" value="1">' in page.content

    body = form_body(account, city="Campinas", active="1")
    preview = client.post(url(organization, "batch_new"), body)

    assert preview.status_code == 200
    assert preview.context["preview"].count == 2
    assert "Caio Sem Lote · Marcado para não entrar na impressão" in preview.content.decode()
    assert b'name="action" value="confirm"' in preview.content
    back = url(organization, "batch_list").replace("financeiro/lotes/", "clientes/")
    assert f'href="{back}?active=1&amp;city=Campinas"' in preview.content.decode()
    assert not BoletoBatch.objects.exists()


def test_confirming_twice_makes_one_batch_that_issues_and_shows_its_pdf(
    organization, admin_member, account, campinas, client_as, django_capture_on_commit_callbacks
):
    client = client_as(admin_member)
    body = form_body(account, city="Campinas", action="confirm")
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url(organization, "batch_new"), body)
    second = client.post(url(organization, "batch_new"), body)

    batch = BoletoBatch.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == url(organization, "batch_detail", number=1)
    assert (batch.status, batch.done, batch.amount) == (BatchStatus.DONE, 2, Decimal("1299.90"))
    assert [row["name"] for row in batch.skipped] == ["Caio Sem Lote"]

    detail = client.get(url(organization, "batch_detail", number=1))
    content = detail.content.decode()
    assert url(organization, "batch_pdf", number=1) in content
    assert "hx-get" not in content  # done: no more polling
    for boleto in Boleto.objects.all():
        assert boleto.nosso_numero_printed in content
    pdf = client.get(url(organization, "batch_pdf", number=1))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_pasted_codes_and_every_form_problem_at_once(
    organization, admin_member, account, campinas, client_as
):
    client = client_as(admin_member)
    body = form_body(account, source="numbers", numbers=f"{campinas[0].number} 9999",
                     description="", amount="abc", due_date="")  # fmt: skip
    response = client.post(url(organization, "batch_new"), body)
    assert response.context["form"].errors == {
        "description": ["Informe a descrição."],
        "amount": ["Valor: informe um número."],
        "due_date": ["Vencimento: informe a data."],
    }
    assert "Informe a descrição." in response.content.decode()

    body = {**body, "description": "Taxa", "amount": "50", "numbers": "9999 x1",
            "due_date": timezone.localdate().isoformat()}  # fmt: skip
    response = client.post(url(organization, "batch_new"), body)
    assert response.context["form"].errors == {
        "numbers": ["Códigos de cliente inválidos: “x1”. Use só números."]
    }

    body["numbers"] = f"{campinas[0].number} 9999"
    preview = client.post(url(organization, "batch_new"), body).context["preview"]
    assert preview.count == 1
    assert preview.skipped == [
        {"number": 9999, "name": "", "reason": "Código não encontrado ou fora da sua carteira."}
    ]


def test_progress_is_polled_while_the_batch_runs(organization, admin_member, account, campinas,
                                                client_as):  # fmt: skip
    batch = batch_create(
        actor=admin_member, bank_account=account, description="Taxa", amount="10",
        due_date=timezone.localdate(), customers_queryset_or_numbers=CustomerFilters(),
    )  # fmt: skip
    client = client_as(admin_member)
    partial = client.get(
        url(organization, "batch_detail", number=batch.number), HTTP_HX_REQUEST="true"
    )
    content = partial.content.decode()
    assert content.lstrip().startswith('<section class="card" id="progresso"')
    assert 'hx-trigger="every 2s"' in content
    assert '<progress max="3" value="0"' in content


@pytest.mark.parametrize("name", ["batch_list", "batch_new"])
def test_a_member_without_billing_permissions_is_refused(organization, member, client_as, name):
    assert client_as(member).get(url(organization, name)).status_code == 403


def test_a_viewer_reads_but_cannot_create_and_nothing_is_written(
    organization, viewer, account, campinas, client_as
):
    client = client_as(viewer)
    assert client.get(url(organization, "batch_list")).status_code == 200
    assert client.get(url(organization, "batch_new")).status_code == 403
    response = client.post(url(organization, "batch_new"), form_body(account, action="confirm"))
    assert response.status_code == 403
    assert not BoletoBatch.objects.exists()


def test_the_pdf_downloads_for_billing_viewers_only(
    organization, admin_member, member, account, campinas, client_as
):
    from atende.billing.services.batches import batch_run

    batch = batch_run(
        batch=batch_create(
            actor=admin_member, bank_account=account, description="Taxa", amount="10",
            due_date=timezone.localdate(), customers_queryset_or_numbers=CustomerFilters(),
        )
    )  # fmt: skip
    download = org_reverse("files:download", organization=organization, key=batch.pdf.key)
    assert client_as(member).get(download).status_code == 404  # no billing permission
    assert client_as(member).get(url(organization, "batch_pdf", number=1)).status_code == 403
    give(member, organization, "billing.view_invoice")
    assert client_as(member).get(download).status_code == 200
    assert client_as(member).get(url(organization, "batch_pdf", number=1)).status_code == 200


def test_list_and_detail_pages_query_counts(
    organization, admin_member, account, campinas, client_as, django_assert_num_queries
):
    from atende.billing.services.batches import batch_run

    for _ in range(3):
        batch_run(
            batch=batch_create(
                actor=admin_member, bank_account=account, description="Taxa", amount="10",
                due_date=timezone.localdate(), customers_queryset_or_numbers=CustomerFilters(),
            )
        )  # fmt: skip
    client = client_as(admin_member)
    client.get(url(organization, "batch_list"))  # warm the session and caches
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(url(organization, "batch_list")).status_code == 200
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get(url(organization, "batch_detail", number=3)).status_code == 200


LIST_QUERIES = 6
DETAIL_QUERIES = 8
