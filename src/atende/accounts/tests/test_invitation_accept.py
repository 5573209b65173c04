"""An invitation is joined by accepting it: the admin sees only what they typed until then, the
person cannot open the organization before, and the link is signed, expiring and single-use."""

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from atende.accounts.invitation_links import SALT, invitation_link
from atende.accounts.models import Invitation
from atende.accounts.services.invitations import (
    invitation_accept,
    invitation_cancel,
    member_invite,
)
from atende.accounts.services.members import member_update
from atende.accounts.tests.factories import TEST_PASSWORD, SectorFactory, UserFactory
from atende.core.errors import DomainError
from atende.tenancy.models import Member
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def olga(other_member):
    """A person with an Atende account (in another organization) whom Alfa invites."""
    return other_member.user


@pytest.fixture
def invitation(admin_member, organization, olga):
    sector = SectorFactory(organization=organization, name="Suporte")
    return member_invite(
        actor=admin_member, email=olga.email, full_name="Nome Digitado", sector=sector
    )


def _path(invitation) -> str:
    invitation.refresh_from_db()
    return invitation_link(invitation).split("testserver", 1)[-1].split("8000", 1)[-1]


def test_the_admin_sees_the_typed_name_not_the_real_one(client_as, admin_member, invitation):
    client = client_as(admin_member)
    organization = admin_member.organization

    members_page = client.get(org_reverse("accounts:members", organization=organization))
    edit_page = client.get(
        org_reverse("accounts:invitation_edit", organization=organization, pk=invitation.pk)
    )

    for page in (members_page, edit_page):
        html = page.content.decode()
        assert "Nome Digitado" in html
        assert "Olga Outra" not in html


def test_searching_the_real_name_does_not_find_a_pending_invitation(
    client_as, admin_member, invitation
):
    url = org_reverse("accounts:members", organization=admin_member.organization)

    by_real_name = client_as(admin_member).get(url, {"q": "Olga"})
    by_typed_name = client_as(admin_member).get(url, {"q": "Digitado"})

    assert by_real_name.context["invitations"] == []
    assert by_typed_name.context["invitations"] == [invitation]


def test_before_accepting_the_person_cannot_open_the_organization(
    client_as, other_member, invitation
):
    client = client_as(other_member)

    assert client.get("/alfa/").status_code == 404
    assert Member.objects.filter(user=other_member.user).exists() is False


def test_someone_with_an_account_signs_in_then_accepts(client, olga, invitation):
    path = _path(invitation)

    anonymous = client.get(path)
    assert anonymous.status_code == 200
    assert anonymous.context["login_url"] == f"/entrar/?{urlencode({'next': path})}"
    assert client.post(path).status_code == 200  # a POST without signing in accepts nothing
    assert Member.objects.filter(user=olga).exists() is False

    signed_in = client.post(
        anonymous.context["login_url"], {"email": olga.email, "password": TEST_PASSWORD}
    )
    assert signed_in["Location"] == path
    assert client.get(path).status_code == 200
    accepted = client.post(path)

    assert accepted["Location"] == "/alfa/"
    member = Member.objects.get(user=olga)
    assert (member.is_active, member.sector.name, member.is_admin) == (True, "Suporte", False)
    invitation.refresh_from_db()
    assert (invitation.member, invitation.accepted_at is not None) == (member, True)
    assert client.get("/alfa/").status_code == 200


def test_the_admin_sees_the_real_name_once_accepted(client_as, admin_member, olga, invitation):
    invitation_accept(actor=olga, invitation=invitation)

    page = client_as(admin_member).get(
        org_reverse("accounts:members", organization=admin_member.organization)
    )

    assert page.context["invitations"] == []
    assert "Olga Outra" in page.content.decode()


def test_another_signed_in_account_cannot_accept(client_as, member, olga, invitation):
    client = client_as(member)
    path = _path(invitation)

    page = client.get(path)
    client.post(path)

    assert "login_url" in page.context
    assert Member.objects.filter(user=olga).exists() is False
    with pytest.raises(DomainError, match="Este convite é para"):
        invitation_accept(actor=member.user, invitation=invitation)


def test_the_link_works_once(client, olga, invitation):
    path = _path(invitation)
    invitation_accept(actor=olga, invitation=invitation)

    assert client.get(path).status_code == 404
    with pytest.raises(DomainError, match="não vale mais"):
        invitation_accept(actor=olga, invitation=invitation)


def test_a_cancelled_invitation_link_is_dead(client, admin_member, invitation):
    path = _path(invitation)
    invitation_cancel(actor=admin_member, invitation=invitation)

    response = client.get(path)

    assert response.status_code == 404
    assert "não vale mais" in response.content.decode()


def test_the_link_expires_after_seven_days(client, olga, invitation):
    path = _path(invitation)
    Invitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(days=7, minutes=1)
    )

    assert client.get(path).status_code == 404
    invitation.refresh_from_db()
    with pytest.raises(DomainError, match="não vale mais"):
        invitation_accept(actor=olga, invitation=invitation)


@pytest.mark.parametrize(
    "token",
    [
        "nada",
        "WzEsMSwxXQ:1vQxyz:assinatura-falsa",
        signing.dumps([1, 1, 1], salt="outro-sal"),
        signing.dumps(["1", 1, 1], salt=SALT),
        signing.dumps({"o": 1}, salt=SALT),
    ],
)
def test_forged_or_malformed_links_are_dead(client, invitation, token):
    url = reverse("auth:invitation_accept", kwargs={"token": token})
    assert client.get(url).status_code == 404


def test_a_signed_link_of_another_organization_does_not_reach_this_invitation(
    client, other_organization, invitation
):
    token = signing.dumps([other_organization.pk, invitation.pk, 1], salt=SALT)

    assert client.get(reverse("auth:invitation_accept", kwargs={"token": token})).status_code == 404


def test_a_deactivated_member_reinvited_comes_back_on_accepting(admin_member, member, organization):
    member_update(actor=admin_member, member=member, sector=None, is_admin=False, is_active=False)
    sector = SectorFactory(organization=organization, name="Financeiro")
    invitation = member_invite(
        actor=admin_member, email=member.user.email, full_name="Bruno", sector=sector
    )
    member.refresh_from_db()
    assert member.is_active is False

    invitation_accept(actor=member.user, invitation=invitation)

    member.refresh_from_db()
    assert (member.is_active, member.sector) == (True, sector)


def test_a_new_account_form_checks_the_passwords(client, admin_member):
    invitation = member_invite(
        actor=admin_member, email="nova@example.com", full_name="Nova", sector=None
    )
    path = _path(invitation)

    differ = client.post(path, {"full_name": "Nova", "password1": "Abc-123-xyz", "password2": "x"})
    weak = client.post(path, {"full_name": "Nova", "password1": "123", "password2": "123"})

    assert differ.context["form"].errors["password2"] == ["As duas senhas são diferentes."]
    assert "password1" in weak.context["form"].errors
    assert Member.objects.filter(user__email="nova@example.com").exists() is False


def test_the_new_account_step_is_closed_once_the_address_has_a_password(client, admin_member):
    invitation = member_invite(
        actor=admin_member, email="nova@example.com", full_name="Nova", sector=None
    )
    path = _path(invitation)
    UserFactory(email="nova@example.com")  # joined another organization in the meantime

    page = client.get(path)

    assert "form" not in page.context
    assert "login_url" in page.context


@pytest.mark.parametrize("name", ["invitation_edit", "invitation_resend", "invitation_cancel"])
def test_invitation_pages_are_for_administrators_only(client_as, member, invitation, name):
    url = org_reverse(f"accounts:{name}", organization=member.organization, pk=invitation.pk)

    assert client_as(member).post(url, {"full_name": "Outro"}).status_code == 403
    invitation.refresh_from_db()
    assert (invitation.invited_name, invitation.send_count) == ("Nome Digitado", 1)


def test_admin_changes_resends_and_cancels_from_the_invitation_page(
    client_as, admin_member, invitation, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_as(admin_member)
    organization = admin_member.organization
    url = org_reverse("accounts:invitation_edit", organization=organization, pk=invitation.pk)

    client.post(url, {"full_name": "Nome Novo", "sector": "", "is_admin": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{url}reenviar/")
    invitation.refresh_from_db()
    assert (invitation.invited_name, invitation.sector, invitation.is_admin) == (
        "Nome Novo",
        None,
        True,
    )
    assert invitation.send_count == 2
    assert [message.to for message in mailoutbox] == [[invitation.email]]

    client.post(f"{url}cancelar/")
    assert Invitation.objects.exists() is False
    assert client.get(url).status_code == 404


def test_invitation_page_uses_a_fixed_number_of_queries(
    client_as, admin_member, invitation, django_assert_num_queries
):
    client = client_as(admin_member)
    url = org_reverse(
        "accounts:invitation_edit", organization=admin_member.organization, pk=invitation.pk
    )
    # session, user, organization by slug and membership (middleware), invitation with sector,
    # sector choices, organizations for the switcher
    with django_assert_num_queries(7):
        response = client.get(url)
    assert response.status_code == 200


def test_accept_page_uses_a_fixed_number_of_queries(client, invitation, django_assert_num_queries):
    path = _path(invitation)
    # the invitation with organization and inviter, the account of its e-mail
    with django_assert_num_queries(2):
        response = client.get(path)
    assert response.status_code == 200
