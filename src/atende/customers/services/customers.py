"""Create, change and deactivate customers."""

from collections.abc import Mapping
from typing import cast

from django.db import transaction

from atende.accounts.permissions import can, require
from atende.core.errors import DomainError, ErrorCode, ErrorCollector
from atende.core.sorting import sort_key
from atende.core.validation import validate_model_fields
from atende.customers.errors import CustomerError
from atende.customers.models import Customer, CustomerKind, ExtraFieldTarget
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import contact_search_text, customer_own_search_text
from atende.customers.services.extra_fields import extra_values_clean
from atende.customers.validation import document_clean, phone_clean, postal_code_clean
from atende.tenancy.models import Member
from atende.tenancy.search import search_index_put
from atende.tenancy.sequences import next_number

COMPANY_ONLY_FIELDS = ("trade_name", "municipal_registration")
POSTAL_CODE_FIELDS = ("postal_code", "billing_postal_code")
PHONE_FIELDS = ("phone", "phone_alt")


def _refuse_duplicate_document(actor: Member, document: str, exclude_pk: int | None) -> None:
    if not document:
        return
    # Checked across the whole organization (a duplicate is one even outside one's portfolio),
    # but the other customer is named only to someone who may see it.
    same_document = Customer.objects.filter(document=document)
    if exclude_pk is not None:
        same_document = same_document.exclude(pk=exclude_pk)
    existing = same_document.first()
    if existing is None:
        return
    label = "CPF" if len(document) == 11 else "CNPJ"
    if can(actor, CustomerPerm.VIEW, existing):
        message = f"Já existe o cliente {existing.number} – {existing.name} com este {label}."
    else:
        message = f"Este {label} já está cadastrado."
    raise DomainError(message, code=CustomerError.DUPLICATE_DOCUMENT, field="document")


def customer_search_text(customer: Customer) -> str:
    """Everything the search box finds a customer by, folded to lowercase without accents:
    its own record, then each contact's (the list tells which one matched)."""
    parts = [customer_own_search_text(customer)]
    if customer.pk:
        parts += [contact_search_text(contact) for contact in customer.contacts.all()]
    return " | ".join(part for part in parts if part)


def customer_refresh_search(customer: Customer) -> None:
    """Recompute the stored search text (after a contact changes, say)."""
    text = customer_search_text(customer)
    Customer.objects.filter(pk=customer.pk).update(search_text=text)
    search_index_put("customer", customer.pk, text, sort_key=customer.name_key)


def customer_sort_keys(customer: Customer) -> None:
    """Set the stored keys the list sorts by (reading order) from the name and city; every
    write of a customer's name or city goes through here (the services, demo data, imports)."""
    customer.name_key = sort_key(customer.name)
    customer.city_key = sort_key(customer.city)


def _apply(actor: Member, customer: Customer, fields: dict[str, object]) -> None:
    # The extra fields' raw values by key, as forms and the API give them.
    extra = cast("Mapping[str, object] | None", fields.pop("extra", None))
    errors = ErrorCollector()  # every problem in one answer, not one per submit
    for name in POSTAL_CODE_FIELDS:
        if name in fields:
            with errors.check():
                fields[name] = postal_code_clean(fields[name], field=name)
    for name in PHONE_FIELDS:
        if name in fields:
            with errors.check():
                fields[name] = phone_clean(fields[name], field=name)
    for name, value in fields.items():
        if not errors.has(name):
            setattr(customer, name, value)
    if customer.kind == CustomerKind.PERSON:
        for name in COMPANY_ONLY_FIELDS:
            setattr(customer, name, "")
    # Every field's own rules (type, size, choices, e-mail): the kind decides the document
    # check below, so "robot" must not get that far.
    with errors.check():
        validate_model_fields(customer, exclude=("document", "extra", *errors.errors))
    if not errors.has("kind"):
        with errors.check():
            customer.document = document_clean(customer.kind, customer.document)
            _refuse_duplicate_document(actor, customer.document, customer.pk)
    if extra is not None:
        with errors.check():
            customer.extra = extra_values_clean(target=ExtraFieldTarget.CUSTOMER, values=extra)
    if not customer.name.strip() and not errors.has("name"):
        with errors.check():
            raise DomainError("Informe o nome.", code=ErrorCode.REQUIRED, field="name")
    origin = customer.origin if customer.origin_id else None
    if origin is not None and customer.origin_type_id is None:
        customer.origin_type_id = origin.origin_type_id
    if origin is not None and origin.origin_type_id != customer.origin_type_id:
        with errors.check():
            raise DomainError(
                "A origem escolhida não pertence a esse tipo de origem.",
                code=CustomerError.ORIGIN,
                field="origin",
            )
    errors.raise_any()


@transaction.atomic
def customer_create(*, actor: Member, **fields: object) -> Customer:
    """Register a customer with the next code of the organization."""
    require(actor, CustomerPerm.ADD)
    customer = Customer()
    _apply(actor, customer, fields)
    if customer.owner_id is None and actor.only_own_portfolio:
        customer.owner = actor  # a salesperson's new customer lands in their portfolio
    customer.number = next_number("customer")
    customer.search_text = customer_search_text(customer)
    customer_sort_keys(customer)
    customer.save()
    search_index_put("customer", customer.pk, customer.search_text, sort_key=customer.name_key)
    return customer


@transaction.atomic
def customer_update(*, actor: Member, customer: Customer, **fields: object) -> Customer:
    """Change a customer's registration data."""
    require(actor, CustomerPerm.CHANGE, customer)
    _apply(actor, customer, fields)
    customer.search_text = customer_search_text(customer)
    customer_sort_keys(customer)
    customer.save()
    search_index_put("customer", customer.pk, customer.search_text, sort_key=customer.name_key)
    return customer


@transaction.atomic
def customer_set_active(*, actor: Member, customer: Customer, is_active: bool) -> Customer:
    """Deactivate (or reactivate) a customer; nothing is deleted."""
    require(actor, CustomerPerm.DELETE if not is_active else CustomerPerm.CHANGE, customer)
    customer.is_active = is_active
    customer.save(update_fields=["is_active", "updated_at"])
    return customer


@transaction.atomic
def customer_extra_update(
    *, actor: Member, customer: Customer, values: Mapping[str, object]
) -> Customer:
    """Change only the extra fields (C4), validated by their types."""
    require(actor, CustomerPerm.CHANGE, customer)
    customer.extra = extra_values_clean(target=ExtraFieldTarget.CUSTOMER, values=values)
    customer.save(update_fields=["extra", "updated_at"])
    return customer
