"""CEP lookup against a local HTTP server that answers like ViaCEP."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from atende.customers.cep import CepAddress, CepUnavailable, ViaCepLookup
from atende.tenancy.urls import org_reverse

KNOWN = {
    "01001000": {
        "cep": "01001-000",
        "logradouro": "Praça da Sé",
        "complemento": "lado ímpar",
        "bairro": "Sé",
        "localidade": "São Paulo",
        "uf": "SP",
    }
}


class FakeViaCep(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802  (http.server's name)
        cep = self.path.strip("/").split("/")[-2]
        if cep == "99999999":
            time.sleep(1.0)  # slower than the client's timeout
        body = json.dumps(KNOWN.get(cep, {"erro": "true"})).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
        except BrokenPipeError:  # the client gave up first: that is the timeout under test
            return

    def log_message(self, *args) -> None:
        return


@pytest.fixture
def viacep():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeViaCep)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/ws"
    server.shutdown()


def _serve(handler) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Internal(BaseHTTPRequestHandler):
    """Stands for an address inside our network: it must never be asked anything."""

    received: list = []

    def do_GET(self) -> None:  # noqa: N802
        Internal.received.append(self.path)
        body = json.dumps(KNOWN["01001000"]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        return


@pytest.fixture
def redirecting_viacep(request):
    """A ViaCEP look-alike that answers every lookup with a redirect to `Internal`."""
    internal = _serve(Internal)
    Internal.received = []
    status = getattr(request, "param", 302)

    class Redirecting(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(status)
            self.send_header("Location", f"http://127.0.0.1:{internal.server_address[1]}/x")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args) -> None:
            return

    server = _serve(Redirecting)
    yield f"http://127.0.0.1:{server.server_address[1]}/ws"
    server.shutdown()
    internal.shutdown()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_known_cep_gives_the_address(viacep):
    address = ViaCepLookup(viacep, timeout=2).lookup("01001-000")
    assert address == CepAddress("01001000", "Praça da Sé", "Sé", "São Paulo", "SP", "lado ímpar")


def test_unknown_cep_gives_none(viacep):
    assert ViaCepLookup(viacep, timeout=2).lookup("12345678") is None
    assert ViaCepLookup(viacep, timeout=2).lookup("123") is None


def test_timeout_and_refused_connection_are_unavailable(viacep):
    with pytest.raises(CepUnavailable):
        ViaCepLookup(viacep, timeout=0.2).lookup("99999999")
    with pytest.raises(CepUnavailable):
        ViaCepLookup(f"http://127.0.0.1:{_closed_port()}/ws", timeout=1).lookup("01001000")


@pytest.mark.parametrize("redirecting_viacep", [301, 302, 303, 307, 308], indirect=True)
def test_redirect_is_unavailable_and_not_followed(redirecting_viacep):
    with pytest.raises(CepUnavailable):
        ViaCepLookup(redirecting_viacep, timeout=2).lookup("01001000")
    assert Internal.received == []


@pytest.mark.django_db
def test_form_lookup_fills_the_address_inputs(
    client_as, admin_member, organization, settings, viacep
):
    settings.VIACEP_URL = viacep
    url = org_reverse("customers:cep", organization=organization)

    body = client_as(admin_member).get(url, {"postal_code": "01001-000"}).content.decode()

    assert 'id="id_street"' in body
    assert 'value="Praça da Sé"' in body
    assert 'hx-swap-oob="true"' in body
    assert '<option value="SP" selected>' in body


@pytest.mark.django_db
def test_form_lookup_when_the_service_is_down_is_a_gentle_notice(
    client_as, admin_member, organization, settings
):
    settings.VIACEP_URL = f"http://127.0.0.1:{_closed_port()}/ws"
    url = org_reverse("customers:cep", organization=organization)

    response = client_as(admin_member).get(
        url, {"prefix": "billing_", "billing_postal_code": "01001000"}
    )

    assert response.status_code == 200
    assert "Busca de CEP indisponível agora: preencha o endereço." in response.content.decode()


@pytest.mark.django_db
def test_form_lookup_redirected_is_the_gentle_notice(
    client_as, admin_member, organization, settings, redirecting_viacep
):
    settings.VIACEP_URL = redirecting_viacep
    url = org_reverse("customers:cep", organization=organization)

    response = client_as(admin_member).get(url, {"postal_code": "01001-000"})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Busca de CEP indisponível agora: preencha o endereço." in body
    assert "Praça da Sé" not in body
    assert Internal.received == []
