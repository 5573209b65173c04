"""Payments (B4): what was owed on the payment day decides paid or partial, the excess is
credit, the boleto follows the invoice, undoing is audited and reopens; a reversal in a bank
file undoes the payment it names; a large file runs as a job."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from atende.billing.models import (
    Boleto,
    BoletoStatus,
    Invoice,
    InvoiceStatus,
    Payment,
    PaymentSource,
    ReturnFile,
    ReturnFileStatus,
)
from atende.billing.sample_return import Paid, bradesco_400_return
from atende.billing.services import settlement
from atende.billing.services.invoices import invoice_cancel
from atende.billing.services.payments import payment_record, payment_undo
from atende.billing.services.settlement import return_file_receive
from atende.billing.signals import invoice_paid
from atende.billing.tests.factories import bank_account
from atende.billing.tests.settlement_helpers import boleto_for
from atende.core.errors import DomainError

pytestmark = pytest.mark.django_db
D = Decimal
MANUAL = PaymentSource.MANUAL


def _record(actor, boleto, amount, paid_on, **extra):
    return payment_record(actor=actor, invoice=boleto.invoice, boleto=boleto,
                          amount_paid=amount, paid_on=paid_on, source=MANUAL, **extra)  # fmt: skip


def _state(boleto):
    invoice = Invoice.objects.get(pk=boleto.invoice_id)
    return (
        invoice.status,
        invoice.paid_amount,
        invoice.paid_on,
        invoice.credit,
        Boleto.objects.get(pk=boleto.pk).status,
    )


def test_partial_then_the_rest_settles_and_sends_invoice_paid_once(
    organization, admin_member, django_capture_on_commit_callbacks
):
    account = bank_account(organization)
    boleto = boleto_for(organization, actor=admin_member, account=account, nosso_numero=1,
                        amount=D("150.00"), due_date=date(2026, 3, 10))  # fmt: skip
    received = []
    invoice_paid.connect(lambda sender, invoice, **kw: received.append(invoice.pk), weak=False,
                         dispatch_uid="test-settlement")  # fmt: skip
    try:
        with django_capture_on_commit_callbacks(execute=True):
            _record(admin_member, boleto, "100.00", date(2026, 3, 1))
        assert _state(boleto) == (InvoiceStatus.PARTIALLY_PAID, D("100.00"), None, 0, "issued")
        assert received == []
        with django_capture_on_commit_callbacks(execute=True):
            _record(admin_member, boleto, "50.00", date(2026, 3, 9))
    finally:
        invoice_paid.disconnect(dispatch_uid="test-settlement")
    assert _state(boleto) == (InvoiceStatus.PAID, D("150.00"), date(2026, 3, 9), 0, "paid")
    assert received == [boleto.invoice_id]


def test_late_payment_owes_fine_and_interest_and_early_one_gets_the_discount(
    organization, admin_member
):
    account = bank_account(organization)  # 2 % fine, 1 % a month
    # Due Tuesday 10/03/2026, paid Friday 20/03: 10 days late → 2,00 + 100 × 1 % / 30 × 10 = 0,33
    late = boleto_for(organization, actor=admin_member, account=account, nosso_numero=1,
                      amount=D("100.00"), due_date=date(2026, 3, 10), fines=True)  # fmt: skip
    _record(admin_member, late, "100.00", date(2026, 3, 20))
    assert _state(late)[0] == InvoiceStatus.PARTIALLY_PAID
    _record(admin_member, late, "2.33", date(2026, 3, 20))
    assert _state(late) == (InvoiceStatus.PAID, D("102.33"), date(2026, 3, 20), 0, "paid")

    early = boleto_for(organization, actor=admin_member, account=account, nosso_numero=2,
                       amount=D("100.00"), due_date=date(2026, 3, 10),
                       discount=D("5.00"))  # fmt: skip
    _record(admin_member, early, "95.00", date(2026, 3, 10))
    assert _state(early) == (InvoiceStatus.PAID, D("95.00"), date(2026, 3, 10), 0, "paid")


def test_overpaid_keeps_the_excess_as_credit(organization, admin_member):
    boleto = boleto_for(organization, actor=admin_member, account=bank_account(organization),
                        nosso_numero=7, amount=D("80.00"), due_date=date(2026, 3, 10))  # fmt: skip
    _record(admin_member, boleto, "95.50", date(2026, 3, 2))
    assert _state(boleto) == (InvoiceStatus.PAID, D("95.50"), date(2026, 3, 2), D("15.50"), "paid")


def test_paid_and_cancelled_invoices_refuse_payments(organization, admin_member):
    account = bank_account(organization)
    paid = boleto_for(organization, actor=admin_member, account=account, nosso_numero=1,
                      amount=D("10.00"), due_date=date(2026, 3, 10))  # fmt: skip
    _record(admin_member, paid, "10.00", date(2026, 3, 2))
    with pytest.raises(DomainError, match=r"^Este título já está pago \(em 02/03/2026\)\.$"):
        _record(admin_member, paid, "10.00", date(2026, 3, 2))
    cancelled = boleto_for(organization, actor=admin_member, account=account, nosso_numero=2,
                           amount=D("10.00"), due_date=date(2026, 3, 10))  # fmt: skip
    invoice_cancel(actor=admin_member, invoice=cancelled.invoice, reason="Duplicado")
    with pytest.raises(DomainError, match="cancelado"):
        _record(admin_member, cancelled, "10.00", date(2026, 3, 2))
    with pytest.raises(DomainError, match="no futuro"):
        _record(admin_member, boleto_for(organization, actor=admin_member, account=account,
                nosso_numero=3, amount=D("1.00"), due_date=date(2026, 3, 10)),
                "1.00", date(2099, 1, 1))  # fmt: skip
    assert Payment.objects.count() == 1


def test_undo_needs_a_reason_keeps_the_row_and_reopens(organization, admin_member):
    boleto = boleto_for(organization, actor=admin_member, account=bank_account(organization),
                        nosso_numero=1, amount=D("50.00"), due_date=date(2026, 3, 10))  # fmt: skip
    payment = _record(admin_member, boleto, "50.00", date(2026, 3, 2))
    with pytest.raises(DomainError, match="motivo"):
        payment_undo(actor=admin_member, payment=payment, reason="  ")
    assert _state(boleto)[0] == InvoiceStatus.PAID

    payment_undo(actor=admin_member, payment=payment, reason="Lançado no boleto errado")

    payment.refresh_from_db()
    assert (payment.undone_by, payment.undone_reason) == (admin_member, "Lançado no boleto errado")
    assert payment.undone_at is not None
    assert _state(boleto) == (InvoiceStatus.OPEN, 0, None, 0, BoletoStatus.ISSUED)
    with pytest.raises(DomainError, match="já foi desfeito"):
        payment_undo(actor=admin_member, payment=payment, reason="De novo")


def test_a_member_without_change_cannot_record_or_undo(organization, admin_member, member):
    boleto = boleto_for(organization, actor=admin_member, account=bank_account(organization),
                        nosso_numero=1, amount=D("50.00"), due_date=date(2026, 3, 10))  # fmt: skip
    with pytest.raises(PermissionDenied):
        _record(member, boleto, "50.00", date(2026, 3, 2))
    payment = _record(admin_member, boleto, "50.00", date(2026, 3, 2))
    with pytest.raises(PermissionDenied):
        payment_undo(actor=member, payment=payment, reason="Não")
    assert Payment.objects.filter(undone_at__isnull=True).count() == 1


def _bradesco_file(account, occurrences, sequence=1):
    return bradesco_400_return(
        agreement=account.agreement, wallet=account.wallet, agency=account.agency,
        account=account.account, account_digit=account.account_digit,
        occurrences=occurrences, file_date=date(2026, 3, 12), sequence=sequence,
    )  # fmt: skip


def test_a_reversal_in_a_later_file_undoes_the_payment_it_names(organization, admin_member):
    account = bank_account(organization, "237", agreement="4540691")
    boleto = boleto_for(organization, actor=admin_member, account=account, nosso_numero=41,
                        amount=D("99.90"), due_date=date(2026, 3, 10))  # fmt: skip
    paid = Paid(41, D("99.90"), D("99.90"), date(2026, 3, 10))
    return_file_receive(actor=admin_member, name="a.ret", content=_bradesco_file(account, [paid]))
    assert _state(boleto)[0] == InvoiceStatus.PAID
    # Bradesco 22: "Título com pagamento cancelado"; and one for a boleto never paid here.
    reversal = Paid(41, D("99.90"), D("99.90"), date(2026, 3, 11), code="22")
    stray = Paid(42, D("10.00"), D("10.00"), date(2026, 3, 11), code="22")

    second = return_file_receive(
        actor=admin_member, name="b.ret", content=_bradesco_file(account, [reversal, stray], 2)
    )

    assert second.report["counts"]["reversed"] == 1
    assert second.report["counts"]["not_found"] == 1
    assert _state(boleto) == (InvoiceStatus.OPEN, 0, None, 0, BoletoStatus.ISSUED)
    payment = Payment.objects.get(boleto=boleto)
    assert payment.undone_reason == "Título com pagamento cancelado (b.ret, linha 2)"


def test_a_large_file_is_applied_by_the_job_with_progress(
    organization, admin_member, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(settlement, "INLINE_LIMIT", 4)  # instead of 500 boletos to issue
    account = bank_account(organization, "237", agreement="4540691")
    paid = []
    for number in range(1, 7):
        boleto_for(organization, actor=admin_member, account=account, nosso_numero=number,
                   amount=D("10.00"), due_date=date(2026, 3, 10))  # fmt: skip
        paid.append(Paid(number, D("10.00"), D("10.00"), date(2026, 3, 10)))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        received = return_file_receive(
            actor=admin_member, name="big.ret", content=_bradesco_file(account, paid)
        )
    assert (received.status, received.total, Payment.objects.count()) == ("pending", 6, 0)
    assert len(callbacks) == 1
    callbacks[0]()  # the job (Celery runs eagerly in tests)

    received.refresh_from_db()
    assert (received.status, received.done) == (ReturnFileStatus.APPLIED, 6)
    assert received.report["counts"]["settled"] == 6
    assert received.settled_amount == D("60.00")
    assert ReturnFile.objects.count() == 1
