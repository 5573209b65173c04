"""SMS and e-mail to the customers of a filtered list, with progress (issue 9, C11)."""

import pytest
from django.core import mail

from atende.customers.models import (
    BulkMessage,
    BulkRecipient,
    CustomerEmail,
    CustomerSms,
    RecipientStatus,
)
from atende.customers.selectors import CustomerFilters
from atende.customers.services.bulk import bulk_message_create
from atende.customers.tasks import bulk_message_send_task
from atende.customers.tests.factories import ContactFactory, CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db


def give(member, organization, *codenames):
    from django.contrib.auth.models import Permission

    from atende.accounts.tests.factories import SectorFactory

    sector = SectorFactory(organization=organization, name="Comercial")
    sector.permissions.set(
        Permission.objects.filter(content_type__app_label="customers", codename__in=codenames)
    )
    member.sector = sector
    member.save()


def url(organization, name, **kwargs):
    return org_reverse(f"customers:{name}", organization=organization, **kwargs)


@pytest.fixture
def campinas(organization):
    """Two customers in Campinas (one reachable by SMS, one not) and one in Recife."""
    ana = CustomerFactory(organization=organization, name="Ana Campos", city="Campinas",
                          email="ana@example.com")  # fmt: skip
    ContactFactory(organization=organization, customer=ana, name="Ana Campos",
                   mobile="(19) 99999-0001", sms_consent=True, email="")  # fmt: skip
    bento = CustomerFactory(organization=organization, name="Bento Lima", city="Campinas",
                            email="")  # fmt: skip
    ContactFactory(organization=organization, customer=bento, name="Bento",
                   mobile="(19) 99999-0002", email="bento@example.com")  # fmt: skip
    recife = CustomerFactory(organization=organization, name="Caio Recife", city="Recife")
    ContactFactory(organization=organization, customer=recife, mobile="(81) 99999-0003",
                   sms_consent=True)  # fmt: skip
    return ana, bento


def test_page_previews_the_count_of_the_lists_filter(
    client_as, admin_member, organization, campinas, django_assert_num_queries
):
    client = client_as(admin_member)
    client.get(url(organization, "list"))  # session warmed
    # session, user, organization, member, three counts, SMS templates, switcher
    with django_assert_num_queries(9):
        response = client.get(url(organization, "bulk_new") + "?city=Campinas")
    counts = response.context["counts"]
    assert counts == {"customers": 2, "messages": 1, "skipped": 1}
    page = response.content.decode()
    assert '<input type="hidden" name="city" value="Campinas">' in page
    email_counts = client.get(url(organization, "bulk_new") + "?city=Campinas&channel=email")
    assert email_counts.status_code == 200


def test_sms_goes_to_consenting_mobiles_and_skipped_customers_are_listed(
    client_as, admin_member, organization, campinas, django_capture_on_commit_callbacks
):
    ana, bento = campinas
    client = client_as(admin_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(organization, "bulk_new"), {
            "city": "Campinas", "channel": "sms", "text": "Oi {primeiro_nome}, código {codigo}.",
            "action": "send",
        })  # fmt: skip
    bulk = BulkMessage.objects.get()
    assert response["Location"] == url(organization, "bulk_detail", pk=bulk.pk)
    assert (bulk.status, bulk.total, bulk.sent, bulk.failed, bulk.skipped) == ("done", 2, 1, 0, 1)
    assert list(CustomerSms.objects.values_list("customer_id", "text", "status")) == [
        (ana.pk, f"Oi Ana, código {ana.number}.", "sent")
    ]
    skipped = BulkRecipient.objects.get(status=RecipientStatus.SKIPPED)
    assert (skipped.customer_id, skipped.reason) == (
        bento.pk, "Nenhum contato autorizou SMS no celular."
    )  # fmt: skip
    page = client.get(response["Location"]).content.decode()
    assert "Bento Lima" in page
    assert 'hx-trigger="every 2s"' not in page  # finished: no more polling


def test_email_goes_to_the_customer_or_a_contact_and_skips_those_without(
    admin_member, organization, campinas, django_capture_on_commit_callbacks
):
    ana, bento = campinas
    CustomerFactory(organization=organization, city="Campinas", email="")
    with django_capture_on_commit_callbacks(execute=True):
        bulk = bulk_message_create(
            actor=admin_member, filters=CustomerFilters(city="Campinas"), channel="email",
            subject="Manutenção programada", text="Haverá manutenção amanhã.",
        )  # fmt: skip
    bulk.refresh_from_db()
    assert (bulk.total, bulk.sent, bulk.skipped) == (3, 2, 1)
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.com", "bento@example.com"]
    assert CustomerEmail.objects.filter(status="sent").count() == 2


def test_running_the_job_again_sends_no_one_twice(
    admin_member, organization, campinas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bulk = bulk_message_create(actor=admin_member, filters=CustomerFilters(city="Campinas"),
                                   channel="sms", text="Aviso")  # fmt: skip
    bulk_message_send_task(organization.pk, bulk.pk)
    bulk.refresh_from_db()
    assert (CustomerSms.objects.count(), bulk.sent) == (1, 1)


def test_progress_page_polls_while_sending(client_as, admin_member, organization, campinas):
    bulk = bulk_message_create(
        actor=admin_member, filters=CustomerFilters(city="Campinas"), channel="sms", text="Aviso"
    )  # fmt: skip (job not run yet)
    client = client_as(admin_member)
    page = client.get(url(organization, "bulk_detail", pk=bulk.pk)).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "1 de 2 (50%)" in page  # the skipped one is already counted
    fragment = client.get(url(organization, "bulk_detail", pk=bulk.pk), HTTP_HX_REQUEST="true")
    assert "<html" not in fragment.content.decode()


def test_nobody_reachable_is_refused_and_nothing_is_kept(client_as, admin_member, organization):
    CustomerFactory(organization=organization, city="Natal")
    response = client_as(admin_member).post(url(organization, "bulk_new"), {
        "city": "Natal", "channel": "sms", "text": "Oi", "action": "send",
    })  # fmt: skip
    assert "Ninguém desta lista pode receber a mensagem." in response.content.decode()
    assert (BulkMessage.objects.count(), BulkRecipient.objects.count()) == (0, 0)


def test_unknown_placeholder_is_refused(client_as, admin_member, organization, campinas):
    response = client_as(admin_member).post(url(organization, "bulk_new"), {
        "channel": "sms", "text": "Oi {nmoe}", "action": "send",
    })  # fmt: skip
    assert "Marcador desconhecido: {nmoe}" in response.content.decode()
    assert BulkMessage.objects.count() == 0


def test_only_the_author_and_administrators_see_a_send(
    client_as, admin_member, member, organization, campinas
):
    give(member, organization, "view_customer", "send_sms_customer")
    bulk = bulk_message_create(actor=admin_member, filters=CustomerFilters(), channel="sms",
                               text="Aviso")  # fmt: skip
    response = client_as(member).get(url(organization, "bulk_detail", pk=bulk.pk))
    assert response.status_code == 404


def test_email_only_member_cannot_send_sms(client_as, member, organization, campinas):
    give(member, organization, "view_customer", "send_email_customer")
    response = client_as(member).post(url(organization, "bulk_new"), {
        "channel": "sms", "text": "Oi", "action": "send",
    })  # fmt: skip
    assert response.status_code == 403
    assert BulkMessage.objects.count() == 0


def test_progress_page_queries_are_fixed(
    client_as, admin_member, organization, campinas, django_assert_num_queries
):
    bulk = bulk_message_create(actor=admin_member, filters=CustomerFilters(), channel="sms",
                               text="Aviso")  # fmt: skip
    client = client_as(admin_member)
    client.get(url(organization, "list"))
    # session, user, organization, member, the send, skipped and failed recipients, switcher
    with django_assert_num_queries(8):
        response = client.get(url(organization, "bulk_detail", pk=bulk.pk))
    assert response.status_code == 200
