"""Direct-debit data (C8) and its printable authorisation."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.debit_pdf import direct_debit_authorisation_pdf
from atende.customers.forms import DirectDebitForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import customer_get
from atende.customers.services.contacts import direct_debit_save
from atende.customers.views.detail import customer_url


def direct_debit_edit_view(request, number: int):
    customer = customer_get(actor=request.member, number=number, permission=CustomerPerm.CHANGE)
    debit = customer.direct_debits.first()
    form = DirectDebitForm(request.POST or None, instance=debit, customer=customer)
    if request.method == "POST" and form.is_valid():
        try:
            direct_debit_save(actor=request.member, customer=customer, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Dados de débito salvos.")
            return redirect(customer_url(request, customer))
    context = {"form": form, "customer": customer, "debit": debit}
    return render(request, "customers/direct_debit_form.html", context)


def direct_debit_pdf_view(request, number: int):
    customer = customer_get(actor=request.member, number=number)
    debit = customer.direct_debits.first()
    if debit is None:
        raise Http404("Sem dados de débito")
    pdf = direct_debit_authorisation_pdf(
        organization_name=request.organization.name, customer=customer, debit=debit
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="autorizacao-debito-{customer.number}.pdf"'
    )
    return response
