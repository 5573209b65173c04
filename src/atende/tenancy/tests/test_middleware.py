"""Requests reach an organization by `/<slug>/` or by a mapped host name; others get 404."""

import pytest
from django.core.cache import cache

from atende.tenancy.models import Organization

pytestmark = pytest.mark.django_db


def test_member_opens_their_organization_by_path(client_as, member):
    response = client_as(member).get(f"/{member.organization.slug}/")
    assert response.status_code == 200
    assert response.context["organization"] == member.organization


def test_unknown_and_inactive_organizations_look_the_same(client_as, member, organization):
    client = client_as(member)
    assert client.get("/nao-existe/").status_code == 404
    Organization.objects.filter(pk=organization.pk).update(is_active=False)
    assert client.get(f"/{organization.slug}/").status_code == 404


def test_mapped_host_name_opens_the_organization_without_prefix(
    client_as, member, organization, settings
):
    settings.ALLOWED_HOSTS = ["suporte.alfa.com.br", "testserver"]
    organization.hostname = "suporte.alfa.com.br"
    organization.save()
    cache.clear()

    response = client_as(member).get("/perfil/", HTTP_HOST="suporte.alfa.com.br")

    assert response.status_code == 200
    assert response.context["organization"] == organization


def test_mapped_host_name_does_not_open_another_organization(
    client_as, other_member, organization, settings
):
    settings.ALLOWED_HOSTS = ["suporte.alfa.com.br", "testserver"]
    organization.hostname = "suporte.alfa.com.br"
    organization.save()
    cache.clear()

    response = client_as(other_member).get("/", HTTP_HOST="suporte.alfa.com.br")

    assert response.status_code == 404


def test_user_of_two_organizations_switches_between_them(
    client_as, member, other_organization, organization
):
    from atende.accounts.tests.factories import MemberFactory

    MemberFactory(organization=other_organization, user=member.user)
    client = client_as(member)

    page = client.get(f"/{organization.slug}/").content.decode()

    assert f'href="/{other_organization.slug}/"' in page
    assert client.get(f"/{other_organization.slug}/").status_code == 200


def test_home_page_queries_are_fixed(client_as, member, admin_member, django_assert_num_queries):
    administrator, without_module = client_as(admin_member), client_as(member)
    # session, user, organization by slug, membership in it, switcher organizations
    with django_assert_num_queries(5):
        assert administrator.get(f"/{member.organization.slug}/").status_code == 200
    # A member with no module is also told which administrators to ask (one query).
    with django_assert_num_queries(6):
        assert without_module.get(f"/{member.organization.slug}/").status_code == 200


def test_settings_tab_is_active_on_every_settings_page(client_as, admin_member, organization):
    page = client_as(admin_member).get(f"/{organization.slug}/configuracoes/setores/")
    active = [item["label"] for item in page.context["navigation"]() if item["active"]]
    assert active == ["Configurações"]


def test_the_switcher_lists_every_organization_of_the_user_and_no_other(
    organization, other_organization
):
    from atende.accounts.tests.factories import MemberFactory, OrganizationFactory, UserFactory
    from atende.tenancy.selectors import organizations_of

    user = UserFactory()
    MemberFactory(organization=organization, user=user)
    MemberFactory(organization=other_organization, user=user)
    third = OrganizationFactory(slug="gama", name="Gama Ltda")
    MemberFactory(organization=third, user=user, is_active=False)  # no longer a member there

    assert organizations_of(user) == [organization, other_organization]
