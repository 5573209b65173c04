"""Contacts, other addresses, observations, direct debit and favourites of a customer."""

from collections.abc import Mapping
from typing import cast

from django.db import IntegrityError, transaction

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode, ErrorCollector
from atende.core.validation import validate_model_fields
from atende.customers.banks import DIRECT_DEBIT_BANKS, direct_debit_identifier
from atende.customers.errors import CustomerError
from atende.customers.models import (
    Address,
    Contact,
    Customer,
    DirectDebit,
    ExtraFieldTarget,
    Favorite,
    Observation,
    ObservationRead,
)
from atende.customers.permissions import CustomerPerm
from atende.customers.services.customers import customer_refresh_search
from atende.customers.services.extra_fields import extra_values_clean
from atende.customers.validation import phone_clean, postal_code_clean, sms_consent_check
from atende.tenancy.models import Member

CONTACT_PHONE_FIELDS = ("phone", "phone_alt", "mobile")


@transaction.atomic
def contact_save(
    *, actor: Member, customer: Customer, contact: Contact | None = None, **fields: object
) -> Contact:
    """Add a contact to the customer, or change one of its contacts."""
    require(actor, CustomerPerm.CHANGE, customer)
    contact = contact or Contact(customer=customer)
    if contact.customer_id != customer.pk:
        raise DomainError("Contato não encontrado.", code=ErrorCode.NOT_FOUND)
    # The extra fields' raw values by key, as forms and the API give them.
    extra = cast("Mapping[str, object] | None", fields.pop("extra", None))
    errors = ErrorCollector()  # every problem in one answer
    for name in CONTACT_PHONE_FIELDS:
        if name in fields:
            with errors.check():
                fields[name] = phone_clean(fields[name], field=name, mobile=name == "mobile")
    for name, value in fields.items():
        if not errors.has(name):
            setattr(contact, name, value)
    if not customer.is_company:
        contact.role = ""
    if not errors.has("mobile"):
        with errors.check():
            sms_consent_check(mobile=contact.mobile, sms_consent=contact.sms_consent)
    with errors.check():
        validate_model_fields(contact, exclude=("extra", *errors.errors))
    if not contact.name.strip() and not errors.has("name"):
        with errors.check():
            raise DomainError("Informe o nome do contato.", code=ErrorCode.REQUIRED, field="name")
    if extra is not None:
        with errors.check():
            contact.extra = extra_values_clean(target=ExtraFieldTarget.CONTACT, values=extra)
    errors.raise_any()
    contact.save()
    customer_refresh_search(customer)
    return contact


@transaction.atomic
def contact_delete(*, actor: Member, contact: Contact) -> None:
    """Remove a contact."""
    customer = contact.customer
    require(actor, CustomerPerm.CHANGE, customer)
    contact.delete()
    customer_refresh_search(customer)


@transaction.atomic
def address_save(
    *, actor: Member, customer: Customer, address: Address | None = None, **fields: object
) -> Address:
    """Add or change another address of the customer."""
    require(actor, CustomerPerm.CHANGE, customer)
    address = address or Address(customer=customer)
    errors = ErrorCollector()
    with errors.check():
        fields["postal_code"] = postal_code_clean(fields.get("postal_code"))
    if errors.has("postal_code"):
        fields.pop("postal_code")
    for name, value in fields.items():
        setattr(address, name, value)
    with errors.check():
        validate_model_fields(address, exclude=tuple(errors.errors))
    errors.raise_any()
    address.save()
    return address


@transaction.atomic
def address_delete(*, actor: Member, address: Address) -> None:
    require(actor, CustomerPerm.CHANGE, address.customer)
    address.delete()


@transaction.atomic
def observation_add(
    *, actor: Member, customer: Customer, text: str, is_mandatory_reading: bool = False
) -> Observation:
    """Write an observation on the customer; mandatory ones pop up until each user reads them."""
    require(actor, CustomerPerm.CHANGE, customer)
    if not text.strip():
        raise DomainError("Escreva a observação.", code=ErrorCode.REQUIRED, field="text")
    observation = Observation(
        customer=customer,
        text=text.strip(),
        is_mandatory_reading=is_mandatory_reading,
        author=actor,
    )
    validate_model_fields(observation)
    observation.save()
    return observation


@transaction.atomic
def observation_update(
    *, actor: Member, observation: Observation, text: str, is_mandatory_reading: bool
) -> Observation:
    require(actor, CustomerPerm.CHANGE, observation.customer)
    if not text.strip():
        raise DomainError("Escreva a observação.", code=ErrorCode.REQUIRED, field="text")
    observation.text = text.strip()
    observation.is_mandatory_reading = is_mandatory_reading
    validate_model_fields(observation)
    observation.save(update_fields=["text", "is_mandatory_reading"])
    return observation


@transaction.atomic
def observations_mark_read(*, actor: Member, customer: Customer) -> int:
    """The member has read the customer's mandatory observations; returns how many were new."""
    require(actor, CustomerPerm.VIEW, customer)
    unread = customer.observations.filter(is_mandatory_reading=True).exclude(reads__member=actor)
    # One by one (a customer has a few mandatory observations): each read is an audited save,
    # so the Histórico shows who read what; get_or_create absorbs a double click's race.
    created = [
        ObservationRead.objects.get_or_create(observation=observation, member=actor)[1]
        for observation in unread
    ]
    return sum(created)


@transaction.atomic
def direct_debit_save(*, actor: Member, customer: Customer, **fields: object) -> DirectDebit:
    """Create or change the customer's direct-debit data."""
    require(actor, CustomerPerm.CHANGE, customer)
    debit = customer.direct_debits.first() or DirectDebit(customer=customer)
    for name, value in fields.items():
        setattr(debit, name, value.strip() if isinstance(value, str) else value)
    if not debit.identifier:  # filled in by the system, as the seed describes
        debit.identifier = direct_debit_identifier(customer.number)
    errors = ErrorCollector()
    for name, label in (("bank_code", "o banco"), ("agency", "a agência"), ("account", "a conta")):
        if not getattr(debit, name):
            with errors.check():
                raise DomainError(f"Informe {label}.", code=ErrorCode.REQUIRED, field=name)
    if debit.bank_code and debit.bank_code not in DIRECT_DEBIT_BANKS:
        with errors.check():
            raise DomainError(
                "Escolha um banco da lista.", code=CustomerError.BANK, field="bank_code"
            )
    with errors.check():
        validate_model_fields(debit, exclude=tuple(errors.errors))
    errors.raise_any()
    debit.save()
    return debit


def favorite_toggle(*, actor: Member, customer: Customer) -> bool:
    """Star or unstar a customer for this member; returns True when it is now a favourite."""
    require(actor, CustomerPerm.VIEW, customer)
    deleted, _ = Favorite.objects.filter(member=actor, customer=customer).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Favorite.objects.create(member=actor, customer=customer)
    except IntegrityError:  # a double click raced us; it is a favourite either way
        pass
    return True
