"""The tenancy system checks fire on bad models (E001–E003), and stay quiet on good ones.

The models below live in a throw-away app registry (`isolate_apps`), and the check reads that
registry instead of the project's, so the project's own models are not part of the answer.
"""

import pytest
from django.apps import apps as project_apps
from django.db import models
from django.test.utils import isolate_apps

from atende.tenancy import checks as tenancy_checks
from atende.tenancy.models import Organization, TenantModel


@pytest.fixture
def registry(monkeypatch):
    """An empty app registry that knows Organization, which the check reads from now on."""
    with isolate_apps("atende.tenancy", kwarg_name=None) as test_apps:
        test_apps.register_model("tenancy", Organization)
        monkeypatch.setattr(tenancy_checks, "apps", test_apps)
        yield test_apps
    assert project_apps.get_model("tenancy", "Organization") is Organization


def _ids(errors) -> list[tuple[str, str]]:
    return sorted((error.id, error.obj.__name__) for error in errors)


def test_a_model_pointing_at_organization_must_be_a_tenant_model(registry):
    class LooseNote(models.Model):  # noqa: DJ008
        organization = models.ForeignKey(Organization, on_delete=models.CASCADE)

        class Meta:
            app_label = "tenancy"

    errors = tenancy_checks.check_tenant_models()

    assert _ids(errors) == [("tenancy.E001", "LooseNote")]
    assert "has a foreign key to Organization but is not a TenantModel" in errors[0].msg


def test_unique_fields_and_indexes_must_lead_with_organization(registry):
    class BadInvoice(TenantModel):
        code = models.CharField(max_length=10, unique=True)
        due_on = models.DateField(db_index=True)
        status = models.CharField(max_length=10)

        class Meta:
            app_label = "tenancy"
            unique_together = [("status", "organization")]
            indexes = [models.Index(fields=["status"], name="bad_invoice_status")]
            constraints = [
                models.UniqueConstraint(fields=["due_on", "status"], name="bad_invoice_due")
            ]

    errors = tenancy_checks.check_tenant_models()

    assert {error.id for error in errors} == {"tenancy.E002"}
    messages = sorted(error.msg for error in errors)
    assert messages == sorted(
        [
            "tenancy.BadInvoice: field 'code' is unique on its own.",
            "tenancy.BadInvoice: field 'due_on' has a single-column index (db_index).",
            "tenancy.BadInvoice: unique_together ('status', 'organization') does not start "
            "with organization.",
            "tenancy.BadInvoice: index bad_invoice_status does not start with organization.",
            "tenancy.BadInvoice: unique constraint bad_invoice_due does not start with "
            "organization.",
        ]
    )


def test_a_foreign_key_with_its_default_index_is_caught(registry):
    class Parent(TenantModel):
        class Meta:
            app_label = "tenancy"

    class Child(TenantModel):
        parent = models.ForeignKey(Parent, on_delete=models.CASCADE)  # db_index=True by default

        class Meta:
            app_label = "tenancy"

    errors = tenancy_checks.check_tenant_models()

    assert [error.msg for error in errors] == [
        "tenancy.Child: field 'parent' has a single-column index (db_index)."
    ]


def test_an_index_named_like_a_table_is_caught(registry):
    class Ledger(TenantModel):
        kind = models.CharField(max_length=10)

        class Meta:
            app_label = "tenancy"
            db_table = "tenancy_ledger"
            indexes = [models.Index(fields=["organization", "kind"], name="tenancy_journal")]

    class Journal(TenantModel):
        class Meta:
            app_label = "tenancy"
            db_table = "tenancy_journal"

    errors = tenancy_checks.check_tenant_models()

    assert _ids(errors) == [("tenancy.E003", "Ledger")]
    assert (
        errors[0].msg == "tenancy.Ledger: index/constraint tenancy_journal has the name of a table."
    )


def test_a_well_made_tenant_model_passes(registry):
    class GoodInvoice(TenantModel):
        code = models.CharField(max_length=10)
        customer = models.ForeignKey(
            "tenancy.GoodCustomer", on_delete=models.CASCADE, db_index=False
        )

        class Meta:
            app_label = "tenancy"
            indexes = [models.Index(fields=["organization", "customer"], name="good_inv_cust")]
            constraints = [
                models.UniqueConstraint(fields=["organization", "code"], name="good_inv_code")
            ]

    class GoodCustomer(TenantModel):
        class Meta:
            app_label = "tenancy"

    assert tenancy_checks.check_tenant_models() == []


def test_the_project_itself_passes():
    assert tenancy_checks.check_tenant_models() == []
