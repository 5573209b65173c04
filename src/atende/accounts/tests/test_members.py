"""Administrators manage members: invite, change sector, deactivate; others may not.

(What the invited person does with the invitation: test_invitation_accept.py.)
"""

import pytest
from django.core.exceptions import PermissionDenied

from atende.accounts.models import Invitation, User
from atende.accounts.services.invitations import member_invite
from atende.accounts.services.members import member_update
from atende.accounts.tests.factories import (
    InvitationFactory,
    MemberFactory,
    SectorFactory,
    UserFactory,
)
from atende.core.errors import DomainError
from atende.tenancy.models import Member
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def test_invite_creates_a_pending_invitation_and_nobody_joins(admin_member, organization):
    sector = SectorFactory(organization=organization, name="Suporte")

    invitation = member_invite(
        actor=admin_member, email="Nova@Example.com", full_name=" Nova Pessoa ", sector=sector
    )

    assert (invitation.email, invitation.invited_name) == ("nova@example.com", "Nova Pessoa")
    assert (invitation.sector, invitation.is_admin, invitation.invited_by) == (
        sector,
        False,
        admin_member,
    )
    assert (invitation.send_count, invitation.accepted_at) == (1, None)
    assert User.objects.filter(email="nova@example.com").exists() is False
    assert Member.objects.count() == 1


def test_inviting_someone_with_an_account_adds_nobody_until_they_accept(admin_member, other_member):
    invitation = member_invite(
        actor=admin_member, email=other_member.user.email, full_name="Nome Digitado", sector=None
    )

    assert invitation.invited_name == "Nome Digitado"
    assert Member.objects.filter(user=other_member.user).exists() is False


def test_inviting_an_active_member_again_is_refused(admin_member, member):
    with pytest.raises(DomainError, match="já faz parte desta empresa"):
        member_invite(actor=admin_member, email=member.user.email, full_name="x", sector=None)
    assert Invitation.objects.exists() is False


def test_non_admin_cannot_invite_and_nothing_is_created(member):
    with pytest.raises(PermissionDenied):
        member_invite(actor=member, email="x@example.com", full_name="X", sector=None)
    assert Member.objects.count() == 1
    assert Invitation.objects.exists() is False


def test_last_active_admin_cannot_be_demoted_or_deactivated(admin_member):
    with pytest.raises(DomainError, match="pelo menos um administrador"):
        member_update(
            actor=admin_member, member=admin_member, sector=None, is_admin=False, is_active=True
        )
    admin_member.refresh_from_db()
    assert admin_member.is_admin is True


def test_admin_changes_sector_and_deactivates(admin_member, member, organization):
    sector = SectorFactory(organization=organization, name="Financeiro")
    member_update(actor=admin_member, member=member, sector=sector, is_admin=False, is_active=False)
    member.refresh_from_db()
    assert (member.sector, member.is_active) == (sector, False)


def test_deactivated_member_loses_access_to_the_organization(admin_member, member, client_as):
    member_update(actor=admin_member, member=member, sector=None, is_admin=False, is_active=False)
    client = client_as(member)
    assert client.get(f"/{member.organization.slug}/").status_code == 404


def test_invite_page_creates_the_invitation(client_as, admin_member, organization, mailoutbox):
    client = client_as(admin_member)
    response = client.post(
        org_reverse("accounts:member_invite", organization=organization),
        {"email": "convidada@example.com", "full_name": "Convidada", "sector": ""},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == org_reverse(
        "accounts:members", organization=organization
    )
    assert "Convite enviado para convidada@example.com." in response.content.decode()
    assert Invitation.objects.get().email == "convidada@example.com"
    assert Member.objects.filter(user__email="convidada@example.com").exists() is False


def test_member_pages_are_forbidden_to_non_admins(client_as, member, organization):
    client = client_as(member)
    assert client.get(org_reverse("accounts:members", organization=organization)).status_code == 403


def test_member_list_uses_a_fixed_number_of_queries(
    client_as, admin_member, organization, django_assert_num_queries
):
    sector = SectorFactory(organization=organization)
    for index in range(30):
        MemberFactory(organization=organization, user=UserFactory(full_name=f"Pessoa {index:02}"))
        InvitationFactory(organization=organization, sector=sector)
    client = client_as(admin_member)
    url = org_reverse("accounts:members", organization=organization)
    # session, user, organization by slug and membership (middleware), member page,
    # invitations, organizations for the switcher
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["page"].items) == 31
    assert len(response.context["invitations"]) == 30


def test_admin_limits_a_salesperson_to_their_portfolio(client_as, admin_member, member):
    client = client_as(admin_member)
    client.post(
        org_reverse("accounts:member_edit", organization=member.organization, pk=member.pk),
        {"sector": "", "is_active": "on", "only_own_portfolio": "on"},
    )
    member.refresh_from_db()
    assert member.only_own_portfolio is True
