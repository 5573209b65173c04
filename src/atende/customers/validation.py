"""The registry's field rules, shared by the services (every way in) and the forms (so a page
shows an invalid CPF, CEP and phone together with the form's own errors, in one answer)."""

from atende.core.documents import clean, is_valid_cnpj, is_valid_cpf
from atende.core.errors import DomainError, ErrorCode
from atende.core.phones import InvalidPhone, phone_normalise
from atende.core.text import digits
from atende.customers.errors import CustomerError
from atende.customers.models import CustomerKind

CEP_LENGTH = 8


def document_clean(kind: str, document: str) -> str:
    """The CPF/CNPJ without punctuation, checked against the kind of customer."""
    document = clean(document)
    if not document:
        return ""
    if kind == CustomerKind.PERSON and not is_valid_cpf(document):
        raise DomainError(
            "CPF inválido: confira os dígitos.", code=CustomerError.INVALID_CPF, field="document"
        )
    if kind == CustomerKind.COMPANY and not is_valid_cnpj(document):
        raise DomainError(
            "CNPJ inválido: confira os dígitos.", code=CustomerError.INVALID_CNPJ, field="document"
        )
    return document


def postal_code_clean(value: object, *, field: str = "postal_code") -> str:
    """The CEP's 8 digits ("" for none)."""
    cep = digits(value) if isinstance(value, str) else ""
    if cep and len(cep) != CEP_LENGTH:
        raise DomainError(
            "CEP inválido: são 8 dígitos.", code=CustomerError.INVALID_CEP, field=field
        )
    return cep


def phone_clean(value: object, *, field: str, mobile: bool = False) -> str:
    """The phone in the one format, `(19) 99123-4567`."""
    try:
        return phone_normalise(value if isinstance(value, str) else "", mobile=mobile)
    except InvalidPhone as refused:
        raise DomainError(str(refused), code=CustomerError.INVALID_PHONE, field=field) from None


def sms_consent_check(*, mobile: str, sms_consent: bool) -> None:
    """Consent belongs to a number: ticking it without a mobile is refused."""
    if sms_consent and not mobile:
        raise DomainError(
            "Informe o celular que receberá SMS (o consentimento vale para um número).",
            code=ErrorCode.REQUIRED,
            field="mobile",
        )
