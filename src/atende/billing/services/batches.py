"""Batch emission (B5): one boleto of the same amount and due date for many customers.

The customers are fixed when the batch is created (those left out listed with the reason), then
a Celery job issues one invoice and boleto per customer, each in its own transaction: progress
shows as it goes, a crash loses at most the customer being issued, and a resumed run skips the
customers already done (the unique constraint (organization, batch, customer) on Invoice
guarantees one invoice each even if two workers meet). At the end one combined PDF is written
to a temporary file page by page and stored through the files app.

With `send_email`, each boleto is e-mailed to its customer (the reminders' `boleto_email_send`)
by one job queued when the batch becomes done — once, since only one run makes it done.
"""

import re
import tempfile
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import cast

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from atende.accounts.permissions import can, require
from atende.billing.errors import BillingError
from atende.billing.models import BankAccount, BatchStatus, Boleto, BoletoBatch, Invoice
from atende.billing.money import parse_money, require_date
from atende.billing.permissions import BillingPerm
from atende.billing.services.boletos import boleto_issue, write_boletos_pdf
from atende.billing.services.invoices import InvoiceInput, ItemInput, invoice_create
from atende.core.errors import DomainError, ErrorCode, ErrorCollector, InvalidFields
from atende.customers.models import Customer
from atende.customers.selectors import CustomerFilters, customer_filtered, visible_customers
from atende.files.access import register_download_rule
from atende.files.models import StoredFile
from atende.files.policies import MB, UploadPolicy, register_upload_policy
from atende.files.services import stored_file_create
from atende.files.validation import UploadedFileLike
from atende.tenancy.models import Member
from atende.tenancy.sequences import next_number

BATCH_PDF = "billing_batch_pdf"
# A boleto page is ~10 KB; 20 000 of them stay far below this.
register_upload_policy(UploadPolicy(BATCH_PDF, frozenset({"pdf"}), max_bytes=1024 * MB))

MAX_CUSTOMERS = 20_000
CHUNK = 500

SKIP_FLAG = "Marcado para não entrar na impressão de boletos em lote."
SKIP_INACTIVE = "Cliente inativo."
SKIP_NOT_FOUND = "Código não encontrado ou fora da sua carteira."
SKIP_GONE = "Cliente excluído depois da criação do lote."


def _may_download(member: Member, stored_file: StoredFile) -> bool:
    # The PDF prints every customer of the batch, and a batch is only made of customers its
    # creator could see; billing's view permission opens it, as the batch page does.
    return BoletoBatch.objects.filter(pdf=stored_file).exists() and can(member, BillingPerm.VIEW)


register_download_rule(BATCH_PDF, _may_download)


@dataclass
class BatchAudience:
    """Who gets a boleto (customer ids, in print order) and who is left out, with why."""

    customer_ids: list[int] = field(default_factory=list)
    skipped: list[dict[str, object]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.customer_ids)


CustomerChoice = CustomerFilters | QuerySet[Customer] | Sequence[int]


def parse_customer_numbers(text: str) -> list[int]:
    """Customer codes pasted one per line or separated by commas, spaces or semicolons."""
    numbers: list[int] = []
    bad: list[str] = []
    for token in re.split(r"[\s,;]+", text or ""):
        if not token:
            continue
        if token.isdigit() and len(token) <= 9:
            numbers.append(int(token))
        else:
            bad.append(token)
    if bad:
        shown = ", ".join(f"“{token[:20]}”" for token in bad[:5])
        more = f" e mais {len(bad) - 5}" if len(bad) > 5 else ""
        raise DomainError(
            f"Códigos de cliente inválidos: {shown}{more}. Use só números.",
            code=ErrorCode.INVALID,
            field="numbers",
        )
    return numbers


def batch_audience(*, actor: Member, customers: CustomerChoice) -> BatchAudience:
    """Who the batch would reach, read in one query: a customer-list filter (what the list shows
    the member), a queryset (narrowed to what the member sees) or pasted customer codes (a code
    the member may not see is reported exactly like a missing one)."""
    visible = visible_customers(actor)
    numbers: list[int] | None = None
    if isinstance(customers, CustomerFilters):
        chosen = customer_filtered(actor=actor, filters=customers)
    elif isinstance(customers, QuerySet):
        chosen = visible.filter(pk__in=customers.values("pk"))
    else:
        numbers = list(dict.fromkeys(int(number) for number in customers))
        chosen = visible.filter(number__in=numbers)
    rows = chosen.order_by("name_key", "pk").values_list(
        "pk", "number", "name", "is_active", "skip_batch_boleto_printing"
    )
    audience = BatchAudience()
    found: set[int] = set()
    for pk, number, name, is_active, skip_flag in rows.iterator(chunk_size=2000):
        found.add(number)
        reason = SKIP_FLAG if skip_flag else SKIP_INACTIVE if not is_active else ""
        if reason:
            audience.skipped.append({"number": number, "name": name, "reason": reason})
        else:
            audience.customer_ids.append(pk)
    for number in numbers or ():
        if number not in found:
            audience.skipped.append({"number": number, "name": "", "reason": SKIP_NOT_FOUND})
    return audience


@dataclass(frozen=True)
class BatchTerms:
    """What every invoice of the batch carries, as checked."""

    bank_account: BankAccount
    description: str
    amount: Decimal
    due_date: date


def _checked_terms(
    errors: ErrorCollector,
    bank_account: BankAccount | None,
    description: str,
    amount: object,
    due_date: object,
) -> BatchTerms | None:
    """The rules an invoice of the batch must pass, every refusal gathered in `errors`."""
    with errors.check():
        if bank_account is None:
            raise DomainError("Escolha a conta bancária.", field="bank_account")
        if not bank_account.is_active:
            raise DomainError("Esta conta bancária está inativa.", field="bank_account")
    text = (description or "").strip()
    with errors.check():
        if not text:
            raise DomainError("Informe a descrição.", code=ErrorCode.REQUIRED, field="description")
        if len(text) > 200:
            raise DomainError("A descrição tem no máximo 200 caracteres.", field="description")
    money = due = None
    with errors.check():
        money = parse_money(amount, field="amount", label="Valor", positive=True)
    with errors.check():
        due = require_date(due_date, field="due_date", label="Vencimento")
        if due < timezone.localdate():
            # The invoices are issued today: the invoice service refuses a due date before it.
            raise DomainError("O vencimento não pode ser antes de hoje.", field="due_date")
    if bank_account is None or money is None or due is None:
        return None
    return BatchTerms(bank_account, text, money, due)


def batch_check(
    *,
    actor: Member,
    bank_account: BankAccount | None,
    description: str,
    amount: object,
    due_date: object,
    customers_queryset_or_numbers: CustomerChoice,
) -> tuple[BatchTerms, BatchAudience]:
    """The terms as they will be stored and who gets a boleto (the preview step): every
    refusal at once (InvalidFields), one Portuguese message per problem."""
    require(actor, BillingPerm.ADD)
    errors = ErrorCollector()
    terms = _checked_terms(errors, bank_account, description, amount, due_date)
    audience = BatchAudience()
    with errors.check():
        audience = batch_audience(actor=actor, customers=customers_queryset_or_numbers)
        if not audience.count:
            raise DomainError(
                "Nenhum cliente desta lista pode receber boleto.",
                code=ErrorCode.INVALID,
                field="customers",
            )
        if audience.count > MAX_CUSTOMERS:
            raise DomainError(
                f"No máximo {MAX_CUSTOMERS} clientes por lote; filtre a lista.",
                code=ErrorCode.INVALID,
                field="customers",
            )
    errors.raise_any()
    assert terms is not None  # noqa: S101 (no refusal means every term was read)
    return terms, audience


def batch_create(
    *,
    actor: Member,
    bank_account: BankAccount | None,
    description: str,
    amount: object,
    due_date: date | None,
    customers_queryset_or_numbers: CustomerChoice,
    send_email: bool = False,
    idempotency_key: uuid.UUID | str | None = None,
) -> BoletoBatch:
    """Fix the customers of a new batch and queue its issue; the same key gives the same batch."""
    require(actor, BillingPerm.ADD)
    key = _key(idempotency_key)
    if key is not None and (existing := BoletoBatch.objects.filter(idempotency_key=key).first()):
        return existing
    terms, audience = batch_check(
        actor=actor,
        bank_account=bank_account,
        description=description,
        amount=amount,
        due_date=due_date,
        customers_queryset_or_numbers=customers_queryset_or_numbers,
    )
    try:
        with transaction.atomic():
            batch = BoletoBatch.objects.create(
                number=next_number("boleto_batch"),
                idempotency_key=key or uuid.uuid4(),
                bank_account=terms.bank_account,
                description=terms.description,
                amount=terms.amount,
                due_date=terms.due_date,
                customer_ids=audience.customer_ids,
                skipped=audience.skipped,
                send_email=send_email,
                total=audience.count,
                created_by=actor,
            )
            _enqueue(batch)
    except IntegrityError:
        # The same form posted twice at the same instant: the other post made the batch.
        existing = BoletoBatch.objects.filter(idempotency_key=key).first() if key else None
        if existing is None:
            raise
        return existing
    return batch


def _key(value: uuid.UUID | str | None) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise DomainError(
            "Formulário expirado: abra o lote novamente.", field="idempotency_key"
        ) from None


def _enqueue(batch: BoletoBatch) -> None:
    from atende.billing.tasks_batch import batch_run_task

    batch_run_task.delay_on_commit(batch.organization_id, batch.pk)


def batch_resume(*, actor: Member, batch: BoletoBatch) -> BoletoBatch:
    """Queue a stopped batch again; what was issued stays, the rest is issued."""
    require(actor, BillingPerm.ADD)
    with transaction.atomic():
        batch = BoletoBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status == BatchStatus.DONE:
            raise DomainError("Este lote já foi concluído.", code=BillingError.NOT_OPEN)
        batch.status, batch.error = BatchStatus.PENDING, ""
        batch.save(update_fields=["status", "error"])
        _enqueue(batch)
    return batch


def _problem(error: DomainError) -> str:
    if isinstance(error, InvalidFields):
        return " ".join(message for messages in error.errors.values() for message in messages)
    return error.message


def _stop(batch: BoletoBatch, message: str) -> BoletoBatch:
    _sign(batch)
    BoletoBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.FAILED, error=message[:2000], finished_at=timezone.now()
    )
    batch.refresh_from_db()
    return batch


def _sign(batch: BoletoBatch) -> None:
    """The invoices and boletos of the batch are the creator's (issued with actor None so each
    customer costs no permission query: the creator's right was checked when it was made)."""
    if batch.created_by_id is None:
        return
    Invoice.objects.filter(batch=batch, created_by=None).update(created_by=batch.created_by_id)
    Boleto.objects.filter(invoice__batch=batch, created_by=None).update(
        created_by=batch.created_by_id
    )


def batch_run(*, batch: BoletoBatch) -> BoletoBatch:
    """Issue every customer not done yet, then the combined PDF; a refusal stops the batch
    (FAILED, with the message) and a later run resumes where it stopped."""
    with transaction.atomic():
        batch = (
            BoletoBatch.objects.select_for_update().select_related("bank_account").get(pk=batch.pk)
        )
        if batch.status == BatchStatus.DONE:
            return batch  # a redelivered task
        done_ids = set(Invoice.objects.filter(batch=batch).values_list("customer_id", flat=True))
        batch.status, batch.error, batch.finished_at = BatchStatus.RUNNING, "", None
        batch.done = len(done_ids)
        batch.save(update_fields=["status", "error", "finished_at", "done"])
    account = batch.bank_account
    creator = cast("Member | None", batch.created_by)
    if creator is not None and not can(creator, BillingPerm.ADD):
        return _stop(batch, "Quem criou o lote não tem mais permissão para emitir boletos.")
    if not account.is_active:
        return _stop(batch, "A conta bancária do lote está inativa.")
    data = InvoiceInput(
        description=batch.description,
        due_date=batch.due_date,
        items=[ItemInput(batch.description, 1, batch.amount)],
        bank_account=account,
    )
    pending = [pk for pk in batch.customer_ids if pk not in done_ids]
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start : start + CHUNK]
        customers = Customer.objects.in_bulk(chunk)
        for pk in chunk:
            customer = customers.get(pk)
            if customer is None:
                _left_out(batch, pk)
                continue
            try:
                _issue_one(batch, customer, data)
            except DomainError as refused:
                return _stop(batch, f"Cliente {customer.number} – {customer.name}: "
                             f"{_problem(refused)}")  # fmt: skip
            except Exception as failure:
                if isinstance(failure, IntegrityError) and _is_done(batch, customer):
                    continue  # another worker issued this customer a moment ago
                _stop(batch, f"Erro inesperado no cliente {customer.number} – {customer.name}; "
                      "o que já foi emitido está salvo. Tente retomar o lote.")  # fmt: skip
                raise
    return _finish(batch)


def _is_done(batch: BoletoBatch, customer: Customer) -> bool:
    return Invoice.objects.filter(batch=batch, customer=customer).exists()


def _issue_one(batch: BoletoBatch, customer: Customer, data: InvoiceInput) -> None:
    with transaction.atomic():
        invoice = invoice_create(actor=None, customer=customer, data=data, batch=batch)
        boleto_issue(actor=None, invoice=invoice)
        BoletoBatch.objects.filter(pk=batch.pk).update(done=F("done") + 1)


def _left_out(batch: BoletoBatch, customer_id: int) -> None:
    with transaction.atomic():
        batch = BoletoBatch.objects.select_for_update().get(pk=batch.pk)
        batch.customer_ids = [pk for pk in batch.customer_ids if pk != customer_id]
        batch.skipped = [*batch.skipped, {"number": None, "name": "", "reason": SKIP_GONE}]
        batch.total = len(batch.customer_ids)
        batch.save(update_fields=["customer_ids", "skipped", "total"])


def batch_boletos(batch: BoletoBatch) -> QuerySet[Boleto]:
    """The batch's boletos in print order, with what a page needs (one query per chunk)."""
    return (
        Boleto.objects.filter(invoice__batch=batch)
        .select_related("invoice__customer", "bank_account")
        .order_by("number")
    )


def _enqueue_emails(batch: BoletoBatch) -> None:
    from atende.billing.tasks_batch import batch_email_task

    organization_id, batch_id = batch.organization_id, batch.pk
    transaction.on_commit(lambda: batch_email_task.delay(organization_id, batch_id))


def _finish(batch: BoletoBatch) -> BoletoBatch:
    _sign(batch)
    boletos: Iterable[Boleto] = batch_boletos(batch).iterator(chunk_size=CHUNK)
    name = f"boletos-lote-{batch.number}.pdf"
    try:
        with tempfile.TemporaryFile(suffix=".pdf") as output:
            write_boletos_pdf(boletos, output)
            output.seek(0)
            with transaction.atomic():
                stored = stored_file_create(
                    actor=None,
                    uploaded_file=cast("UploadedFileLike", File(output, name=name)),
                    use=BATCH_PDF,
                )
                finished = (
                    BoletoBatch.objects.filter(pk=batch.pk)
                    .exclude(status=BatchStatus.DONE)
                    .update(pdf=stored, status=BatchStatus.DONE, finished_at=timezone.now())
                )
                if finished and batch.send_email:
                    _enqueue_emails(batch)
    except DomainError as refused:
        return _stop(batch, f"PDF dos boletos: {_problem(refused)}")
    batch.refresh_from_db()
    return batch
