"""Objects behind the accounts routes, for the isolation walker."""

from atende.accounts.models import ApiToken
from atende.accounts.tests.factories import InvitationFactory, MemberFactory, SectorFactory
from atende.tenancy.testing import isolation_factory


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
