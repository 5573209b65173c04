"""Factories for organizations, users, sectors and members (every factory takes organization)."""

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from atende.accounts.models import Invitation, Sector, User
from atende.tenancy.context import activate
from atende.tenancy.models import Member, Organization

TEST_PASSWORD = "senha-de-teste-123"  # noqa: S105


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Empresa {n} Ltda")
    slug = factory.Sequence(lambda n: f"empresa-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"pessoa{n}@example.com")
    full_name = factory.Sequence(lambda n: f"Pessoa {n}")
    password = factory.LazyFunction(lambda: make_password(TEST_PASSWORD))


class TenantFactory(factory.django.DjangoModelFactory):
    """Creates the row inside its organization, whatever organization is active around it."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        organization = kwargs["organization"]
        with activate(organization):
            return super()._create(model_class, *args, **kwargs)


class SectorFactory(TenantFactory):
    class Meta:
        model = Sector

    name = factory.Sequence(lambda n: f"Setor {n}")


class MemberFactory(TenantFactory):
    class Meta:
        model = Member

    user = factory.SubFactory(UserFactory)


class InvitationFactory(TenantFactory):
    """A pending invitation, as if sent just now."""

    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"convidada{n}@example.com")
    invited_name = factory.Sequence(lambda n: f"Convidada {n}")
    send_count = 1
    sent_at = factory.LazyFunction(timezone.now)
