"""The customer list: one search box, filters, sorting and keyset paging (htmx-updated)."""

from django.shortcuts import render

from atende.accounts.permissions import require
from atende.customers.forms import CustomerFilterForm
from atende.customers.permissions import CustomerPerm
from atende.customers.selectors import (
    DEFAULT_SORT,
    SORTS,
    CustomerFilters,
    customer_match_reasons,
    customer_results,
    favorite_customers,
)


def filters_from_form(form: CustomerFilterForm, sort: str) -> CustomerFilters:
    data = form.cleaned_data if form.is_valid() else {}
    category, owner = data.get("category"), data.get("owner")
    return CustomerFilters(
        search=data.get("q", "") or "",
        active=form.data.get("active", "1") if "active" in form.data else "1",
        category_id=category.pk if category else None,
        owner_id=owner.pk if owner else None,
        city=data.get("city", "") or "",
        sort=sort if sort in SORTS else DEFAULT_SORT,
    )


def customer_list_view(request):
    require(request.member, CustomerPerm.VIEW)
    form = CustomerFilterForm(request.GET or None)
    filters = filters_from_form(form, request.GET.get("sort", DEFAULT_SORT))
    results = customer_results(
        actor=request.member, filters=filters, cursor=request.GET.get("cursor")
    )
    page = results.page
    context = {
        "form": form,
        "page": page,
        "sort": filters.sort,
        "filters": filters,
        "count": results.count,
    }
    reasons = customer_match_reasons(customers=page.items, term=filters.search)
    for customer in page.items:  # "found through the contact …" under the name
        customer.matched_contact = reasons.get(customer.pk)
    # Filters the form refuses (an over-long search, say) are shown on the form, with a 400.
    status = 400 if form.is_bound and not form.is_valid() else 200
    if request.htmx:
        return render(request, "customers/customer_list.html#results", context, status=status)
    context["favorites"] = favorite_customers(actor=request.member, limit=8)
    return render(request, "customers/customer_list.html", context, status=status)
