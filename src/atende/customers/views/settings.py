"""Configurações → Clientes: the lists each organization defines for its registry."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from atende.accounts.permissions import require
from atende.accounts.selectors import sector_get, sector_list
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.customers.forms import prompt_selects
from atende.customers.models import (
    Category,
    ContactType,
    DocumentType,
    ExtraField,
    Origin,
    OriginType,
    SmsTemplate,
)
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import catalog_entry_get, catalog_list, sector_categories
from atende.customers.services.catalogs import catalog_save, sector_categories_set
from atende.tenancy.urls import org_reverse


@dataclass(frozen=True)
class Catalog:
    key: str
    title: str
    model: type
    fields: tuple[str, ...]


CATALOGS = {
    catalog.key: catalog
    for catalog in (
        Catalog("categorias", "Categorias", Category, ("name", "is_active")),
        Catalog("tipos-de-origem", "Tipos de origem", OriginType, ("name", "is_active")),
        Catalog("origens", "Origens comerciais", Origin, ("origin_type", "name", "is_active")),
        Catalog("tipos-de-contato", "Tipos de contato", ContactType, ("name", "is_active")),
        Catalog("tipos-de-documento", "Tipos de documento", DocumentType, ("name", "is_active")),
        Catalog("modelos-de-sms", "Modelos de SMS", SmsTemplate, ("name", "text", "is_active")),
        Catalog(
            "campos-extras",
            "Campos extras",
            ExtraField,
            # The key is derived from the label when the field is created (and then kept, as
            # the stored values are filed under it).
            ("target", "label", "kind", "choices", "is_required", "position"),
        ),
    )
}


def _catalog(key: str) -> Catalog:
    if key not in CATALOGS:
        raise Http404("Lista não encontrada")
    return CATALOGS[key]


class CatalogForm(forms.ModelForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        prompt_selects(self)


def _form_class(catalog: Catalog) -> type[forms.ModelForm]:
    return forms.modelform_factory(catalog.model, form=CatalogForm, fields=catalog.fields)


def catalog_list_view(request, catalog: str = "categorias"):
    require(request.member, CustomerPerm.MANAGE_SETTINGS)
    current = _catalog(catalog)
    context = {
        "catalogs": CATALOGS.values(),
        "catalog": current,
        "items": catalog_list(current.model, limit=500),
        "sectors": sector_list(),
    }
    return render(request, "customers/settings_catalog.html", context)


def catalog_edit_view(request, catalog: str, pk: int | None = None):
    require(request.member, CustomerPerm.MANAGE_SETTINGS)
    current = _catalog(catalog)
    instance = catalog_entry_get(current.model, pk=pk) if pk else None
    form = _form_class(current)(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            catalog_save(
                actor=request.member, model=current.model, instance=instance, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Salvo.")
            return redirect(
                org_reverse(
                    "customers:settings", organization=request.organization, catalog=catalog
                )
            )
    context = {"form": form, "catalog": current, "item": instance, "catalogs": CATALOGS.values()}
    return render(request, "customers/settings_catalog_form.html", context)


class SectorCategoriesForm(forms.Form):
    categories = forms.ModelMultipleChoiceField(
        queryset=Category.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )


def sector_categories_view(request, pk: int):
    require(request.member, CustomerPerm.MANAGE_SETTINGS)
    sector = sector_get(pk=pk)
    current = sector_categories(sector=sector)
    form = SectorCategoriesForm(request.POST or None, initial={"categories": current})
    if request.method == "POST" and form.is_valid():
        sector_categories_set(
            actor=request.member, sector=sector, categories=form.cleaned_data["categories"]
        )
        messages.success(request, f"Categorias do setor {sector.name} salvas.")
        return redirect(org_reverse("accounts:sectors", organization=request.organization))
    context = {"form": form, "sector": sector, "catalogs": CATALOGS.values()}
    return render(request, "customers/settings_sector_categories.html", context)
