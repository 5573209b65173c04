"""Token authentication that resolves the member and activates their organization."""

from ninja.security import HttpBearer

from atende.accounts.services.tokens import api_token_member
from atende.tenancy.context import activate_for_this_context


class MemberTokenAuth(HttpBearer):
    """`Authorization: Bearer atd_…` → request.auth is the Member; its organization is active."""

    def authenticate(self, request, token: str):
        member = api_token_member(token)
        if member is None:
            return None
        # The organization middleware runs each request in a copied context, so this
        # activation ends with the request.
        activate_for_this_context(member.organization)
        request.organization = member.organization
        request.member = member
        return member
