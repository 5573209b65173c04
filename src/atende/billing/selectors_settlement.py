"""Reads for settlement (B4): return files and their report, boletos found by what a person
types (number, nosso número, linha digitável, barcode), and payments to undo. Boletos and
payments follow their invoice's customer record rules; another's is the same as a missing one."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.http import Http404

from atende.accounts.permissions import can, require
from atende.banking.errors import BankingError
from atende.banking.linha import ParsedCode, parse_code
from atende.billing.models import Boleto, Payment, ReturnFile
from atende.billing.money import ZERO
from atende.billing.permissions import BillingPerm
from atende.billing.services.payments import owed_on
from atende.billing.services.settlement import OUTCOME_LABELS, return_file_progress
from atende.customers.models import Customer
from atende.customers.permissions import customers_visible_to
from atende.tenancy.models import Member

SEPARATORS = re.compile(r"[\s.\-/]")
MAX_BIGINT = 2**63 - 1
SEARCH_LIMIT = 20
REPORT_ROWS_SHOWN = 500


def _visible_customers(member: Member) -> QuerySet[Customer] | None:
    """None: no record rule narrows this member (every customer)."""
    if member.is_admin:
        return None
    customers = Customer.objects.all()
    restricted = customers_visible_to(member, customers)
    return None if restricted is customers else restricted


def visible_boletos(member: Member) -> QuerySet[Boleto]:
    if not can(member, BillingPerm.VIEW):
        return Boleto.objects.none()
    customers = _visible_customers(member)
    boletos = Boleto.objects.all()
    return boletos if customers is None else boletos.filter(invoice__customer__in=customers)


def visible_payments(member: Member) -> QuerySet[Payment]:
    if not can(member, BillingPerm.VIEW):
        return Payment.objects.none()
    customers = _visible_customers(member)
    payments = Payment.objects.all()
    return payments if customers is None else payments.filter(invoice__customer__in=customers)


def return_file_list(*, actor: Member) -> QuerySet[ReturnFile]:
    require(actor, BillingPerm.VIEW)
    return (
        ReturnFile.objects.select_related("uploaded_by__user")
        .defer("content", "report")
        .order_by("-uploaded_at", "-pk")
    )


def return_file_get(*, actor: Member, pk: int) -> ReturnFile:
    require(actor, BillingPerm.VIEW)
    found = (
        ReturnFile.objects.select_related("uploaded_by__user")
        .defer("content")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404("Arquivo de retorno não encontrado")
    return found


@dataclass(frozen=True)
class ReportView:
    """The stored report shaped for the page: totals per outcome and the rows shown."""

    totals: list[dict[str, object]]
    rows: list[dict[str, object]]
    hidden: int
    done: int
    percent: int


def return_file_report(*, return_file: ReturnFile, outcome: str = "") -> ReportView:
    report = return_file.report or {}
    counts = report.get("counts", {})
    amounts = report.get("amounts", {})
    totals = [
        {"outcome": key, "label": label, "count": counts.get(key, 0),
         "amount": Decimal(amounts.get(key, "0"))}
        for key, label in OUTCOME_LABELS.items()
    ]  # fmt: skip
    rows = [
        {**row, "label": OUTCOME_LABELS.get(str(row["outcome"]), row["outcome"]),
         "amount_paid": Decimal(str(row["amount_paid"])),
         "date": date.fromisoformat(str(row["date"])) if row.get("date") else None}
        for row in report.get("rows", [])
        if not outcome or row["outcome"] == outcome
    ]  # fmt: skip
    done = return_file_progress(return_file)
    percent = int(done * 100 / return_file.total) if return_file.total else 100
    shown = rows[:REPORT_ROWS_SHOWN]
    return ReportView(totals, shown, len(rows) - len(shown), done, percent)


@dataclass
class BoletoSearch:
    """What a typed text found: the boletos, the code read from it, and its wrong digits."""

    text: str = ""
    boletos: list[Boleto] = field(default_factory=list)
    code: ParsedCode | None = None
    problems: list[str] = field(default_factory=list)


def _wrong_digits(code: ParsedCode) -> list[str]:
    checks = (*code.field_dvs, code.general_dv)
    return [
        f"{check.name}: foi digitado o dígito verificador {check.typed}, o certo seria "
        f"{check.expected}; confira os números desse campo."
        for check in checks
        if not check.is_valid
    ]


def boleto_search(*, actor: Member, text: str) -> BoletoSearch:
    """Boletos by boleto number, nosso número (as printed or the bare number) or a typed
    linha digitável/barcode; a code with a wrong check digit finds nothing and says which."""
    text = (text or "").strip()[:80]
    search = BoletoSearch(text=text)
    digits = SEPARATORS.sub("", text)
    if not digits:
        return search
    boletos = visible_boletos(actor).select_related("invoice__customer", "bank_account")
    if digits.isdigit() and len(digits) in (44, 47):
        try:
            search.code = parse_code(text)
        except BankingError as refused:
            search.problems = [refused.message]
            return search
        search.problems = _wrong_digits(search.code)
        if search.problems:
            return search
        query = Q(barcode=search.code.barcode)
    else:
        query = Q(nosso_numero_printed__iexact=text)
        if digits.isdigit() and int(digits) <= MAX_BIGINT:
            query |= Q(nosso_numero=int(digits)) | Q(number=int(digits))
    search.boletos = list(boletos.filter(query).order_by("-pk")[:SEARCH_LIMIT])
    return search


def boleto_for_settlement(*, actor: Member, number: int) -> Boleto:
    """A visible boleto by its number, with what settling it needs."""
    found = (
        visible_boletos(actor)
        .select_related("invoice__customer", "bank_account")
        .filter(number=number)
        .first()
    )
    if found is None:
        raise Http404("Boleto não encontrado")
    return found


def owed_now(boleto: Boleto, paid_on: date) -> Decimal:
    """What is still owed on the boleto's invoice if paid on `paid_on`."""
    invoice = boleto.invoice
    return max(owed_on(invoice, paid_on) - invoice.paid_amount, ZERO)


def boleto_payments(*, boleto: Boleto) -> list[Payment]:
    return list(
        Payment.objects.filter(invoice_id=boleto.invoice_id)
        .select_related("created_by__user", "undone_by__user", "return_file")
        .order_by("-paid_on", "-pk")
    )


def payment_get(*, actor: Member, pk: int) -> Payment:
    found = (
        visible_payments(actor)
        .select_related("invoice__customer", "boleto", "created_by__user")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404("Pagamento não encontrado")
    return found
