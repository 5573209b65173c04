"""Accounts routes of the REST API."""

from ninja import Router

from atende.accounts.schemas import MeOut
from atende.tenancy.http import ApiRequest

router = Router(tags=["conta"])


@router.get("/me", response=MeOut, summary="Quem sou eu (usuário e empresa do token)")
def me(request: ApiRequest) -> dict[str, object]:
    member = request.auth
    return {
        "id": member.user.pk,
        "email": member.user.email,
        "full_name": member.user.full_name,
        "is_admin": member.is_admin,
        "sector": member.sector.name if member.sector is not None else None,
        "organization": member.organization,
    }
