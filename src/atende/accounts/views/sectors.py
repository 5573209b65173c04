"""Sectors and the module permissions they grant."""

from django.contrib import messages
from django.forms.boundfield import BoundWidget
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.accounts.forms import SectorForm
from atende.accounts.modules import module_label
from atende.accounts.permissions import AccountsPerm, require
from atende.accounts.selectors import sector_get, sector_list
from atende.accounts.services.sectors import sector_delete, sector_save
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.tenancy.http import MemberRequest
from atende.tenancy.urls import org_reverse


def sector_list_view(request: MemberRequest) -> HttpResponse:
    require(request.member, AccountsPerm.MANAGE_SECTORS)
    return render(request, "accounts/sector_list.html", {"sectors": sector_list()})


def _permission_groups(form: SectorForm) -> list[tuple[str, list[BoundWidget]]]:
    """Checkboxes grouped by module, for the permission matrix."""
    groups: dict[str, list[BoundWidget]] = {}
    for checkbox in form["permissions"]:
        permission = checkbox.data["value"].instance
        groups.setdefault(module_label(permission.content_type.app_label), []).append(checkbox)
    return list(groups.items())


def sector_edit_view(request: MemberRequest, pk: int | None = None) -> HttpResponse:
    require(request.member, AccountsPerm.MANAGE_SECTORS)
    sector = sector_get(pk=pk) if pk is not None else None
    initial = {"name": sector.name, "permissions": sector.permissions.all()} if sector else {}
    form = SectorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            sector = sector_save(actor=request.member, sector=sector, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Setor “{sector.name}” salvo.")
            return redirect(org_reverse("accounts:sectors", organization=request.organization))
    context = {"form": form, "sector": sector, "groups": _permission_groups(form)}
    return render(request, "accounts/sector_edit.html", context)


@require_POST
def sector_delete_view(request: MemberRequest, pk: int) -> HttpResponse:
    require(request.member, AccountsPerm.MANAGE_SECTORS)
    sector = sector_get(pk=pk)
    sector_delete(actor=request.member, sector=sector)
    messages.success(request, f"Setor “{sector.name}” excluído.")
    return redirect(org_reverse("accounts:sectors", organization=request.organization))
