"""Keyset paging walks every row once, in order, whatever the page size and sort."""

import pytest

from atende.accounts.models import Sector
from atende.accounts.tests.factories import SectorFactory
from atende.core.pagination import keyset_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("ordering", [["name", "pk"], ["-name", "-pk"], ["-created_at", "pk"]])
def test_pages_cover_all_rows_once_in_order(organization, ordering):
    for index in range(23):
        SectorFactory(organization=organization, name=f"Setor {index % 7}-{index:02}")
    expected = list(Sector.objects.order_by(*ordering).values_list("pk", flat=True))

    seen, cursor = [], None
    while True:
        page = keyset_page(Sector.objects.all(), ordering=ordering, cursor=cursor, size=5)
        seen += [sector.pk for sector in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor

    assert seen == expected
