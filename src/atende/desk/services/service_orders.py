"""Issue and change service orders (D8); set the logo printed on them.

Totals are computed here, never trusted from the caller: every line is quantity × unit price
rounded to cents, labour is hours × rate rounded to cents, and the order and its items are
written in one transaction.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from atende.accounts.permissions import require
from atende.core.errors import DomainError, InvalidFields
from atende.core.validation import validate_model_fields
from atende.desk.errors import DeskError
from atende.desk.files import ORGANIZATION_LOGO
from atende.desk.models import (
    ItemKind,
    ServiceOrder,
    ServiceOrderItem,
    ServiceOrderSettings,
    ServiceOrderStatus,
    Ticket,
    TimelineEntry,
)
from atende.desk.permissions import DeskPerm
from atende.files.services import stored_file_create, stored_file_delete
from atende.tenancy.models import Member
from atende.tenancy.sequences import next_number

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_ITEMS = 50
MAX_MONEY = Decimal("999999999999.99")  # DecimalField(max_digits=14, decimal_places=2)
MAX_QUANTITY = Decimal("999999.999")
MAX_HOURS = Decimal("9999.99")


@dataclass(frozen=True)
class ItemInput:
    description: str
    quantity: Decimal
    unit_price: Decimal
    kind: str = ItemKind.SERVICE


@dataclass(frozen=True)
class Totals:
    lines: tuple[Decimal, ...]
    items: Decimal
    labour: Decimal
    discount: Decimal
    total: Decimal

    @property
    def subtotal(self) -> Decimal:
        return self.items + self.labour


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _decimal(value: object, field: str, label: str) -> Decimal:
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not number.is_finite():
        raise DomainError(
            f"{label}: informe um número.", code=DeskError.INVALID_AMOUNT, field=field
        )
    return number


def _bounded(
    value: Decimal, field: str, label: str, maximum: Decimal, positive: bool = False
) -> Decimal:
    if value < 0 or (positive and value == 0):
        rule = "maior que zero" if positive else "zero ou mais"
        raise DomainError(f"{label}: deve ser {rule}.", code=DeskError.INVALID_AMOUNT, field=field)
    if value > maximum:
        raise DomainError(
            f"{label}: valor grande demais.", code=DeskError.INVALID_AMOUNT, field=field
        )
    return value


def service_order_totals(
    *,
    items: Sequence[ItemInput],
    labour_hours: Decimal = ZERO,
    hourly_rate: Decimal = ZERO,
    discount: Decimal = ZERO,
) -> Totals:
    """Line totals, items, labour, discount and the total, each rounded to cents."""
    lines = tuple(_cents(item.quantity * item.unit_price) for item in items)
    items_total = sum(lines, ZERO)
    labour = _cents(labour_hours * hourly_rate)
    discount = _cents(discount)
    if discount > items_total + labour:
        raise DomainError(
            "O desconto não pode passar do valor da ordem de serviço.",
            code=DeskError.INVALID_AMOUNT,
            field="discount",
        )
    total = items_total + labour - discount
    if max(items_total, labour, total) > MAX_MONEY:
        raise DomainError(
            "O total da ordem de serviço é grande demais.", code=DeskError.INVALID_AMOUNT
        )
    return Totals(lines=lines, items=items_total, labour=labour, discount=discount, total=total)


def _clean_items(items: Sequence[ItemInput]) -> list[ItemInput]:
    if len(items) > MAX_ITEMS:
        raise DomainError(
            f"No máximo {MAX_ITEMS} itens por ordem de serviço.",
            code=DeskError.INVALID_AMOUNT,
            field="items",
        )
    cleaned = []
    for index, item in enumerate(items, start=1):
        label = f"Item {index}"
        if item.kind not in ItemKind.values:
            raise DomainError(f"{label}: tipo inválido.", code=DeskError.INVALID_AMOUNT)
        quantity = _decimal(item.quantity, "items", f"{label}, quantidade")
        price = _decimal(item.unit_price, "items", f"{label}, valor unitário")
        cleaned.append(
            ItemInput(
                description=(item.description or "").strip(),
                quantity=_bounded(quantity, "items", f"{label}, quantidade", MAX_QUANTITY, True),
                unit_price=_bounded(price, "items", f"{label}, valor unitário", MAX_MONEY),
                kind=item.kind,
            )
        )
    return cleaned


def _apply(
    order: ServiceOrder,
    *,
    items: Sequence[ItemInput],
    address: str,
    labour_hours: object,
    hourly_rate: object,
    discount: object,
    observations: str,
    status: str,
) -> list[ServiceOrderItem]:
    """Check everything and set the order's fields; the unsaved item rows, with line totals."""
    hours = _bounded(
        _decimal(labour_hours, "labour_hours", "Horas"), "labour_hours", "Horas", MAX_HOURS
    )
    rate = _bounded(
        _decimal(hourly_rate, "hourly_rate", "Valor da hora"),
        "hourly_rate",
        "Valor da hora",
        MAX_MONEY,
    )
    off = _bounded(_decimal(discount, "discount", "Desconto"), "discount", "Desconto", MAX_MONEY)
    cleaned = _clean_items(items)
    totals = service_order_totals(items=cleaned, labour_hours=hours, hourly_rate=rate, discount=off)
    order.address = (address or "").strip()
    order.observations = (observations or "").strip()
    order.status = status
    order.labour_hours = _cents(hours)
    order.hourly_rate = _cents(rate)
    order.discount = totals.discount
    order.items_total = totals.items
    order.labour_total = totals.labour
    order.total = totals.total
    validate_model_fields(order, exclude=("number",))
    rows = [
        ServiceOrderItem(
            position=position,
            kind=item.kind,
            description=item.description,
            quantity=item.quantity,
            unit_price=_cents(item.unit_price),
            line_total=line,
        )
        for position, (item, line) in enumerate(zip(cleaned, totals.lines, strict=True), 1)
    ]
    errors: dict[str, list[str]] = {}
    for position, row in enumerate(rows, start=1):
        try:
            validate_model_fields(row, exclude=("order", "position"))
        except InvalidFields as refused:
            for name, messages in refused.errors.items():
                errors.setdefault("items", []).extend(
                    f"Item {position}, {_label(name)}: {message}" for message in messages
                )
    if errors:
        raise InvalidFields(errors)
    return rows


def _label(name: str) -> str:
    return str(getattr(ServiceOrderItem._meta.get_field(name), "verbose_name", name))


def _note(actor: Member, ticket: Ticket, text: str) -> None:
    TimelineEntry.objects.create(
        ticket=ticket, kind="change", author=actor, author_name=str(actor), body=text
    )


@transaction.atomic
def service_order_create(
    *,
    actor: Member,
    ticket: Ticket,
    items: Sequence[ItemInput],
    address: str = "",
    labour_hours: object = ZERO,
    hourly_rate: object = ZERO,
    discount: object = ZERO,
    observations: str = "",
    status: str = ServiceOrderStatus.OPEN,
) -> ServiceOrder:
    """Issue a service order for the ticket's customer with the organization's next number."""
    require(actor, DeskPerm.CHANGE, ticket)
    if ticket.customer_id is None:
        raise DomainError(
            "Informe o cliente do atendimento antes de emitir uma ordem de serviço.",
            code=DeskError.NO_CUSTOMER,
        )
    order = ServiceOrder(ticket=ticket, customer_id=ticket.customer_id, created_by=actor)
    rows = _apply(
        order,
        items=items,
        address=address,
        labour_hours=labour_hours,
        hourly_rate=hourly_rate,
        discount=discount,
        observations=observations,
        status=status,
    )
    # The number is taken last, inside this transaction: a refused order gives it back.
    order.number = next_number("service_order")
    order.save()
    for row in rows:
        row.order = order
    ServiceOrderItem.objects.bulk_create(rows)
    _note(actor, ticket, f"Ordem de serviço {order.number} emitida.")
    return order


@transaction.atomic
def service_order_update(
    *,
    actor: Member,
    order: ServiceOrder,
    items: Sequence[ItemInput],
    address: str = "",
    labour_hours: object = ZERO,
    hourly_rate: object = ZERO,
    discount: object = ZERO,
    observations: str = "",
    status: str = ServiceOrderStatus.OPEN,
) -> ServiceOrder:
    """Replace the order's items and fields and compute its totals again."""
    require(actor, DeskPerm.CHANGE, order.ticket)
    old_status = order.status
    rows = _apply(
        order,
        items=items,
        address=address,
        labour_hours=labour_hours,
        hourly_rate=hourly_rate,
        discount=discount,
        observations=observations,
        status=status,
    )
    order.save()
    ServiceOrderItem.objects.filter(order=order).delete()
    for row in rows:
        row.order = order
    ServiceOrderItem.objects.bulk_create(rows)
    if old_status != order.status:
        _note(
            actor,
            order.ticket,
            f"Ordem de serviço {order.number}: "
            f"{ServiceOrderStatus(old_status).label} → {ServiceOrderStatus(order.status).label}.",
        )
    return order


@transaction.atomic
def service_order_logo_set(
    *, actor: Member, logo: UploadedFile | None, remove: bool = False
) -> ServiceOrderSettings | None:
    """Store a new logo for printed service orders (or remove it); the old file goes."""
    require(actor, DeskPerm.MANAGE_AREAS)
    # Lock the settings row only: the logo is on the nullable side of an outer join.
    current = (
        ServiceOrderSettings.objects.select_for_update(of=("self",)).select_related("logo").first()
    )
    if logo is None and (not remove or current is None or current.logo is None):
        return current  # nothing to store or to remove: nothing changes
    current = current or ServiceOrderSettings()
    old = current.logo
    if logo is not None:
        current.logo = stored_file_create(actor=actor, uploaded_file=logo, use=ORGANIZATION_LOGO)
    else:
        current.logo = None
    current.save()
    if old is not None:
        stored_file_delete(actor=actor, stored_file=old)
    return current
