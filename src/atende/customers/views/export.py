"""CSV export of the customer list as filtered, under the same record rules (streamed)."""

from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone

from atende.accounts.permissions import require
from atende.core import csv_safe
from atende.customers.forms import CustomerFilterForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import DEFAULT_SORT, customer_export_rows
from atende.customers.views.lists import filters_from_form
from atende.tenancy.context import activate

HEADER = [
    "Código", "Tipo", "Situação", "Nome / razão social", "Nome fantasia", "CPF/CNPJ", "E-mail",
    "Telefone", "CEP", "Endereço", "Número", "Complemento", "Bairro", "Cidade", "UF",
    "Categoria", "Carteira", "Data de cadastro",
]  # fmt: skip


class _Echo:
    def write(self, value: str) -> str:
        return value


def _lines(organization, rows) -> Iterator[str]:
    """CSV lines; the rows are read while the response streams, after the view returned, so
    the organization is activated again here. Cells that a spreadsheet would run as formulas
    are written as text (csv_safe)."""
    writer = csv_safe.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(HEADER)  # BOM: Excel opens UTF-8 CSV with accents right
    with activate(organization):
        for row in rows:
            yield writer.writerow(row)


def customer_export_view(request):
    require(request.member, CustomerPerm.EXPORT)
    form = CustomerFilterForm(request.GET or None)
    filters = filters_from_form(form, request.GET.get("sort", DEFAULT_SORT))
    rows = customer_export_rows(actor=request.member, filters=filters)
    response = StreamingHttpResponse(
        _lines(request.organization, rows), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="clientes-{stamp}.csv"'
    return response
