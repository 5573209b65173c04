"""The registry's own tabs: Cadastro, Contatos, Observações, Documentos, E-mails, Histórico."""

from datetime import date

from atende.customers.forms import CustomerDocumentForm, CustomerEmailForm, CustomerSmsForm
from atende.customers.models import ExtraField, ExtraFieldKind, SmsTemplate
from atende.customers.sms_text import PLACEHOLDERS
from atende.customers.tabs import CustomerTab, register_customer_tab


def _registry(request, customer) -> dict:
    return {
        "addresses": list(customer.addresses.all()),
        "direct_debit": customer.direct_debits.first(),
        "extra_values": extra_field_values(customer),
    }


def extra_field_values(customer) -> list[tuple[str, object]]:
    """(label, value) of every customer extra field the organization defined."""
    fields = ExtraField.objects.filter(target="customer")
    return [(field.label, _shown(field, customer.extra.get(field.key))) for field in fields]


def _shown(field: ExtraField, value: object) -> object:
    """Dates are stored ISO and shown dd/mm/aaaa, like every other date."""
    if field.kind == ExtraFieldKind.DATE and isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return value


def _contacts(request, customer) -> dict:
    return {"contacts": list(customer.contacts.select_related("contact_type"))}


def _observations(request, customer) -> dict:
    return {"observations": list(customer.observations.select_related("author__user")[:200])}


def _documents(request, customer) -> dict:

    documents = customer.documents.select_related("stored_file", "document_type")
    # After a refused upload the view hands over the form as sent, with what was typed.
    form = getattr(request, "customer_document_form", None) or CustomerDocumentForm()
    return {"documents": list(documents[:200]), "document_form": form}


def _messages(request, customer) -> dict:
    return {
        "emails": list(customer.emails.prefetch_related("attachments")[:100]),
        "sms_messages": list(customer.sms_messages.all()[:50]),
        # After a refused send the view hands over the form as sent, with its errors.
        "email_form": getattr(request, "customer_email_form", None)
        or CustomerEmailForm(customer=customer),
        "sms_form": getattr(request, "customer_sms_form", None)
        or CustomerSmsForm(customer=customer),
        "preview": getattr(request, "sms_preview", None),
        "placeholders": PLACEHOLDERS,
        "sms_templates": list(SmsTemplate.objects.filter(is_active=True)),
    }


def _history(request, customer) -> dict:
    return {}


register_customer_tab(
    CustomerTab("cadastro", "Cadastro", "customers/tab_registry.html", _registry, order=0)
)
register_customer_tab(
    CustomerTab("contatos", "Contatos", "customers/tab_contacts.html", _contacts, order=10)
)
register_customer_tab(
    CustomerTab(
        "observacoes", "Observações", "customers/tab_observations.html", _observations, order=20
    )
)
register_customer_tab(
    CustomerTab("documentos", "Documentos", "customers/tab_documents.html", _documents, order=30)
)
register_customer_tab(
    CustomerTab("emails", "E-mails e SMS", "customers/tab_messages.html", _messages, order=40)
)
register_customer_tab(
    CustomerTab("historico", "Histórico", "customers/tab_history.html", _history, order=90)
)
