"""Batch emission (B5): who gets a boleto (list filters or pasted codes, through the member's
visibility), who is left out and why, one batch per form, and a run that stops on a refusal
or a crash and resumes without issuing anyone twice; one combined PDF, one page per boleto."""

import shutil
import subprocess
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.utils import timezone

from atende.banking.linha import parse_code
from atende.billing.models import BatchStatus, Boleto, BoletoBatch, Invoice
from atende.billing.money import MAX_MONEY
from atende.billing.services.batches import (
    SKIP_FLAG,
    SKIP_GONE,
    SKIP_INACTIVE,
    SKIP_NOT_FOUND,
    batch_create,
    batch_run,
    parse_customer_numbers,
)
from atende.billing.tests.factories import bank_account, invoice
from atende.core.errors import DomainError, InvalidFields
from atende.customers.selectors import CustomerFilters
from atende.customers.tests.factories import CustomerFactory

pytestmark = pytest.mark.django_db
D = Decimal


def due() -> object:
    return timezone.localdate() + timedelta(days=10)


def give(member, organization, *codenames, only_own_portfolio=False):
    from django.contrib.auth.models import Permission

    from atende.accounts.tests.factories import SectorFactory

    sector = SectorFactory(organization=organization, name=f"Setor {uuid.uuid4().hex[:6]}")
    app_codenames = [codename.split(".") for codename in codenames]
    permissions = Permission.objects.none()
    for app, codename in app_codenames:
        permissions |= Permission.objects.filter(content_type__app_label=app, codename=codename)
    sector.permissions.set(permissions)
    member.sector = sector
    member.only_own_portfolio = only_own_portfolio
    member.save()
    return member


def create(actor, account, customers, **terms):
    values = {"description": "Mensalidade de dezembro", "amount": D("99.90"), "due_date": due()}
    return batch_create(
        actor=actor,
        bank_account=account,
        customers_queryset_or_numbers=customers,
        **{**values, **terms},
    )


@pytest.fixture
def account(organization):
    return bank_account(organization, "237", next_nosso_numero=41)


def test_the_list_filter_chooses_the_customers_and_lists_those_left_out_with_the_reason(
    organization, admin_member, account
):
    ana = CustomerFactory(organization=organization, name="Ana Campos", city="Campinas")
    bia = CustomerFactory(organization=organization, name="Bia Souza", city="Campinas")
    CustomerFactory(organization=organization, name="Caio Recife", city="Recife")
    old = CustomerFactory(organization=organization, name="Dora Antiga", city="Campinas",
                          is_active=False)  # fmt: skip
    flagged = CustomerFactory(organization=organization, name="Eva Sem Lote", city="Campinas",
                              skip_batch_boleto_printing=True)  # fmt: skip

    batch = create(admin_member, account, CustomerFilters(city="campinas", active=""))

    assert batch.customer_ids == [ana.pk, bia.pk]  # in name order, as printed
    assert batch.skipped == [
        {"number": old.number, "name": "Dora Antiga", "reason": SKIP_INACTIVE},
        {"number": flagged.number, "name": "Eva Sem Lote", "reason": SKIP_FLAG},
    ]
    assert (batch.total, batch.done, batch.status) == (2, 0, BatchStatus.PENDING)
    assert (batch.number, batch.amount, batch.created_by) == (1, D("99.90"), admin_member)

    # The list's default filter is the active customers: the inactive one is not even listed.
    active_only = create(admin_member, account, CustomerFilters(city="Campinas"))
    assert active_only.customer_ids == [ana.pk, bia.pk]
    assert [row["name"] for row in active_only.skipped] == ["Eva Sem Lote"]


def test_pasted_codes_choose_the_customers_and_one_outside_the_portfolio_reads_as_missing(
    organization, member, admin_member, account
):
    give(member, organization, "billing.add_invoice", "billing.view_invoice",
         "customers.view_customer", only_own_portfolio=True)  # fmt: skip
    mine = CustomerFactory(organization=organization, name="Minha Cliente", owner=member)
    theirs = CustomerFactory(organization=organization, name="Outra Carteira", owner=admin_member)
    old = CustomerFactory(organization=organization, name="Inativa", owner=member, is_active=False)

    numbers = parse_customer_numbers(
        f"{mine.number}, {theirs.number}\n{old.number};999 {mine.number}"
    )
    batch = create(member, account, numbers)

    assert batch.customer_ids == [mine.pk]
    assert batch.skipped == [
        {"number": old.number, "name": "Inativa", "reason": SKIP_INACTIVE},
        {"number": theirs.number, "name": "", "reason": SKIP_NOT_FOUND},
        {"number": 999, "name": "", "reason": SKIP_NOT_FOUND},
    ]


def test_pasted_codes_that_are_not_numbers_are_refused_by_name():
    with pytest.raises(DomainError, match="“12a”, “x”"):
        parse_customer_numbers("10 12a\nx")


def test_every_problem_of_the_form_comes_at_once_in_portuguese_and_nothing_is_written(
    organization, admin_member, account
):
    account.is_active = False
    account.save()
    CustomerFactory(organization=organization, is_active=False)
    with pytest.raises(InvalidFields) as refused:
        create(admin_member, account, CustomerFilters(active=""), description=" ",
               amount="10,005", due_date=timezone.localdate() - timedelta(days=1))  # fmt: skip
    assert refused.value.errors == {
        "bank_account": ["Esta conta bancária está inativa."],
        "description": ["Informe a descrição."],
        "amount": ["Valor: informe um número."],
        "due_date": ["O vencimento não pode ser antes de hoje."],
        "customers": ["Nenhum cliente desta lista pode receber boleto."],
    }
    assert not BoletoBatch.objects.exists()


def test_the_same_form_posted_twice_makes_one_batch(
    organization, admin_member, account, django_capture_on_commit_callbacks
):
    CustomerFactory(organization=organization)
    key = uuid.uuid4()
    with django_capture_on_commit_callbacks() as callbacks:
        first = create(admin_member, account, CustomerFilters(), idempotency_key=key)
        second = create(admin_member, account, CustomerFilters(), idempotency_key=str(key))
    assert second.pk == first.pk
    assert BoletoBatch.objects.count() == 1
    assert len(callbacks) == 1  # one job queued
    other = create(admin_member, account, CustomerFilters(), idempotency_key=uuid.uuid4())
    assert other.number == 2


def test_a_member_without_the_add_permission_creates_nothing(organization, member, account):
    give(member, organization, "billing.view_invoice", "customers.view_customer")
    CustomerFactory(organization=organization)
    with pytest.raises(PermissionDenied):
        create(member, account, CustomerFilters())
    assert not BoletoBatch.objects.exists()


def _issue_all(organization, admin_member, account, count, **customer_fields):
    customers = [
        CustomerFactory(organization=organization, name=f"Cliente {n:02}", **customer_fields)
        for n in range(count)
    ]
    batch = create(admin_member, account, CustomerFilters())
    return batch, customers


def _pdf_text(batch) -> tuple[int, str]:
    content = batch.pdf.file.open("rb").read()
    info = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True)
    pages = next(
        int(line.split()[-1])
        for line in info.stdout.decode().splitlines()
        if line.startswith("Pages:")
    )
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return pages, text


def _assert_issued_once_each(batch, customers, first_nosso_numero):
    invoices = Invoice.objects.filter(batch=batch)
    assert sorted(invoices.values_list("customer_id", flat=True)) == sorted(c.pk for c in customers)
    boletos = Boleto.objects.filter(invoice__batch=batch).order_by("number")
    assert boletos.count() == len(customers)
    assert list(boletos.values_list("nosso_numero", flat=True)) == list(
        range(first_nosso_numero, first_nosso_numero + len(customers))
    )
    assert set(boletos.values_list("created_by", flat=True)) == {batch.created_by_id}
    assert set(invoices.values_list("created_by", flat=True)) == {batch.created_by_id}
    return list(boletos)


def test_a_run_issues_one_invoice_and_boleto_each_and_one_pdf_page_per_boleto(
    organization, admin_member, account
):
    batch, customers = _issue_all(organization, admin_member, account, 3)

    batch = batch_run(batch=batch)

    assert (batch.status, batch.done, batch.total, batch.error) == (BatchStatus.DONE, 3, 3, "")
    boletos = _assert_issued_once_each(batch, customers, 41)
    for boleto in boletos:
        parsed = parse_code(boleto.linha_digitavel)
        assert (parsed.amount, parsed.due_date) == (D("99.90"), batch.due_date)
    assert batch.pdf.original_name == "boletos-lote-1.pdf"
    assert batch.pdf.content_type == "application/pdf"
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        pytest.skip("pdfinfo/pdftotext (poppler-utils) not installed: PDF pages not counted")
    pages, text = _pdf_text(batch)
    assert pages == 3
    for boleto in boletos:
        assert boleto.linha_digitavel in text
    # A redelivered task finds the batch done and issues nothing.
    assert batch_run(batch=batch).status == BatchStatus.DONE
    assert Boleto.objects.count() == 3


def test_a_refused_customer_stops_the_batch_and_resuming_issues_nobody_twice(
    organization, admin_member
):
    # The third customer pays the boleto fee on top of an amount already at the boleto's
    # limit: the invoice service refuses its total, a real refusal in the middle of the run.
    account = bank_account(organization, "237", next_nosso_numero=41, boleto_fee=D("5.00"))
    customers = [CustomerFactory(organization=organization, name=f"Cliente {n}") for n in range(5)]
    customers[2].charge_boleto_fee = True
    customers[2].save()
    batch = create(admin_member, account, CustomerFilters(), amount=MAX_MONEY - 1)

    batch = batch_run(batch=batch)

    assert batch.status == BatchStatus.FAILED
    assert batch.error == (
        f"Cliente {customers[2].number} – Cliente 2: "
        "Total do título: valor grande demais (máximo R$ 99.999.999,99)."
    )
    assert (batch.done, Invoice.objects.count(), Boleto.objects.count()) == (2, 2, 2)
    assert batch.pdf is None

    customers[2].charge_boleto_fee = False  # the user fixes the customer and resumes
    customers[2].save()
    batch = batch_run(batch=batch)

    assert (batch.status, batch.done, batch.error) == (BatchStatus.DONE, 5, "")
    _assert_issued_once_each(batch, customers, 41)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) not installed")
def test_a_crash_midway_loses_nothing_and_the_resumed_run_issues_the_rest(
    organization, admin_member, account
):
    batch, customers = _issue_all(organization, admin_member, account, 5)
    # The database refuses the fourth boleto's row: nosso número 44 is already taken (a row
    # written behind the application's back), a failure the batch does not handle. (A trigger
    # would be closer to a full disk, but the application role may not create one.)
    stray = _take_nosso_numero(organization, admin_member, account, 44)
    with pytest.raises(DatabaseError):
        batch_run(batch=batch)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FAILED
    assert batch.error.startswith(f"Erro inesperado no cliente {customers[3].number} – Cliente 03")
    issued = Boleto.objects.filter(invoice__batch=batch)
    assert (batch.done, Invoice.objects.filter(batch=batch).count(), issued.count()) == (3, 3, 3)
    stray_invoice = stray.invoice
    stray.delete()
    stray_invoice.delete()

    batch = batch_run(batch=batch)

    assert (batch.status, batch.done) == (BatchStatus.DONE, 5)
    boletos = _assert_issued_once_each(batch, customers, 41)
    pages, text = _pdf_text(batch)
    assert pages == 5
    assert all(boleto.linha_digitavel in text for boleto in boletos)


def _take_nosso_numero(organization, actor, account, nosso_numero: int) -> Boleto:
    stray = invoice(organization, actor=actor, account=account, description="Avulso")
    return Boleto.objects.create(
        number=9999, invoice=stray, bank_account=account, nosso_numero=nosso_numero,
        nosso_numero_printed=str(nosso_numero), amount=stray.amount, due_date=stray.due_date,
        barcode="0" * 44, linha_digitavel="0" * 47,
    )  # fmt: skip


def test_a_customer_deleted_after_the_batch_was_made_is_left_out_with_the_reason(
    organization, admin_member, account
):
    batch, customers = _issue_all(organization, admin_member, account, 3)
    customers[1].delete()

    batch = batch_run(batch=batch)

    assert (batch.status, batch.done, batch.total) == (BatchStatus.DONE, 2, 2)
    assert batch.customer_ids == [customers[0].pk, customers[2].pk]
    assert batch.skipped == [{"number": None, "name": "", "reason": SKIP_GONE}]
    _assert_issued_once_each(batch, [customers[0], customers[2]], 41)
