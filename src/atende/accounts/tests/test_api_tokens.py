"""Personal API tokens: shown once, stored hashed, bound to one organization, revocable."""

import hashlib

import pytest

from atende.accounts.models import ApiToken
from atende.accounts.services.tokens import api_token_create, api_token_member, api_token_revoke
from atende.tenancy.context import activate
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def _me(client, token):
    return client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")


def test_token_is_stored_only_as_a_hash(member):
    token, plain = api_token_create(actor=member, name="ERP")

    secret = plain.split("_", 3)[3]
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert plain not in str(ApiToken.objects.values_list().get(pk=token.pk))


def test_me_answers_with_user_and_organization_of_the_token(client, member, organization):
    _, plain = api_token_create(actor=member, name="ERP")

    response = _me(client, plain)

    assert response.status_code == 200
    assert response.json() == {
        "id": member.user.pk,
        "email": member.user.email,
        "full_name": "Bruno Membro",
        "is_admin": False,
        "sector": None,
        "organization": {"id": organization.pk, "slug": "alfa", "name": "Alfa Provedor Ltda"},
    }


def test_revoked_tampered_and_missing_tokens_get_401_in_portuguese(client, member):
    token, plain = api_token_create(actor=member, name="ERP")
    tampered = plain[:-2] + ("aa" if not plain.endswith("aa") else "bb")
    assert _me(client, tampered).status_code == 401
    assert client.get("/api/v1/me").json()["message"] == "Token ausente, inválido ou revogado."

    api_token_revoke(actor=member, token=token)

    assert _me(client, plain).status_code == 401


def test_token_of_a_deactivated_member_stops_working(client, member):
    _, plain = api_token_create(actor=member, name="ERP")
    member.is_active = False
    member.save()
    assert _me(client, plain).status_code == 401


def test_token_names_the_organization_it_belongs_to(member, other_member, other_organization):
    _, plain = api_token_create(actor=member, name="ERP")
    forged = plain.replace(f"atd_{member.organization_id}_", f"atd_{other_organization.pk}_")
    assert api_token_member(forged) is None
    assert api_token_member(plain) == member


def test_profile_shows_a_new_token_once(client_as, member, organization):
    client = client_as(member)
    client.post(org_reverse("accounts:token_create", organization=organization), {"name": "ERP"})
    profile = org_reverse("accounts:profile", organization=organization)

    first = client.get(profile).content.decode()
    second = client.get(profile).content.decode()

    assert 'id="new-token"' in first
    assert 'id="new-token"' not in second
    assert "ERP" in second


def test_member_cannot_revoke_a_colleagues_token(client_as, member, admin_member, organization):
    with activate(organization):
        token, _ = api_token_create(actor=admin_member, name="Do admin")
    response = client_as(member).post(
        org_reverse("accounts:token_revoke", organization=organization, pk=token.pk)
    )
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
