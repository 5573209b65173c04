"""Bank return files (B4): receive one (size, fingerprint, the banking core's all-or-nothing
parse, the organization's bank account from the header), then apply it in one transaction:
every paid título settles its boleto's invoice once, whatever file or worker brings it again.

Why each occurrence cannot settle twice: the invoice row is locked before anything is read
about it, and each payment carries `occurrence_key` (bank, agreement, nosso número, code, date
and amount paid), unique per organization. Occurrences are applied in invoice order, so two
files applied at the same instant take their row locks in the same order (no deadlock)."""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import cast

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from atende.accounts.permissions import require
from atende.banking.cnab import CnabError, Occurrence, OccurrenceKind, ReturnHeader, parse_return
from atende.banking.cnab import ReturnFile as BankReturnFile
from atende.billing.errors import BillingError
from atende.billing.models import (
    BankAccount,
    Boleto,
    Invoice,
    InvoiceStatus,
    Payment,
    PaymentSource,
    ReturnFile,
    ReturnFileStatus,
)
from atende.billing.money import ZERO
from atende.billing.permissions import BillingPerm
from atende.billing.services.payments import owed_on, payment_add, payment_revert
from atende.core.errors import DomainError, ErrorCode
from atende.tenancy.models import Member

MAX_FILE_BYTES = 10 * 1024 * 1024  # 10 000 títulos in CNAB 240 are about 5 MB
INLINE_LIMIT = 500  # more occurrences than this are applied by a background job
CHUNK = 500  # boletos looked up per query (SQLite's parameter limit is far above)
PROGRESS_EVERY = 50


class Outcome:
    """What happened to one occurrence (the report's categories)."""

    SETTLED = "settled"
    PARTIAL = "partial"  # paid less than owed: "pago parcial"
    OVERPAID = "overpaid"  # paid more than owed: settled, the excess is credit
    ALREADY_SETTLED = "already_settled"
    NOT_FOUND = "not_found"
    REFUSED = "refused"  # the invoice is cancelled
    REJECTED = "rejected"  # the bank refused an entry or an instruction
    REVERSED = "reversed"
    REVERSAL_UNMATCHED = "reversal_unmatched"
    OTHER = "other"  # entry confirmed, fees, write-offs, informational


OUTCOME_LABELS = {
    Outcome.SETTLED: "Baixado",
    Outcome.PARTIAL: "Pago parcial",
    Outcome.OVERPAID: "Pago a maior (crédito)",
    Outcome.ALREADY_SETTLED: "Já baixado",
    Outcome.NOT_FOUND: "Não encontrado",
    Outcome.REFUSED: "Recusado",
    Outcome.REJECTED: "Rejeitado pelo banco",
    Outcome.REVERSED: "Estornado",
    Outcome.REVERSAL_UNMATCHED: "Estorno sem pagamento",
    Outcome.OTHER: "Outras ocorrências",
}
# The outcomes whose amount was recorded as a payment.
PAID_OUTCOMES = (Outcome.SETTLED, Outcome.PARTIAL, Outcome.OVERPAID)


def _digits(text: str) -> str:
    return "".join(char for char in (text or "") if char.isdigit()).lstrip("0")


def bank_account_for(header: ReturnHeader) -> BankAccount:
    """The organization's account the file belongs to: same bank, and the same convênio
    (código do beneficiário/empresa) or the same agência and conta; else refused."""
    agreement = _digits(header.agreement)
    agency, account = _digits(header.agency), _digits(header.account)
    by_agreement, by_account = [], []
    for candidate in BankAccount.objects.filter(bank=header.bank).order_by("pk"):
        codes = {
            _digits(candidate.agreement),
            _digits(candidate.agreement + candidate.agreement_digit),
        }
        if agreement and agreement in codes - {""}:
            by_agreement.append(candidate)
        numbers = {_digits(candidate.account), _digits(candidate.account + candidate.account_digit)}
        if agency and account and agency == _digits(candidate.agency) and account in numbers - {""}:
            by_account.append(candidate)
    found = by_agreement or by_account
    if not found:
        code = header.agreement.strip() or f"agência {header.agency} conta {header.account}"
        raise DomainError(
            f"Este arquivo é do banco {header.bank} ({code}), que não corresponde a nenhuma "
            "conta bancária cadastrada. Confira o convênio ou a agência e conta em "
            "Configurações → Contas bancárias.",
            code=BillingError.NO_BANK_ACCOUNT,
            field="file",
        )
    return found[0]


def _who(member: Member | None) -> str:
    return str(member.user) if member is not None else "um processo automático"


def _duplicate_message(existing: ReturnFile) -> str:
    when = timezone.localtime(existing.uploaded_at).strftime("%d/%m/%Y")
    who = _who(cast("Member | None", existing.uploaded_by))
    if existing.status == ReturnFileStatus.FAILED:
        return f"Este arquivo já foi enviado em {when} por {who} e foi recusado: {existing.error}"
    return f"Este arquivo já foi processado em {when} por {who}."


def return_file_parse(content: bytes) -> BankReturnFile:
    """The banking core's reading of the file, or one DomainError naming the line and reason."""
    try:
        return parse_return(content, max_bytes=MAX_FILE_BYTES)
    except CnabError as damaged:
        where = f"linha {damaged.line}: " if damaged.line else ""
        raise DomainError(
            f"Arquivo recusado por inteiro, nada foi alterado ({where}{damaged.reason}).",
            code=BillingError.DAMAGED_FILE,
            field="file",
        ) from damaged


def return_file_receive(*, actor: Member, name: str, content: bytes) -> ReturnFile:
    """Store a bank return file that is sound, new and ours, then apply it (inline when small,
    by a background job when large)."""
    require(actor, BillingPerm.CHANGE)
    if not content:
        raise DomainError("O arquivo está vazio.", code=ErrorCode.REQUIRED, field="file")
    if len(content) > MAX_FILE_BYTES:
        size = f"{len(content) / (1024 * 1024):.1f}".replace(".", ",")
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise DomainError(
            f"O arquivo tem {size} MB; o limite é {limit} MB.",
            code=ErrorCode.TOO_LONG,
            field="file",
        )
    fingerprint = hashlib.sha256(content).hexdigest()
    existing = ReturnFile.objects.select_related("uploaded_by__user").filter(sha256=fingerprint)
    if (previous := existing.first()) is not None:
        raise DomainError(
            _duplicate_message(previous), code=BillingError.DUPLICATE_FILE, field="file"
        )
    parsed = return_file_parse(content)
    account = bank_account_for(parsed.header)
    # One transaction: a file whose application fails is not kept (it may be sent again).
    with transaction.atomic():
        try:
            with transaction.atomic():
                received = ReturnFile.objects.create(
                    name=(name or "retorno.ret")[:255],
                    sha256=fingerprint,
                    size=len(content),
                    content=content,
                    bank=parsed.header.bank,
                    layout=parsed.layout,
                    total=len(parsed.occurrences),
                    report={"account": {"id": account.pk, "name": str(account)}},
                    uploaded_by=actor,
                )
        except IntegrityError:  # the same file sent at the same instant by someone else
            previous = existing.first()
            message = _duplicate_message(previous) if previous else "Este arquivo já foi enviado."
            raise DomainError(message, code=BillingError.DUPLICATE_FILE, field="file") from None
        if received.total > INLINE_LIMIT:
            from atende.billing.tasks_settlement import return_file_apply_task

            return_file_apply_task.delay_on_commit(received.organization_id, received.pk)
            return received
        return return_file_apply(received)


def progress_key(return_file_id: int) -> str:
    return f"billing:return-file:{return_file_id}:done"


def return_file_progress(return_file: ReturnFile) -> int:
    """How many occurrences are applied: the job's live count while it runs (its
    transaction commits only at the end), the stored one after."""
    if return_file.status == ReturnFileStatus.RUNNING:
        return min(int(cache.get(progress_key(return_file.pk)) or 0), return_file.total)
    return return_file.done


def return_file_mark_running(return_file: ReturnFile) -> bool:
    """Show the file as being applied; False when it is already applied (a redelivery)."""
    with transaction.atomic():
        locked = ReturnFile.objects.select_for_update().get(pk=return_file.pk)
        if locked.status == ReturnFileStatus.APPLIED:
            return False
        locked.status = ReturnFileStatus.RUNNING
        locked.save(update_fields=["status"])
    cache.set(progress_key(return_file.pk), 0, 24 * 3600)
    return True


def return_file_mark_failed(return_file: ReturnFile, error: str) -> None:
    ReturnFile.objects.filter(pk=return_file.pk).exclude(status=ReturnFileStatus.APPLIED).update(
        status=ReturnFileStatus.FAILED, error=error[:2000], finished_at=timezone.now()
    )


def return_file_apply(return_file: ReturnFile) -> ReturnFile:
    """Apply every occurrence of a received file in one transaction and store the report;
    a file already applied is returned as it is (jobs may be delivered twice)."""
    with transaction.atomic():
        locked = ReturnFile.objects.select_for_update().get(pk=return_file.pk)
        if locked.status == ReturnFileStatus.APPLIED:
            return locked
        parsed = return_file_parse(bytes(locked.content))
        account = bank_account_for(parsed.header)
        run = _Application(return_file=locked, account=account, parsed=parsed)
        run.apply_all()
        locked.status = ReturnFileStatus.APPLIED
        locked.total = len(parsed.occurrences)
        locked.done = locked.total
        locked.settled_amount = run.settled_amount
        locked.report = run.report()
        locked.error = ""
        locked.finished_at = timezone.now()
        locked.save()
    cache.delete(progress_key(locked.pk))
    return locked


def occurrence_key(header: ReturnHeader, occurrence: Occurrence) -> str:
    """The bank's occurrence, the same in whichever file it comes again."""
    paid_on = occurrence.payment_date or occurrence.occurrence_date
    parts = (
        header.bank,
        _digits(header.agreement),
        occurrence.nosso_numero_printed or occurrence.nosso_numero,
        occurrence.code,
        paid_on.isoformat() if paid_on else "",
        f"{occurrence.amount_paid:.2f}",
    )
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


@dataclass
class _Application:
    return_file: ReturnFile
    account: BankAccount
    parsed: BankReturnFile
    rows: list[dict[str, object]] = field(default_factory=list)
    settled_amount: Decimal = ZERO
    known_keys: set[str] = field(default_factory=set)

    @property
    def uploader(self) -> Member | None:
        return cast("Member | None", self.return_file.uploaded_by)

    def boletos(self) -> dict[str, Boleto]:
        """The account's boletos named by the file, by printed nosso número and by number."""
        wanted = [o for o in self.parsed.occurrences if o.is_payment or o.is_reversal]
        printed = sorted({o.nosso_numero_printed for o in wanted if o.nosso_numero_printed})
        numbers = sorted(
            {
                int(o.nosso_numero)
                for o in wanted
                if not o.nosso_numero_printed
                and o.nosso_numero.isdigit()
                and len(o.nosso_numero) < 19
            }
        )
        found: dict[str, Boleto] = {}
        for start in range(0, max(len(printed), len(numbers)), CHUNK):
            query = Q(nosso_numero_printed__in=printed[start : start + CHUNK]) | Q(
                nosso_numero__in=numbers[start : start + CHUNK]
            )
            for boleto in Boleto.objects.filter(query, bank_account=self.account).select_related(
                "invoice"
            ):
                found[f"p:{boleto.nosso_numero_printed}"] = boleto
                found[f"n:{boleto.nosso_numero}"] = boleto
        return found

    def settled_keys(self) -> set[str]:
        """The occurrence keys of this file already recorded (read once, in chunks)."""
        header = self.parsed.header
        keys = sorted({occurrence_key(header, o) for o in self.parsed.occurrences if o.is_payment})
        known: set[str] = set()
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            found = Payment.objects.filter(occurrence_key__in=chunk)
            known.update(found.values_list("occurrence_key", flat=True))
        return known

    def apply_all(self) -> None:
        boletos = self.boletos()
        self.known_keys = self.settled_keys()

        def match(occurrence: Occurrence) -> Boleto | None:
            # The printed form carries the carteira (and the DV): a bare number could name
            # another carteira's título, so it is used only when the bank gives no printed one.
            if occurrence.nosso_numero_printed:
                return boletos.get(f"p:{occurrence.nosso_numero_printed}")
            if not occurrence.nosso_numero.isdigit():
                return None
            return boletos.get(f"n:{int(occurrence.nosso_numero)}")

        matched = [(match(o), o) for o in self.parsed.occurrences]
        # Invoice order: two files applied at once lock their invoices in the same order.
        matched.sort(key=lambda pair: (pair[0].invoice_id if pair[0] else 0, pair[1].line))
        key = progress_key(self.return_file.pk)
        for done, (boleto, occurrence) in enumerate(matched, start=1):
            outcome, message, extra = self.apply_one(boleto, occurrence)
            self.rows.append(_row(occurrence, boleto, outcome, message, **extra))
            if done % PROGRESS_EVERY == 0:
                cache.set(key, done, 24 * 3600)
        self.rows.sort(key=lambda row: row["line"])  # type: ignore[arg-type,return-value]

    def apply_one(
        self, boleto: Boleto | None, occurrence: Occurrence
    ) -> tuple[str, str, dict[str, object]]:
        if occurrence.kind is OccurrenceKind.REJECTED:
            reasons = ", ".join(occurrence.reasons)
            return Outcome.REJECTED, f"{occurrence.meaning}{f' ({reasons})' if reasons else ''}", {}
        if occurrence.is_reversal:
            return self.reverse(boleto, occurrence)
        if not occurrence.is_payment:
            return Outcome.OTHER, occurrence.meaning, {}
        if boleto is None:
            return Outcome.NOT_FOUND, "Nenhum boleto com este nosso número nesta conta.", {}
        return self.settle(boleto, occurrence)

    def settle(self, boleto: Boleto, occurrence: Occurrence) -> tuple[str, str, dict[str, object]]:
        key = occurrence_key(self.parsed.header, occurrence)
        paid_on = occurrence.payment_date or occurrence.occurrence_date
        if paid_on is None:
            return Outcome.OTHER, "Pagamento sem data no arquivo: não baixado.", {}
        if key in self.known_keys:
            return Outcome.ALREADY_SETTLED, "Esta ocorrência já foi baixada por outro arquivo.", {}
        self.known_keys.add(key)  # the same occurrence twice in this file: the second is known
        invoice = Invoice.objects.select_for_update().get(pk=boleto.invoice_id)
        if invoice.status == InvoiceStatus.CANCELLED:
            return Outcome.REFUSED, "Título cancelado: o pagamento não foi baixado.", {}
        if invoice.status == InvoiceStatus.PAID:
            when = f" em {invoice.paid_on:%d/%m/%Y}" if invoice.paid_on else ""
            return Outcome.ALREADY_SETTLED, f"O título já estava pago{when}.", {}
        # A key settled since `known_keys` was read (another file, at the same instant) is
        # refused by the unique constraint: the savepoint below turns it into "já baixado".
        try:
            with transaction.atomic():
                payment_add(
                    invoice=invoice,
                    recorded_by=self.uploader,
                    amount_paid=occurrence.amount_paid,
                    paid_on=paid_on,
                    credited_on=occurrence.credit_date,
                    fees=occurrence.fees,
                    interest=occurrence.interest + occurrence.fine,
                    discount=occurrence.discount,
                    source=PaymentSource.RETURN_FILE,
                    boleto=boleto,
                    return_file=self.return_file,
                    occurrence_key=key,
                    note=f"{self.return_file.name}, linha {occurrence.line}",
                )
        except IntegrityError:
            return Outcome.ALREADY_SETTLED, "Esta ocorrência já foi baixada por outro arquivo.", {}
        except DomainError as refused:
            return Outcome.REFUSED, refused.message, {}
        self.settled_amount += occurrence.amount_paid
        extra: dict[str, object] = {"invoice": invoice.number}
        if invoice.status == InvoiceStatus.PARTIALLY_PAID:
            missing = owed_on(invoice, paid_on) - invoice.paid_amount
            return Outcome.PARTIAL, f"Pago parcial: faltam R$ {missing:.2f}.", extra
        if invoice.credit > 0:
            return Outcome.OVERPAID, f"Pago a maior: R$ {invoice.credit:.2f} de crédito.", extra
        return Outcome.SETTLED, "Baixado.", extra

    def reverse(
        self, boleto: Boleto | None, occurrence: Occurrence
    ) -> tuple[str, str, dict[str, object]]:
        if boleto is None:
            return Outcome.NOT_FOUND, "Estorno de um boleto que não está nesta conta.", {}
        payments = Payment.objects.filter(
            boleto=boleto, undone_at__isnull=True, source=PaymentSource.RETURN_FILE
        ).order_by("-paid_on", "-pk")
        if occurrence.amount_paid:
            payments = payments.filter(amount_paid=occurrence.amount_paid) or payments
        payment = payments.first()
        if payment is None:
            return Outcome.REVERSAL_UNMATCHED, "Estorno sem pagamento baixado a desfazer.", {}
        reason = f"{occurrence.meaning} ({self.return_file.name}, linha {occurrence.line})"
        payment_revert(payment=payment, undone_by=self.uploader, reason=reason)
        return Outcome.REVERSED, f"Pagamento de {payment.paid_on:%d/%m/%Y} desfeito.", {}

    def report(self) -> dict[str, object]:
        counts = dict.fromkeys(OUTCOME_LABELS, 0)
        amounts = dict.fromkeys(OUTCOME_LABELS, ZERO)
        for row in self.rows:
            outcome = str(row["outcome"])
            counts[outcome] += 1
            amounts[outcome] += Decimal(str(row["amount_paid"]))
        header = self.parsed.header
        return {
            "account": {"id": self.account.pk, "name": str(self.account)},
            "header": {
                "bank": header.bank,
                "bank_name": header.bank_name,
                "layout": self.parsed.layout,
                "company": header.company_name,
                "file_date": header.file_date.isoformat() if header.file_date else "",
                "sequence": header.file_sequence,
            },
            "counts": counts,
            "amounts": {outcome: f"{amount:.2f}" for outcome, amount in amounts.items()},
            "settled_count": sum(counts[o] for o in PAID_OUTCOMES),
            "settled_amount": f"{self.settled_amount:.2f}",
            "rows": self.rows,
        }


def _row(
    occurrence: Occurrence, boleto: Boleto | None, outcome: str, message: str, **extra: object
) -> dict[str, object]:
    paid_on = occurrence.payment_date or occurrence.occurrence_date
    return {
        "line": occurrence.line,
        "code": occurrence.code,
        "meaning": occurrence.meaning,
        "nosso_numero": occurrence.nosso_numero_printed or occurrence.nosso_numero,
        "amount": f"{occurrence.amount:.2f}",
        "amount_paid": f"{occurrence.amount_paid:.2f}",
        "date": paid_on.isoformat() if paid_on else "",
        "boleto": boleto.number if boleto else None,
        "invoice": extra.get("invoice", boleto.invoice.number if boleto else None),
        "outcome": outcome,
        "message": message,
    }
