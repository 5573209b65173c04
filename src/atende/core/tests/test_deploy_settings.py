"""Production settings come from the environment and pass `check --deploy` without warnings."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k8Jw2-production-like-secret-for-tests-only-9f8e7d6c5b4a3z2y1x0w",
    "ALLOWED_HOSTS": "atende.example.com",
    "DATABASE_URL": "",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **PRODUCTION_ENV, **env}
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # a test-only switch
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_reports_no_issues_with_production_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_wildcard_allowed_host():
    result = _manage("check", ALLOWED_HOSTS="*")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list real host names" in result.stderr


def test_outside_services_are_configured_by_environment():
    code = (
        "from django.conf import settings as s; "
        "print(s.VIACEP_URL, s.CEP_TIMEOUT_SECONDS, s.SMS_GATEWAY_URL, s.SMS_GATEWAY_TOKEN)"
    )
    result = _manage(
        "shell", "-c", code, VIACEP_URL="http://cep.local/ws", CEP_TIMEOUT_SECONDS="1.5",
        SMS_GATEWAY_URL="https://sms.local/send", SMS_GATEWAY_TOKEN="t0k",
    )  # fmt: skip
    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line.split() == ["http://cep.local/ws", "1.5", "https://sms.local/send", "t0k"]
