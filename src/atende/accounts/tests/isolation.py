"""The accounts routes for the walkers: objects, permissions and valid bodies."""

from atende.accounts.models import ApiToken
from atende.accounts.permissions import AccountsPerm
from atende.accounts.tests.factories import InvitationFactory, MemberFactory, SectorFactory
from atende.tenancy.testing import isolation_factory, route_access


@isolation_factory("accounts:member_edit")
def member(organization):
    return {"pk": MemberFactory(organization=organization).pk}


@isolation_factory("accounts:sector_edit", "accounts:sector_delete")
def sector(organization):
    return {"pk": SectorFactory(organization=organization).pk}


@isolation_factory("accounts:token_revoke")
def api_token(organization):
    owner = MemberFactory(organization=organization)
    token = ApiToken.objects.create(member=owner, name="Integração", prefix="abc", token_hash="0")
    return {"pk": token.pk}


@isolation_factory(
    "accounts:invitation_edit", "accounts:invitation_resend", "accounts:invitation_cancel"
)
def invitation(organization):
    return {"pk": InvitationFactory(organization=organization).pk}


# Any member, for their own things: the start page, the profile, two-step verification, tokens.
route_access("tenancy:home", "accounts:profile", "accounts:totp_setup", "api:me", needs=None)
route_access("accounts:token_create", needs=None, body={"name": "Integração ERP"})
route_access("accounts:token_revoke", needs=None, body={"confirmed": "1"})

route_access("accounts:members", needs=AccountsPerm.MANAGE_MEMBERS)
route_access(
    "accounts:member_invite",
    needs=AccountsPerm.MANAGE_MEMBERS,
    body={"email": "nova.pessoa@example.com", "full_name": "Nova Pessoa"},
)
route_access(
    "accounts:member_edit",
    needs=AccountsPerm.MANAGE_MEMBERS,
    body={"is_active": "on", "only_own_portfolio": "on"},
)
route_access("accounts:sectors", needs=AccountsPerm.MANAGE_SECTORS)
route_access("accounts:sector_new", needs=AccountsPerm.MANAGE_SECTORS, body={"name": "Cobrança"})
route_access("accounts:sector_edit", needs=AccountsPerm.MANAGE_SECTORS, body={"name": "Pós-venda"})
route_access("accounts:sector_delete", needs=AccountsPerm.MANAGE_SECTORS, body={})
route_access(
    "accounts:invitation_edit",
    needs=AccountsPerm.MANAGE_MEMBERS,
    body={"full_name": "Nome Corrigido", "is_admin": "on"},
)
route_access(
    "accounts:invitation_resend",
    "accounts:invitation_cancel",
    needs=AccountsPerm.MANAGE_MEMBERS,
    body={},
)
