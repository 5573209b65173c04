"""Production is the default: without DEBUG=1 settings are strict, and refuse to start without a
secret key; static files are WhiteNoise's compressed, hashed ones; /healthz answers probes."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import Client

ROOT = Path(__file__).resolve().parents[4]
SECRET = "k8Jw2-production-like-secret-for-tests-only-9f8e7d6c5b4a3z2y1x0w"  # noqa: S105
SHOW = (
    "from django.conf import settings as s; "
    "print(s.DEBUG, s.STORAGES['staticfiles']['BACKEND'], s.SESSION_COOKIE_SECURE)"
)


def _shell(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": "", **env}
    for name in ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_debug_in_the_environment_settings_are_production():
    result = _shell(SHOW, SECRET_KEY=SECRET, ALLOWED_HOSTS="atende.example.com")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "False",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "True",
    ]


def test_debug_is_on_only_when_asked_for():
    result = _shell(SHOW, DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "True",
        "django.contrib.staticfiles.storage.StaticFilesStorage",
        "False",
    ]


def test_without_debug_or_secret_key_start_is_refused_saying_what_to_do():
    result = _shell(SHOW)

    assert result.returncode == 1
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: SECRET_KEY must be")
    assert "it is off unless DEBUG=1" in last_line
    assert "secrets.token_urlsafe(50)" in last_line
    assert "set DEBUG=1 instead (`make run` and `make test` do)" in last_line


def test_whitenoise_comes_right_after_the_security_middleware():
    middleware = settings.MIDDLEWARE

    assert middleware[:3] == [
        "atende.core.health.HealthCheckMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]


def test_healthz_answers_a_probe_before_the_host_check_and_the_https_redirect(settings):
    settings.SECURE_SSL_REDIRECT = True
    probe = Client(HTTP_HOST="10.0.0.7:8000")  # the container's address, not an allowed host

    health = probe.get("/healthz")
    page = probe.get("/entrar/")

    assert (health.status_code, health.content) == (200, b"ok")
    assert health["Cache-Control"] == "no-store"
    assert page.status_code == 400  # the same request anywhere else meets the host check


def test_healthz_is_only_for_reading(settings):
    settings.SECURE_SSL_REDIRECT = True

    response = Client().post("/healthz")

    assert response.status_code == 301  # went on through the middleware like any request
