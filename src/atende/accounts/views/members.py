"""Organization administrators manage people and their sectors."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from atende.accounts.forms import InviteForm, MemberForm
from atende.accounts.permissions import AccountsPerm, require
from atende.accounts.selectors import member_list
from atende.accounts.services.members import member_invite, member_update
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.tenancy.models import Member
from atende.tenancy.urls import org_reverse


def member_list_view(request):
    require(request.member, AccountsPerm.MANAGE_MEMBERS)
    page = member_list(cursor=request.GET.get("cursor"), search=request.GET.get("q", ""))
    context = {"page": page, "form": InviteForm(), "q": request.GET.get("q", "")}
    return render(request, "accounts/member_list.html", context)


def member_invite_view(request):
    require(request.member, AccountsPerm.MANAGE_MEMBERS)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = member_invite(actor=request.member, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Convite enviado para {member.user.email}.")
            return redirect(org_reverse("accounts:members", organization=request.organization))
    return render(request, "accounts/member_invite.html", {"form": form})


def member_edit_view(request, pk: int):
    require(request.member, AccountsPerm.MANAGE_MEMBERS)
    member = get_object_or_404(Member.objects.select_related("user", "sector"), pk=pk)
    initial = {
        "sector": member.sector,
        "is_admin": member.is_admin,
        "is_active": member.is_active,
        "only_own_portfolio": member.only_own_portfolio,
    }
    form = MemberForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            member_update(actor=request.member, member=member, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"{member.user} atualizado.")
            return redirect(org_reverse("accounts:members", organization=request.organization))
    return render(request, "accounts/member_edit.html", {"form": form, "subject": member})
