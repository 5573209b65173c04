"""The agent's queue fits a 1366 px screen: no sideways scroll inside the table, even with the
longest due-date words and names."""

from datetime import timedelta

import pytest

from atende.core.tests.browser.conftest import DESKTOP, sign_in
from atende.customers.tests.factories import CustomerFactory
from atende.desk.models import AreaResource
from atende.desk.sla import organization_today
from atende.desk.tests.factories import AreaFactory, TicketFactory
from atende.tenancy.context import activate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_queue_fits_a_desktop_screen(page_at, admin_member, organization):
    with activate(organization):
        area = AreaFactory(organization=organization, name="Suporte técnico e instalação")
        AreaResource.objects.create(area=area, member=admin_member)
        customer = CustomerFactory(
            organization=organization, name="Padaria e Confeitaria Pão Quente"
        )
        today = organization_today(organization)
        for days in (-3, 0, 1, 5):  # overdue, today, tomorrow ("Vence amanhã"), on time
            TicketFactory(
                organization=organization, area=area, customer=customer,
                assignee=admin_member, due_on=today + timedelta(days=days),
                title="Instalação de ponto extra no escritório dos fundos",
            )  # fmt: skip
    page = page_at(DESKTOP)
    sign_in(page, admin_member.user.email)
    page.goto(f"{page.base}/{organization.slug}/atendimentos/?scope=open")

    overflow = page.evaluate(
        "(() => { const w = document.querySelector('.table-wrap');"
        " return w.scrollWidth - w.clientWidth; })()"
    )

    assert overflow <= 0
    assert page.locator("table.list .sla-words", has_text="Vence amanhã").count() == 1
    assert page.errors == []
