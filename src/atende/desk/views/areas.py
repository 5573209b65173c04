"""Configurações → Atendimentos: the areas and who serves each."""

from django.contrib import messages
from django.shortcuts import redirect, render

from atende.accounts.permissions import require
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.desk.forms import AreaForm
from atende.desk.mail_out import area_inbound_address
from atende.desk.permissions import DeskPerm
from atende.desk.selectors import area_get, area_list, area_resources
from atende.desk.services.areas import area_save
from atende.tenancy.urls import org_reverse


def area_list_view(request):
    require(request.member, DeskPerm.MANAGE_AREAS)
    areas = list(area_list())
    for area in areas:
        area.mail_address = area_inbound_address(request.organization, area)
    return render(request, "desk/area_list.html", {"areas": areas})


def area_edit_view(request, pk: int | None = None):
    require(request.member, DeskPerm.MANAGE_AREAS)
    area = area_get(pk=pk) if pk is not None else None
    initial = {"is_active": True}
    if area is not None:
        initial = {
            "name": area.name,
            "email": area.email,
            "mail_alias": area.mail_alias,
            "is_default": area.is_default,
            "is_active": area.is_active,
            "resources": list(area_resources(area_id=area.pk)),
        }
    form = AreaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = area_save(actor=request.member, area=area, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Área “{saved.name}” salva.")
            return redirect(org_reverse("desk:areas", organization=request.organization))
    address = area_inbound_address(request.organization, area)
    return render(request, "desk/area_form.html", {"form": form, "area": area, "address": address})
