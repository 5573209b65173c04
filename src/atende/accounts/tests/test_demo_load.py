"""`demo_load` is for developer machines: with DEBUG off it refuses, and even when forced it
never leaves a platform superuser with the published password."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from atende.accounts.management.commands.demo_load import DEMO_PASSWORD, PLATFORM_EMAIL, Command
from atende.accounts.models import User
from atende.tenancy.context import activate, dangerously_unscoped
from atende.tenancy.models import Member, Organization

ROOT = Path(__file__).resolve().parents[4]


@pytest.fixture
def users_only(monkeypatch):
    """Skip the apps' demo records (customers/tests/test_demo_data.py covers them): these tests
    are about the users."""
    monkeypatch.setattr(Command, "_load_app_demo_data", lambda *args, **kwargs: [])


def test_refuses_with_debug_off_before_touching_the_database(tmp_path):
    environment = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "k8Jw2-production-like-secret-for-tests-only-9f8e7d6c5b4a3z2y1x0w",
        "DATABASE_URL": "",
        "ATENDE_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "demo_load"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert "DEBUG está desligado (produção)" in result.stderr
    assert "use --force" in result.stderr
    assert list(tmp_path.iterdir()) == []  # not even an empty SQLite file


@pytest.mark.django_db
def test_refuses_in_production_without_force(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="use --force"):
        call_command("demo_load", stdout=io.StringIO())

    with dangerously_unscoped():
        assert Organization.objects.filter(slug__in=["demo", "acme"]).exists() is False
    assert User.objects.filter(email__endswith=".local").exists() is False


@pytest.mark.django_db
def test_forced_in_production_loads_the_organizations_but_no_platform_superuser(settings):
    settings.PRODUCTION = True
    output = io.StringIO()

    call_command("demo_load", "--force", stdout=output)

    with dangerously_unscoped():
        assert sorted(Organization.objects.values_list("slug", flat=True)) == [
            "acme",
            "alfa",
            "demo",
        ]
        demo = Organization.objects.get(slug="demo")
    with activate(demo):  # row security on PostgreSQL: members are read inside their organization
        assert Member.objects.get(user__email="admin@demo.local").is_admin is True
    assert User.objects.filter(email=PLATFORM_EMAIL).exists() is False
    assert User.objects.filter(is_superuser=True).exists() is False
    assert f"{PLATFORM_EMAIL} não foi criado: DEBUG está desligado." in output.getvalue()
    assert "admin da plataforma" not in output.getvalue()  # no login listed for it


@pytest.mark.django_db
def test_forced_in_production_makes_a_leftover_demo_superuser_password_unusable(
    settings, users_only
):
    leftover = User.objects.create_user(PLATFORM_EMAIL, DEMO_PASSWORD, full_name="Plataforma")
    leftover.is_staff = leftover.is_superuser = True
    leftover.save()
    settings.PRODUCTION = True
    output = io.StringIO()

    call_command("demo_load", "--force", stdout=output)

    leftover.refresh_from_db()
    assert leftover.has_usable_password() is False
    assert leftover.check_password(DEMO_PASSWORD) is False
    assert "tinha a senha de demonstração: a senha foi inutilizada" in output.getvalue()


@pytest.mark.django_db
def test_forced_in_production_leaves_a_platform_user_with_its_own_password_alone(
    settings, users_only
):
    own = User.objects.create_user(PLATFORM_EMAIL, "uma-senha-so-dela-42", full_name="Plataforma")
    settings.PRODUCTION = True

    call_command("demo_load", "--force", stdout=io.StringIO())

    own.refresh_from_db()
    assert own.check_password("uma-senha-so-dela-42") is True


@pytest.mark.django_db
def test_development_creates_the_platform_superuser_with_the_demo_password(settings, users_only):
    settings.PRODUCTION = False

    call_command("demo_load", stdout=io.StringIO())

    platform = User.objects.get(email=PLATFORM_EMAIL)
    assert (platform.is_staff, platform.is_superuser) == (True, True)
    assert platform.check_password(DEMO_PASSWORD) is True
