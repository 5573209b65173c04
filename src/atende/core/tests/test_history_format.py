"""Values as people write them: masks, dates in the organization's zone, JSON, yes/no."""

import pytest
from django.utils import timezone

from atende.core.history_format import format_date, format_datetime, format_json, yes_no
from atende.core.phones import phone_display
from atende.core.text import format_cep


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("19991234567", "(19) 99123-4567"),
        ("1932345678", "(19) 3234-5678"),
        ("(19) 3234-5678", "(19) 3234-5678"),
        ("0800 123 4567", "0800 123 4567"),  # not a DDD number: as written
        ("ramal 12", "ramal 12"),
        ("", ""),
    ],
)
def test_phone_mask(stored, shown):
    assert phone_display(stored) == shown


def test_cep_mask():
    assert (format_cep("13010000"), format_cep("1301"), format_cep("")) == ("13010-000", "1301", "")


def test_dates_read_day_first_and_times_in_the_active_zone():
    assert format_date("2026-03-01") == "01/03/2026"
    assert format_date("não é data") == "não é data"
    with timezone.override("America/Sao_Paulo"):
        # auditlog records naive UTC
        assert format_datetime("2026-03-01 12:30:00.123456") == "01/03/2026 09:30"
        assert format_datetime("2026-03-01") == "01/03/2026"


def test_json_and_booleans_read_as_text():
    assert format_json('["a@b.com", "c@d.com"]') == "a@b.com, c@d.com"
    assert format_json('{"desde": "2020-05-04", "vip": true}') == "desde: 04/05/2020; vip: Sim"
    assert format_json("not json") == "not json"
    assert (yes_no("True"), yes_no("False")) == ("Sim", "Não")
