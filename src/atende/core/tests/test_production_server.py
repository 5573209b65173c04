"""The production configuration, started for real: gunicorn with gunicorn.conf.py, DEBUG=0, static
files collected and served by WhiteNoise, PostgreSQL as the application role.

The data is committed (transactional_db) and the server opens this run's test database with the
same role the tests use (`make test` migrated it as the owner and connects as `atende_test_app`).
The test stands where the TLS proxy would: its requests say `X-Forwarded-Proto: https`, so the
production settings stay as they are (HTTPS redirect, Secure cookies, HSTS, CSRF origin checks).
"""

import gzip
import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection

from atende.core.testing import worker
from atende.customers.tests.factories import CustomerFactory
from atende.tenancy.urls import org_reverse

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[4]
READY_TIMEOUT = 30.0
PASSWORD = "uma-senha-de-producao-42"  # noqa: S105  (a throw-away user in a throw-away database)


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        reason = (
            f"the production server runs on PostgreSQL; this run uses {connection.vendor} "
            "(make test runs this test in its PostgreSQL step)"
        )
        print(f"SKIP: {reason}")  # noqa: T201  (the reason shows with -rs and -s)
        pytest.skip(reason)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


class SecureCookiesBehindTheProxy(http.cookiejar.DefaultCookiePolicy):
    """The client's side of the TLS proxy is HTTPS, so Secure cookies go back, though the last
    hop (here, to gunicorn) is plain HTTP."""

    def return_ok_secure(self, cookie, request) -> bool:
        return True


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # every answer is checked as it comes


class Browser:
    """A cookie jar and headers, as a browser behind the TLS proxy sends them."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.origin = "https://" + urllib.parse.urlsplit(base_url).netloc
        self.cookies = http.cookiejar.CookieJar(policy=SecureCookiesBehindTheProxy())
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects()
        )

    def get(self, path: str, **headers: str) -> Response:
        return self._send(urllib.request.Request(self.base_url + path), headers)

    def post(self, path: str, fields: dict[str, str], **headers: str) -> Response:
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base_url + path, data=body, method="POST")
        headers = {"Origin": self.origin, "Referer": self.origin + path, **headers}
        return self._send(request, headers)

    def _send(self, request: urllib.request.Request, headers: dict[str, str]) -> Response:
        request.add_header("X-Forwarded-Proto", "https")
        for name, value in headers.items():
            request.add_header(name.replace("_", "-"), value)
        try:
            with self.opener.open(request, timeout=15) as answer:
                return Response(answer.status, dict(answer.headers), answer.read())
        except urllib.error.HTTPError as answer:  # 3xx (not followed), 4xx, 5xx
            return Response(answer.code, dict(answer.headers), answer.read())


class Server:
    """A running gunicorn and everything it printed so far."""

    def __init__(self, process: subprocess.Popen, base_url: str) -> None:
        self.process = process
        self.base_url = base_url
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:  # read always: a full pipe would block the server
            self.lines.append(line)

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def wait_until_ready(self, timeout: float = READY_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                self._reader.join(2)
                raise RuntimeError(f"gunicorn exited at start:\n{self.log}")
            try:
                with urllib.request.urlopen(self.base_url + "/healthz", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"gunicorn did not answer in {timeout:.0f}s:\n{self.log}")
            time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()  # graceful: workers finish their request
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(5)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _production_env(static_root: Path, port: int) -> dict[str, str]:
    environment = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": worker.test_database_url(),  # this run's database, as the application role
        "STATIC_ROOT": str(static_root),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "DJANGO_SETTINGS_MODULE": "atende.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "PYTHONUNBUFFERED": "1",
    }
    for test_only in ("DJANGO_ALLOW_ASYNC_UNSAFE", "ATENDE_TEST_DATABASE_READY"):
        environment.pop(test_only, None)
    return environment


@contextmanager
def production_server(static_root: Path) -> Iterator[Server]:
    """collectstatic, then gunicorn with the repository's gunicorn.conf.py; always stopped.

    When the block fails, gunicorn's log (access log included) is written to stderr.
    """
    port = _free_port()
    environment = _production_env(static_root, port)
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert collected.returncode == 0, collected.stderr
    process = subprocess.Popen(  # noqa: S603  (our own interpreter and module)
        [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    server = Server(process, f"http://127.0.0.1:{port}")
    failed = True
    try:
        server.wait_until_ready()
        yield server
        failed = False
    finally:
        server.stop()
        if failed or os.environ.get("ATENDE_SHOW_SERVER_LOG"):
            sys.stderr.write(f"--- gunicorn log (port {port}) ---\n{server.log}")


def _set_password(user, password: str) -> None:
    # The test settings hash with MD5, which production does not accept; use production's own.
    hasher = Argon2PasswordHasher()
    user.password = hasher.encode(password, hasher.salt())
    user.save(update_fields=["password"])


def test_production_server_signs_in_shows_a_customer_and_serves_compressed_static_files(
    postgres_only, organization, admin_member, tmp_path
):
    # given: committed data, as an operator's database would hold it
    _set_password(admin_member.user, PASSWORD)
    customer = CustomerFactory(organization=organization, name="Padaria Pão de Açúcar Ltda")
    customer_path = org_reverse(
        "customers:detail", organization=organization, number=customer.number
    )

    with production_server(tmp_path / "static") as server:
        browser = Browser(server.base_url)

        # Plain HTTP, not through the proxy: sent to HTTPS, nothing else.
        plain = urllib.request.build_opener(NoRedirects())
        with pytest.raises(urllib.error.HTTPError) as redirect:
            plain.open(server.base_url + "/entrar/", timeout=15)
        assert redirect.value.code == 301
        assert redirect.value.headers["Location"] == browser.origin + "/entrar/"

        # Sign in with a real CSRF round trip: the token from the form, the cookie from the jar.
        form = browser.get("/entrar/")
        assert form.status == 200
        assert form.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        assert {cookie.name for cookie in browser.cookies} == {"csrftoken"}
        signed_in = browser.post(
            "/entrar/",
            {"csrfmiddlewaretoken": token, "email": admin_member.user.email, "password": PASSWORD},
        )
        assert signed_in.status == 302, signed_in.text
        assert signed_in.headers["Location"] == "/"
        assert "sessionid" in {cookie.name for cookie in browser.cookies}
        assert all(cookie.secure for cookie in browser.cookies)

        page = browser.get(customer_path)
        assert page.status == 200
        assert "Padaria Pão de Açúcar Ltda" in page.text
        # Templates link the hashed name collectstatic wrote; WhiteNoise serves it forever.
        stylesheet = re.search(r'href="(/static/core/atende\.[0-9a-f]{12}\.css)"', page.text)
        assert stylesheet is not None, page.text[:2000]

        compressed = browser.get(stylesheet.group(1), Accept_Encoding="gzip")
        identity = browser.get(stylesheet.group(1))

    collected = (tmp_path / "static" / stylesheet.group(1).removeprefix("/static/")).read_bytes()
    assert compressed.status == 200
    assert compressed.headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert compressed.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(compressed.body) == collected
    assert len(compressed.body) < len(collected) / 3
    assert identity.status == 200
    assert "Content-Encoding" not in identity.headers
    assert identity.body == collected
    # The access log goes to stdout, one line per request.
    assert f'"GET {customer_path} HTTP/1.1" 200' in server.log
