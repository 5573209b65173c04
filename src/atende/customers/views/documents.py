"""Documentos tab: upload through the one file validator, list, delete."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from atende.core.confirm import confirmation_page
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.forms import CustomerDocumentForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import customer_document_get, customer_get
from atende.customers.services.documents import customer_document_add, customer_document_delete
from atende.customers.views.detail import customer_tab_view, customer_url


@require_POST
def document_upload_view(request, number: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    form = CustomerDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _documents_tab_with(request, number, form)
    try:
        customer_document_add(
            actor=request.member,
            customer=customer,
            uploaded_file=form.cleaned_data["file"],
            document_type=form.cleaned_data["document_type"],
            description=form.cleaned_data["description"],
        )
    except DomainError as error:
        add_domain_error(form, error)
        return _documents_tab_with(request, number, form)
    messages.success(request, "Documento anexado.")
    return redirect(customer_url(request, customer, "documentos"))


def _documents_tab_with(request, number: int, form: CustomerDocumentForm):
    """The tab again with the form as sent: the type and description typed stay, and the
    refusal shows on the file field (a browser never refills a file input)."""
    request.customer_document_form = form  # read by builtin_tabs._documents
    return customer_tab_view(request, number, "documentos")


@require_POST
def document_delete_view(request, number: int, pk: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    document = customer_document_get(customer=customer, pk=pk)
    asking = confirmation_page(
        request,
        question=f"Excluir o documento {document.stored_file.original_name}?",
        detail="O arquivo é apagado; isso não pode ser desfeito.",
        button="Excluir documento",
        cancel_url=customer_url(request, customer, "documentos"),
    )
    if asking:
        return asking
    customer_document_delete(actor=request.member, document=document)
    messages.success(request, "Documento excluído.")
    return redirect(customer_url(request, customer, "documentos"))
