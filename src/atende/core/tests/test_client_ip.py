"""The client address: REMOTE_ADDR unless proxies are trusted, then the right-most untrusted hop."""

import pytest
from django.test import RequestFactory

from atende.core.client_ip import AuditlogMiddleware, client_ip
from atende.tenancy.models import AuditLogEntry

FORGED = "198.51.100.66"


def _request(remote_addr="203.0.113.10", forwarded=None, **headers):
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)


def test_without_trusted_proxies_a_forged_header_changes_nothing(settings):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 0

    assert client_ip(_request(forwarded=FORGED)) == "203.0.113.10"
    assert client_ip(_request(forwarded=f"{FORGED}, 192.0.2.1")) == "203.0.113.10"


def test_behind_one_proxy_the_right_most_entry_is_the_client(settings):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 1
    # The client wrote FORGED itself; our proxy appended the address it really saw.
    request = _request(remote_addr="10.0.0.2", forwarded=f"{FORGED}, 203.0.113.10")

    assert client_ip(request) == "203.0.113.10"


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(settings):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 2
    request = _request(remote_addr="10.0.0.3", forwarded=f"{FORGED}, 203.0.113.10, 10.0.0.2")

    assert client_ip(request) == "203.0.113.10"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("203.0.113.10:51234", "203.0.113.10"),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("2001:db8::7", "2001:db8::7"),
        (" 203.0.113.10 ", "203.0.113.10"),
    ],
)
def test_ports_and_spaces_are_dropped(settings, entry, expected):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(remote_addr="10.0.0.2", forwarded=entry)) == expected


@pytest.mark.parametrize("forwarded", [None, "", "not-an-address", " , "])
def test_a_missing_short_or_garbled_header_falls_back_to_the_peer(settings, forwarded):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(remote_addr="10.0.0.2", forwarded=forwarded)) == "10.0.0.2"


def test_fewer_entries_than_proxies_falls_back_to_the_peer(settings):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request(remote_addr="10.0.0.3", forwarded=FORGED)) == "10.0.0.3"


def test_audit_log_records_our_address_not_the_first_forwarded_entry(settings):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 0
    request = _request(forwarded=FORGED, HTTP_X_FORWARDED_PORT="8443")

    extra = AuditlogMiddleware(get_response=lambda request: None).get_extra_data(request)

    assert (extra["remote_addr"], extra["remote_port"]) == ("203.0.113.10", None)


@pytest.mark.django_db
def test_an_audited_change_behind_a_proxy_stores_the_client(settings, client_as, admin_member):
    settings.ATENDE_TRUSTED_PROXY_COUNT = 1
    client = client_as(admin_member)

    client.post(
        f"/{admin_member.organization.slug}/configuracoes/setores/novo/",
        {"name": "Cobrança"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=f"{FORGED}, 203.0.113.10",
    )

    entry = AuditLogEntry.objects.get(object_repr="Cobrança")
    assert entry.remote_addr == "203.0.113.10"
