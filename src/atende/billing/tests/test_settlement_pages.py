"""Settlement pages (B4): upload and report, the progress a page polls, manual settlement by
boleto number, nosso número or a typed linha (with the wrong digit named), undo with reason;
a member without the permission is refused and nothing is written."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from atende.accounts.tests.factories import MemberFactory, SectorFactory
from atende.billing.models import (
    Invoice,
    InvoiceStatus,
    Payment,
    PaymentSource,
    ReturnFile,
    ReturnFileStatus,
)
from atende.billing.services.payments import payment_record
from atende.billing.services.settlement import progress_key
from atende.billing.tests.factories import bank_account
from atende.billing.tests.settlement_helpers import (
    BRADESCO_2,
    account_for,
    boleto_for,
    boletos_for_file,
    real_file,
)
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db
D = Decimal
LIST_QUERIES = 6
REPORT_QUERIES = 6


def url(organization, name, **kwargs):
    return org_reverse(f"billing:{name}", organization=organization, **kwargs)


@pytest.fixture
def viewer(organization):
    from django.contrib.auth.models import Permission

    sector = SectorFactory(organization=organization, name="Cobrança leitura")
    sector.permissions.set(Permission.objects.filter(codename="view_invoice"))
    return MemberFactory(organization=organization, sector=sector)


def test_upload_a_real_file_and_read_its_report(organization, admin_member, client_as):
    content = real_file("bradesco-cnab400-2.ret")
    account = account_for(organization, "237", **BRADESCO_2)
    boletos_for_file(organization, actor=admin_member, account=account, content=content)
    client = client_as(admin_member)

    response = client.post(
        url(organization, "return_file_upload"),
        {"file": SimpleUploadedFile("CB110400.RET", content)},
    )

    received = ReturnFile.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(organization, "return_file", pk=received.pk)
    page = client.get(response["Location"]).content.decode()
    assert "09/00000000009-7" in page
    assert "R$ 5,10" in page
    assert page.count("Baixado</span>") == 6
    listing = client.get(url(organization, "return_files")).content.decode()
    assert "CB110400.RET" in listing


def test_the_same_file_again_shows_who_sent_it_and_nothing_changes(
    organization, admin_member, client_as
):
    content = real_file("bradesco-cnab400-2.ret")
    account_for(organization, "237", **BRADESCO_2)
    client = client_as(admin_member)
    client.post(url(organization, "return_file_upload"), {"file": SimpleUploadedFile("a", content)})

    response = client.post(
        url(organization, "return_file_upload"), {"file": SimpleUploadedFile("b", content)}
    )

    assert response.status_code == 200
    assert "Este arquivo já foi processado em" in response.content.decode()
    assert "por Ana Admin." in response.content.decode()
    assert ReturnFile.objects.count() == 1


def test_the_report_page_shows_the_progress_while_the_job_runs(
    organization, admin_member, client_as
):
    content = real_file("bradesco-cnab400-2.ret")
    account_for(organization, "237", **BRADESCO_2)
    client = client_as(admin_member)
    client.post(url(organization, "return_file_upload"), {"file": SimpleUploadedFile("a", content)})
    received = ReturnFile.objects.get()
    ReturnFile.objects.filter(pk=received.pk).update(status=ReturnFileStatus.RUNNING, done=0)
    cache.set(progress_key(received.pk), 3)

    response = client.get(url(organization, "return_file", pk=received.pk), HTTP_HX_REQUEST="true")

    cache.delete(progress_key(received.pk))
    text = response.content.decode()
    assert '<progress max="7" value="3"' in text
    assert "hx-trigger" in text


def test_manual_settlement_finds_by_number_nosso_numero_and_linha(
    organization, admin_member, client_as
):
    account = bank_account(organization, "237")
    boleto = boleto_for(organization, actor=admin_member, account=account, nosso_numero=456,
                        amount=D("150.00"), due_date=date(2026, 3, 10))  # fmt: skip
    client = client_as(admin_member)
    page = url(organization, "manual_settle")

    for typed in (str(boleto.number), "456", boleto.nosso_numero_printed, boleto.linha_digitavel):
        found = client.get(page, {"q": typed}).content.decode()
        assert f"?boleto={boleto.number}" in found, typed

    # One digit of field 2 typed wrong: its DV no longer agrees, and the page says which.
    linha = boleto.linha_digitavel.replace(".", "").replace(" ", "")
    wrong = linha[:12] + str((int(linha[12]) + 1) % 10) + linha[13:]
    answer = client.get(page, {"q": wrong}).content.decode()
    assert "campo 2: foi digitado o dígito verificador" in answer
    assert f"?boleto={boleto.number}" not in answer


def test_manual_settlement_prefills_what_is_owed_and_confirms(
    organization, admin_member, client_as
):
    account = bank_account(organization, "237")
    boleto = boleto_for(organization, actor=admin_member, account=account, nosso_numero=9,
                        amount=D("100.00"), due_date=date(2026, 3, 10), fines=True)  # fmt: skip
    client = client_as(admin_member)
    page = url(organization, "manual_settle")

    # Paid 10 days late: 100,00 + 2,00 fine + 0,33 interest.
    form = client.get(page, {"boleto": boleto.number, "paid_on": "20/03/2026"}).content.decode()
    assert 'value="102,33"' in form

    response = client.post(
        page, {"boleto": boleto.number, "paid_on": "20/03/2026", "amount_paid": "102,33"}
    )

    assert response.status_code == 302
    invoice = Invoice.objects.get(pk=boleto.invoice_id)
    assert (invoice.status, invoice.paid_amount) == (InvoiceStatus.PAID, D("102.33"))
    payment = Payment.objects.get()
    assert (payment.source, payment.created_by, payment.paid_on) == (
        PaymentSource.MANUAL, admin_member, date(2026, 3, 20)
    )  # fmt: skip


def test_undo_from_the_page_needs_a_reason(organization, admin_member, client_as):
    boleto = boleto_for(organization, actor=admin_member, account=bank_account(organization),
                        nosso_numero=1, amount=D("50.00"), due_date=date(2026, 3, 10))  # fmt: skip
    payment = payment_record(actor=admin_member, invoice=boleto.invoice, boleto=boleto,
                             amount_paid="50.00", paid_on=date(2026, 3, 2),
                             source=PaymentSource.MANUAL)  # fmt: skip
    client = client_as(admin_member)
    undo = url(organization, "payment_undo", pk=payment.pk)

    confirm = client.get(undo).content.decode()
    assert "R$ 50,00" in confirm
    assert "02/03/2026" in confirm
    assert client.post(undo, {"reason": ""}).status_code == 200
    assert Payment.objects.get().undone_at is None

    response = client.post(undo, {"reason": "Cheque devolvido"})

    assert response.status_code == 302
    assert response["Location"] == f"{url(organization, 'manual_settle')}?boleto={boleto.number}"
    assert Invoice.objects.get(pk=boleto.invoice_id).status == InvoiceStatus.OPEN


def test_a_member_who_may_only_view_is_refused_and_nothing_is_written(
    organization, admin_member, viewer, client_as
):
    content = real_file("bradesco-cnab400-2.ret")
    account = account_for(organization, "237", **BRADESCO_2)
    boletos = boletos_for_file(organization, actor=admin_member, account=account, content=content)
    paid = payment_record(actor=admin_member, invoice=boletos[0].invoice, boleto=boletos[0],
                          amount_paid="5.00", paid_on=date(2012, 4, 11),
                          source=PaymentSource.MANUAL)  # fmt: skip
    client = client_as(viewer)

    upload = client.post(
        url(organization, "return_file_upload"), {"file": SimpleUploadedFile("a", content)}
    )
    settle = client.post(
        url(organization, "manual_settle"),
        {"boleto": boletos[1].number, "paid_on": "11/04/2012", "amount_paid": "0,02"},
    )
    undo = client.post(url(organization, "payment_undo", pk=paid.pk), {"reason": "Não"})

    assert (upload.status_code, settle.status_code, undo.status_code) == (403, 403, 403)
    assert ReturnFile.objects.count() == 0
    assert list(Payment.objects.values_list("pk", "undone_at")) == [(paid.pk, None)]
    # Reading is allowed: the list shows no upload form to them.
    listing = client.get(url(organization, "return_files"))
    assert listing.status_code == 200
    assert b'enctype="multipart/form-data"' not in listing.content


def test_the_list_and_the_report_read_a_fixed_number_of_queries(
    organization, admin_member, client_as, django_assert_num_queries
):
    content = real_file("bradesco-cnab400-2.ret")
    account = account_for(organization, "237", **BRADESCO_2)
    boletos_for_file(organization, actor=admin_member, account=account, content=content)
    client = client_as(admin_member)
    client.post(url(organization, "return_file_upload"), {"file": SimpleUploadedFile("a", content)})
    again = content.replace(b"COOPERATIVA DE SERVICOS TECNIC", b"COOPERATIVA DE SERVICOS TECNIK")
    client.post(url(organization, "return_file_upload"), {"file": SimpleUploadedFile("b", again)})
    received = ReturnFile.objects.order_by("pk").first()

    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(url(organization, "return_files")).status_code == 200
    with django_assert_num_queries(REPORT_QUERIES):
        assert client.get(url(organization, "return_file", pk=received.pk)).status_code == 200
