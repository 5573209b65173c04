"""The settlement routes for the walkers: a return file, a payment to undo, bodies that
settle (the administrator's request must do its work)."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from atende.billing.models import PaymentSource
from atende.billing.permissions import BillingPerm
from atende.billing.sample_return import Paid, bradesco_400_return
from atende.billing.services.payments import payment_record
from atende.billing.services.settlement import return_file_receive
from atende.billing.tests.factories import bank_account, issued_boleto
from atende.tenancy.models import Member
from atende.tenancy.testing import isolation_factory, route_access

AGREEMENT = "4466911"


def _admin(organization) -> Member:
    from atende.accounts.tests.factories import MemberFactory

    return MemberFactory(organization=organization, is_admin=True)


def _return_content(organization, admin: Member) -> bytes:
    account = bank_account(organization, "237", agreement=AGREEMENT)
    boleto = issued_boleto(organization, actor=admin, account=account)
    paid = Paid(boleto.nosso_numero, boleto.amount, boleto.amount, date(2026, 1, 5))
    return bradesco_400_return(
        agreement=AGREEMENT, wallet=account.wallet, agency=account.agency,
        account=account.account, account_digit=account.account_digit,
        occurrences=[paid], file_date=date(2026, 1, 5),
    )  # fmt: skip


@isolation_factory("billing:return_file")
def return_file(organization):
    admin = _admin(organization)
    received = return_file_receive(
        actor=admin, name="CB0501.RET", content=_return_content(organization, admin)
    )
    return {"pk": received.pk}


@isolation_factory("billing:payment_undo")
def payment(organization):
    admin = _admin(organization)
    boleto = issued_boleto(organization, actor=admin)
    made = payment_record(
        actor=admin, invoice=boleto.invoice, boleto=boleto, amount_paid=boleto.amount,
        paid_on=boleto.due_date.replace(year=2026, month=1, day=5), source=PaymentSource.MANUAL,
    )  # fmt: skip
    return {"pk": made.pk}


def _upload(organization, kwargs) -> dict:
    content = _return_content(organization, _admin(organization))
    return {"file": SimpleUploadedFile("CB0601.RET", content)}


def _settle(organization, kwargs) -> dict:
    boleto = issued_boleto(organization, actor=_admin(organization))
    return {"boleto": boleto.number, "paid_on": "05/01/2026", "amount_paid": "150,00"}


route_access("billing:return_files", "billing:return_file", needs=BillingPerm.VIEW)
route_access("billing:return_file_upload", needs=BillingPerm.CHANGE, body=_upload)
route_access("billing:manual_settle", needs=BillingPerm.CHANGE, body=_settle)
route_access("billing:payment_undo", needs=BillingPerm.CHANGE, body={"reason": "Cheque devolvido"})
