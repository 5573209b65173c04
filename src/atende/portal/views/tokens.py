"""Webdesk → Acesso pela API: the contact's tokens for the customers' API (created here, shown
once, revoked here)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from atende.accounts.models import PortalToken
from atende.core.errors import DomainError
from atende.core.forms import add_domain_error
from atende.portal.forms import TokenForm
from atende.portal.tokens import portal_token_create, portal_token_revoke
from atende.portal.views.base import portal_login_required, portal_url

SHOWN_TOKENS = 50  # at most 10 are active; the newest revoked ones stay listed for reference


def _tokens(account):
    return PortalToken.objects.filter(account=account).order_by("-created_at", "-pk")


@portal_login_required
def tokens_view(request):
    """The list and the form; a token just created is shown once, in the answer to the POST."""
    account = request.portal_account
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            token, new_token = portal_token_create(account=account, name=form.cleaned_data["name"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            form = TokenForm()
    status = 400 if form.errors else 200
    tokens = _tokens(account)[:SHOWN_TOKENS]
    context = {"tokens": tokens, "form": form, "new_token": new_token}
    return render(request, "portal/tokens.html", context, status=status)


@require_POST
@portal_login_required
def token_revoke_view(request, pk: int):
    token = _tokens(request.portal_account).filter(pk=pk).first()
    if token is None:
        raise Http404("Token não encontrado")
    portal_token_revoke(account=request.portal_account, token=token)
    messages.success(request, f"Token “{token.name}” revogado.")
    return redirect(portal_url(request, "tokens"))
