"""Error codes the customer registry's services answer with (DomainError.code)."""

from enum import StrEnum


class CustomerError(StrEnum):
    BANK = "bank"
    DUPLICATE_DOCUMENT = "duplicate_document"
    INVALID_BODY = "invalid_body"
    INVALID_CEP = "invalid_cep"
    INVALID_CNPJ = "invalid_cnpj"
    INVALID_CPF = "invalid_cpf"
    INVALID_EMAIL = "invalid_email"
    INVALID_PHONE = "invalid_phone"
    INVALID_SUBJECT = "invalid_subject"
    ORIGIN = "origin"
    PLACEHOLDER = "placeholder"
