"""Customer routes of the REST API: the same selectors and services as the pages."""

from typing import Annotated, Literal

from ninja import Path, Query, Router, Status
from pydantic import Field

from atende.accounts.permissions import require
from atende.core.errors import DomainError, ErrorCode
from atende.core.schemas import MAX_ID, RecordId, StrictIn
from atende.core.validation import SINGLE_LINE_PATTERN
from atende.customers.models import (
    Category,
    ContactType,
    DocumentType,
    ExtraField,
    Origin,
    OriginType,
)
from atende.customers.permissions import CustomerPerm
from atende.customers.schemas import (
    CatalogItemOut,
    ContactIn,
    ContactOut,
    CustomerCreateIn,
    CustomerIn,
    CustomerOut,
    CustomerPageOut,
    ExtraFieldOut,
    OriginOut,
)
from atende.customers.selectors import (
    SORTS,
    CustomerFilters,
    catalog_entry_find,
    catalog_list,
    customer_contact_get,
    customer_get,
    customer_list,
)
from atende.customers.services.contacts import contact_delete, contact_save
from atende.customers.services.customers import (
    customer_create,
    customer_set_active,
    customer_update,
)
from atende.tenancy.models import Member

router = Router(tags=["clientes"])

FOREIGN_KEYS = {
    "category_id": ("category", Category),
    "owner_id": ("owner", Member),
    "origin_type_id": ("origin_type", OriginType),
    "origin_id": ("origin", Origin),
}


# A customer's code or a record's id in the path: a 25-digit number is a 400, not a lookup.
Number = Annotated[int, Path(ge=1, le=MAX_ID)]


class CustomerQuery(StrictIn):
    q: str = Field("", max_length=200, pattern=SINGLE_LINE_PATTERN)
    active: Literal["1", "0", ""] = "1"
    category_id: RecordId | None = None
    owner_id: RecordId | None = None
    city: str = Field("", max_length=100, pattern=SINGLE_LINE_PATTERN)
    sort: Literal[tuple(SORTS)] = "name"
    # Opaque: only a `next_cursor` this API returned is valid (anything else is a 400).
    cursor: str | None = Field(None, max_length=1000, pattern=r"^[A-Za-z0-9_-]*$")


def _resolve(payload: CustomerIn) -> dict:
    """Sent fields only, with ids turned into objects of the active organization."""
    fields = payload.dict(exclude_unset=True)
    for key, (name, model) in FOREIGN_KEYS.items():
        if key in fields:
            value = fields.pop(key)
            obj = catalog_entry_find(model, pk=value) if value is not None else None
            if value is not None and obj is None:
                raise DomainError("Registro não encontrado.", code=ErrorCode.NOT_FOUND, field=key)
            fields[name] = obj
    return fields


@router.get("/customers", response=CustomerPageOut, summary="Lista e busca clientes")
def list_customers(request, filters: Query[CustomerQuery]):
    require(request.auth, CustomerPerm.VIEW)
    criteria = CustomerFilters(
        search=filters.q, active=filters.active, category_id=filters.category_id,
        owner_id=filters.owner_id, city=filters.city, sort=filters.sort,
    )  # fmt: skip
    page = customer_list(actor=request.auth, filters=criteria, cursor=filters.cursor)
    return {
        "items": page.items,
        "next_cursor": page.next_cursor,
        "previous_cursor": page.previous_cursor,
    }


@router.get("/customers/{number}", response=CustomerOut, summary="Um cliente pelo código")
def get_customer(request, number: Number):
    return customer_get(actor=request.auth, number=number)


@router.post("/customers", response={201: CustomerOut}, summary="Cadastra um cliente")
def create_customer(request, payload: CustomerCreateIn):
    fields = _resolve(payload)
    fields.setdefault("kind", "person")
    return Status(201, customer_create(actor=request.auth, **fields))


@router.patch("/customers/{number}", response=CustomerOut, summary="Altera um cliente")
def update_customer(request, number: Number, payload: CustomerIn):
    customer = customer_get(actor=request.auth, number=number, permission=CustomerPerm.CHANGE)
    return customer_update(actor=request.auth, customer=customer, **_resolve(payload))


@router.post("/customers/{number}/deactivate", response=CustomerOut, summary="Desativa")
def deactivate_customer(request, number: Number):
    customer = customer_get(actor=request.auth, number=number, permission=CustomerPerm.DELETE)
    return customer_set_active(actor=request.auth, customer=customer, is_active=False)


@router.get("/customers/{number}/contacts", response=list[ContactOut], summary="Contatos")
def list_contacts(request, number: Number):
    customer = customer_get(actor=request.auth, number=number)
    return list(customer.contacts.select_related("contact_type"))


def _contact_fields(payload: ContactIn) -> dict:
    fields = payload.dict()
    type_id = fields.pop("contact_type_id")
    fields["contact_type"] = None
    if type_id is not None:
        # An id from the organization's list: unknown is a refused value (422), not a missing
        # customer or contact (404).
        fields["contact_type"] = catalog_entry_find(ContactType, pk=type_id)
        if fields["contact_type"] is None:
            raise DomainError(
                "Tipo de contato não encontrado.", code=ErrorCode.NOT_FOUND, field="contact_type_id"
            )
    return fields


@router.post("/customers/{number}/contacts", response={201: ContactOut}, summary="Novo contato")
def create_contact(request, number: Number, payload: ContactIn):
    customer = customer_get(actor=request.auth, number=number, permission=CustomerPerm.CHANGE)
    contact = contact_save(actor=request.auth, customer=customer, **_contact_fields(payload))
    return Status(201, contact)


@router.put("/customers/{number}/contacts/{pk}", response=ContactOut, summary="Altera contato")
def update_contact(request, number: Number, pk: Number, payload: ContactIn):
    customer = customer_get(actor=request.auth, number=number, permission=CustomerPerm.CHANGE)
    contact = customer_contact_get(customer=customer, pk=pk)
    return contact_save(
        actor=request.auth, customer=customer, contact=contact, **_contact_fields(payload)
    )


@router.delete("/customers/{number}/contacts/{pk}", response={204: None}, summary="Exclui")
def delete_contact(request, number: Number, pk: Number):
    customer = customer_get(actor=request.auth, number=number, permission=CustomerPerm.CHANGE)
    contact_delete(actor=request.auth, contact=customer_contact_get(customer=customer, pk=pk))
    return Status(204, None)


@router.get("/customer-settings/categories", response=list[CatalogItemOut], summary="Categorias")
def list_categories(request):
    require(request.auth, CustomerPerm.VIEW)
    return catalog_list(Category)


@router.get(
    "/customer-settings/origin-types", response=list[CatalogItemOut], summary="Tipos de origem"
)
def list_origin_types(request):
    require(request.auth, CustomerPerm.VIEW)
    return catalog_list(OriginType)


@router.get("/customer-settings/origins", response=list[OriginOut], summary="Origens comerciais")
def list_origins(request):
    require(request.auth, CustomerPerm.VIEW)
    return catalog_list(Origin)


@router.get(
    "/customer-settings/contact-types", response=list[CatalogItemOut], summary="Tipos de contato"
)
def list_contact_types(request):
    require(request.auth, CustomerPerm.VIEW)
    return catalog_list(ContactType)


@router.get(
    "/customer-settings/document-types", response=list[CatalogItemOut], summary="Tipos de documento"
)
def list_document_types(request):
    require(request.auth, CustomerPerm.VIEW)
    return catalog_list(DocumentType)


@router.get(
    "/customer-settings/extra-fields", response=list[ExtraFieldOut], summary="Campos extras"
)
def list_extra_fields(request):
    require(request.auth, CustomerPerm.VIEW)
    return catalog_list(ExtraField)
