"""Settings → Contas bancárias (B1): the organization's accounts at the banks."""

from django.contrib import messages
from django.shortcuts import redirect, render

from atende.accounts.permissions import require
from atende.billing.forms import BankAccountForm
from atende.billing.permissions import BillingPerm
from atende.billing.selectors import bank_account_get, bank_accounts
from atende.billing.services.bank_accounts import bank_account_save
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.tenancy.urls import org_reverse


def bank_account_list_view(request):
    require(request.member, BillingPerm.MANAGE_ACCOUNTS)
    return render(request, "billing/bank_account_list.html", {"accounts": bank_accounts()})


def bank_account_edit_view(request, pk: int | None = None):
    account = bank_account_get(actor=request.member, pk=pk) if pk else None
    require(request.member, BillingPerm.MANAGE_ACCOUNTS)
    # The form edits a copy: a refused save must not change the account shown beside it.
    form = BankAccountForm(request.POST or None, instance=None, initial=_initial(account))
    if request.method == "POST" and form.is_valid():
        try:
            saved = bank_account_save(
                actor=request.member, data=form.account_input(), account=account
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Conta bancária “{saved.name}” salva.")
            return redirect(org_reverse("billing:bank_accounts", organization=request.organization))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "account": account}
    return render(request, "billing/bank_account_form.html", context, status=status)


def _initial(account) -> dict:
    if account is None:
        return {"next_nosso_numero": 1, "is_active": True}
    return {name: getattr(account, name) for name in BankAccountForm.Meta.fields}
