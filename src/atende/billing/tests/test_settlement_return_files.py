"""Return files (B4) with the banks' real files: every paid boleto settled once, the report's
counts, amounts and dates; the same file twice, a damaged copy and a stranger's file change
nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from atende.banking.cnab import CnabError, parse_return
from atende.billing.models import (
    Boleto,
    BoletoStatus,
    Invoice,
    InvoiceStatus,
    Payment,
    ReturnFile,
    ReturnFileStatus,
)
from atende.billing.services.settlement import return_file_receive
from atende.billing.tests.settlement_helpers import (
    BRADESCO_2,
    CAIXA_240_3,
    account_for,
    boleto_for,
    boletos_for_file,
    paid_occurrences,
    real_file,
)
from atende.core.errors import DomainError

pytestmark = pytest.mark.django_db
D = Decimal


def _report_row(received: ReturnFile, line: int) -> dict:
    return next(row for row in received.report["rows"] if row["line"] == line)


def test_a_real_bradesco_400_file_settles_each_paid_boleto(organization, admin_member):
    content = real_file("bradesco-cnab400-2.ret")
    account = account_for(organization, "237", **BRADESCO_2)
    boletos = boletos_for_file(organization, actor=admin_member, account=account, content=content)
    assert len(boletos) == 6

    received = return_file_receive(actor=admin_member, name="CB110400.RET", content=content)

    assert received.status == ReturnFileStatus.APPLIED
    assert (received.total, received.done, received.bank, received.layout) == (7, 7, "237", "400")
    report = received.report
    assert report["counts"]["settled"] == 6
    assert report["counts"]["other"] == 1  # line 2: entrada confirmada
    assert report["settled_count"] == 6
    assert report["settled_amount"] == "5.10"  # 5.00 + 5 × 0.02
    assert received.settled_amount == D("5.10")
    assert report["amounts"]["settled"] == "5.10"
    assert _report_row(received, 2)["outcome"] == "other"
    first = _report_row(received, 3)
    assert (first["outcome"], first["nosso_numero"], first["amount_paid"], first["date"]) == (
        "settled", "09/00000000009-7", "5.00", "2012-04-11"
    )  # fmt: skip
    for boleto in boletos:
        boleto.refresh_from_db()
        invoice = Invoice.objects.get(pk=boleto.invoice_id)
        assert boleto.status == BoletoStatus.PAID
        assert (invoice.status, invoice.paid_amount, invoice.paid_on, invoice.credit) == (
            InvoiceStatus.PAID, boleto.amount, date(2012, 4, 11), 0
        )  # fmt: skip
    payment = Payment.objects.get(boleto=boletos[0])
    assert (payment.source, payment.credited_on, payment.return_file_id, payment.created_by) == (
        "return_file", date(2012, 4, 13), received.pk, admin_member
    )  # fmt: skip
    assert len(payment.occurrence_key) == 64


def test_a_real_caixa_240_file_settles_with_the_discount_the_invoice_grants(
    organization, admin_member
):
    content = real_file("caixa-cnab240-3.ret")
    account = account_for(organization, "104", **CAIXA_240_3)
    boletos_for_file(organization, actor=admin_member, account=account, content=content)

    received = return_file_receive(actor=admin_member, name="caixa.ret", content=content)

    report = received.report
    assert report["counts"]["settled"] == 9
    # 3 × 80,00 + 5 × 70,00 (R$ 10 of discount until the due date) + 420,00 (60 of discount)
    assert report["settled_amount"] == "1010.00"
    assert report["header"]["layout"] == "240"
    assert Invoice.objects.filter(status=InvoiceStatus.PAID).count() == 9
    assert set(Payment.objects.values_list("paid_on", flat=True)) == {date(2014, 1, 6)}
    assert sum(Payment.objects.values_list("fees", flat=True)) == D("1.25") * 8 + D("2.70")


def _snapshot():
    return (
        list(Invoice.objects.order_by("pk").values_list("status", "paid_amount", "credit")),
        list(Boleto.objects.order_by("pk").values_list("status", flat=True)),
        Payment.objects.count(),
        ReturnFile.objects.count(),
    )


def test_the_same_file_twice_is_refused_and_changes_nothing(organization, admin_member):
    content = real_file("bradesco-cnab400-2.ret")
    account = account_for(organization, "237", **BRADESCO_2)
    boletos_for_file(organization, actor=admin_member, account=account, content=content)
    return_file_receive(actor=admin_member, name="a.ret", content=content)
    before = _snapshot()

    with pytest.raises(DomainError) as refused:
        return_file_receive(actor=admin_member, name="b.ret", content=content)

    today = timezone.localdate().strftime("%d/%m/%Y")
    assert refused.value.message == f"Este arquivo já foi processado em {today} por Ana Admin."
    assert _snapshot() == before


def test_the_same_occurrence_in_another_file_is_already_settled(organization, admin_member):
    content = real_file("bradesco-cnab400-2.ret")
    account = account_for(organization, "237", **BRADESCO_2)
    boletos_for_file(organization, actor=admin_member, account=account, content=content)
    return_file_receive(actor=admin_member, name="a.ret", content=content)
    # The bank sends the same occurrences again in a file of another day (another fingerprint).
    again = content.replace(b"COOPERATIVA DE SERVICOS TECNIC", b"COOPERATIVA DE SERVICOS TECNIK")

    second = return_file_receive(actor=admin_member, name="b.ret", content=again)

    assert second.report["counts"]["already_settled"] == 6
    assert second.report["settled_count"] == 0
    assert second.settled_amount == 0
    assert Payment.objects.count() == 6


def test_a_damaged_copy_is_refused_whole_with_its_line(organization, admin_member):
    content = real_file("bradesco-cnab400-2.ret")
    account = account_for(organization, "237", **BRADESCO_2)
    boletos_for_file(organization, actor=admin_member, account=account, content=content)
    lines = content.splitlines(keepends=True)
    damaged = b"".join(lines[:3] + [lines[3][:200] + b"\r\n"] + lines[4:])
    with pytest.raises(CnabError) as bank_says:
        parse_return(damaged)
    before = _snapshot()

    with pytest.raises(DomainError) as refused:
        return_file_receive(actor=admin_member, name="cortado.ret", content=damaged)

    assert bank_says.value.line == 4
    assert refused.value.message == (
        f"Arquivo recusado por inteiro, nada foi alterado (linha 4: {bank_says.value.reason})."
    )
    assert _snapshot() == before


def test_a_file_of_an_account_we_do_not_have_is_refused(organization, admin_member):
    account_for(organization, "237", agreement="999")
    with pytest.raises(DomainError, match="não corresponde a nenhuma conta bancária"):
        return_file_receive(
            actor=admin_member, name="x.ret", content=real_file("bradesco-cnab400-2.ret")
        )
    assert ReturnFile.objects.count() == 0


def test_underpaid_is_partial_overpaid_is_credit_and_unknown_is_not_found(
    organization, admin_member
):
    content = real_file("bradesco-cnab400-2.ret")
    account = account_for(organization, "237", **BRADESCO_2)
    paid = {o.nosso_numero: o for o in paid_occurrences(content)}
    # NN 9 paid 5,00: the invoice asked 6,00. NN 18 paid 0,02: the invoice asked 0,01.
    under = boleto_for(organization, actor=admin_member, account=account, nosso_numero=9,
                       amount=D("6.00"), due_date=date(2012, 4, 12))  # fmt: skip
    over = boleto_for(organization, actor=admin_member, account=account, nosso_numero=18,
                      amount=D("0.01"), due_date=date(2012, 4, 11))  # fmt: skip
    for number in ("00000000019", "00000000020", "00000000021"):
        occurrence = paid[number]
        boleto_for(organization, actor=admin_member, account=account,
                   nosso_numero=int(number), amount=occurrence.amount,
                   due_date=occurrence.payment_date)  # fmt: skip
    # NN 22 was never issued here.

    received = return_file_receive(actor=admin_member, name="r.ret", content=content)

    counts = received.report["counts"]
    assert (counts["settled"], counts["partial"], counts["overpaid"], counts["not_found"]) == (
        3, 1, 1, 1
    )  # fmt: skip
    assert _report_row(received, 3)["message"] == "Pago parcial: faltam R$ 1.00."
    assert _report_row(received, 8)["outcome"] == "not_found"
    assert received.report["amounts"]["not_found"] == "0.02"
    assert received.settled_amount == D("5.08")
    under_invoice = Invoice.objects.get(pk=under.invoice_id)
    assert (under_invoice.status, under_invoice.paid_amount, under_invoice.paid_on) == (
        InvoiceStatus.PARTIALLY_PAID, D("5.00"), None
    )  # fmt: skip
    assert Boleto.objects.get(pk=under.pk).status == BoletoStatus.ISSUED
    over_invoice = Invoice.objects.get(pk=over.invoice_id)
    assert (over_invoice.status, over_invoice.paid_amount, over_invoice.credit) == (
        InvoiceStatus.PAID, D("0.02"), D("0.01")
    )  # fmt: skip


def test_the_same_number_in_another_carteira_is_not_our_boleto(organization, admin_member):
    # The file pays 25/00000000006-0 and 26/00027861336-2; our account issues in carteira 09.
    content = real_file("bradesco-cnab400-3.ret")
    account = account_for(organization, "237", agreement="4628596", wallet="09")
    ours = boleto_for(organization, actor=admin_member, account=account, nosso_numero=6,
                      amount=D("15.00"), due_date=date(2016, 5, 20))  # fmt: skip

    received = return_file_receive(actor=admin_member, name="c.ret", content=content)

    assert received.report["counts"]["not_found"] == 2
    assert Invoice.objects.get(pk=ours.invoice_id).status == InvoiceStatus.OPEN


def test_rejections_and_informational_occurrences_are_reported_not_settled(
    organization, admin_member
):
    # Sicoob CNAB 240: "em ser", a 06 of 0,00 (settles nothing) and three rejected entries.
    account_for(organization, "756", agency="4190", account="738", account_digit="0")

    received = return_file_receive(
        actor=admin_member, name="sicoob.ret", content=real_file("sicoob-cnab240-3.ret")
    )

    counts = received.report["counts"]
    assert (counts["rejected"], counts["other"], received.report["settled_count"]) == (3, 2, 0)
    assert _report_row(received, 7)["message"] == "Entrada rejeitada (09)"
    assert _report_row(received, 11)["message"] == "Entrada rejeitada (AF, HA)"
    assert Payment.objects.count() == 0


def test_a_file_past_the_size_limit_is_refused_before_reading(organization, admin_member):
    account_for(organization, "237", **BRADESCO_2)
    with pytest.raises(DomainError) as refused:
        return_file_receive(actor=admin_member, name="big.ret", content=b"0" * (11 * 1024 * 1024))
    assert refused.value.message == "O arquivo tem 11,0 MB; o limite é 10 MB."
    assert ReturnFile.objects.count() == 0
