"""The Dockerfile, compose.yaml, the PostgreSQL init script, gunicorn.conf.py, `make serve` and the
README's deployment section agree with each other and with the settings.

No container engine runs here, so these files are never built by `make test`; this keeps them
from drifting: a variable compose sets that nothing reads, a renamed role, another command.
"""

import json
import re
import runpy
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from atende.core.health import HEALTH_PATH

ROOT = Path(__file__).resolve().parents[4]
APP_SERVICES = ("migrate", "web", "worker", "beat")
OWNER_ROLE, APP_ROLE = "atende_owner", "atende_app"
INIT_SQL = ROOT / "deploy" / "postgres" / "10-atende-roles.sql"


def _read(name: str) -> str:
    return (ROOT / name).read_text()


def _names_read(source: str) -> set[str]:
    """Environment variables a settings-like module reads (env(), env_bool(), os.environ)."""
    calls = r'(?:env|env_bool|env_list|os\.environ\.get|os\.environ\.setdefault)\(\s*"([A-Z0-9_]+)"'
    return set(re.findall(calls, source))


SETTINGS_READS = _names_read((ROOT / "src/atende/settings.py").read_text())
GUNICORN_READS = _names_read(_read("gunicorn.conf.py"))


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(_read("compose.yaml"))


def _dockerfile() -> list[tuple[str, str]]:
    """(instruction, arguments) with continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", _read("Dockerfile"))
    lines = [line.strip() for line in joined.splitlines()]
    return [tuple(line.split(maxsplit=1)) for line in lines if line and not line.startswith("#")]


def _instruction(name: str) -> list[str]:
    return [arguments for instruction, arguments in _dockerfile() if instruction == name]


def _docker_env() -> dict[str, str]:
    pairs = " ".join(_instruction("ENV"))
    return dict(re.findall(r"([A-Z_]+)=(\S+)", pairs))


def test_compose_has_the_services_of_a_deployment(compose):
    services = compose["services"]

    assert set(services) == {"db", "redis", "migrate", "web", "worker", "beat"}
    assert services["db"]["image"].split(":")[1].startswith("15")
    assert services["redis"]["image"].split(":")[1].startswith("7")
    assert services["worker"]["command"][:4] == ["celery", "-A", "atende.celery", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "atende.celery", "beat"]
    assert "command" not in services["web"]  # the image's CMD: gunicorn
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_every_variable_compose_gives_the_application_is_one_it_reads(compose):
    for name in APP_SERVICES:
        environment = compose["services"][name]["environment"]
        unread = set(environment) - SETTINGS_READS - GUNICORN_READS
        assert unread == set(), f"{name} sets variables nothing reads: {sorted(unread)}"
        assert environment["DEBUG"] == "0"


def test_migrations_run_as_the_owner_and_everything_else_as_the_application_role(compose):
    services = compose["services"]

    def role(name: str) -> str:
        return re.match(r"postgres://([^:]+):", services[name]["environment"]["DATABASE_URL"])[1]

    assert role("migrate") == OWNER_ROLE
    assert [role(name) for name in ("web", "worker", "beat")] == [APP_ROLE] * 3
    command = services["migrate"]["command"][-1]
    assert command == (
        f"python manage.py migrate --no-input && python manage.py db_grant_app_role {APP_ROLE}"
    )
    assert services["migrate"]["restart"] == "no"


def test_the_init_script_creates_both_roles_without_superuser_or_bypassrls(compose):
    sql = INIT_SQL.read_text()
    db = compose["services"]["db"]

    for role in (OWNER_ROLE, APP_ROLE):
        created = re.search(rf"CREATE ROLE {role} ([^;]+);", sql)[1].split()
        assert {"LOGIN", "NOSUPERUSER", "NOBYPASSRLS", "NOCREATEDB"} <= set(created)
    assert f"CREATE DATABASE atende OWNER {OWNER_ROLE};" in sql
    # The passwords it takes from the environment are the ones compose gives the container.
    wanted = set(re.findall(r"\\getenv \w+ ([A-Z_]+)", sql))
    assert wanted == {"ATENDE_OWNER_PASSWORD", "ATENDE_APP_PASSWORD"}
    assert set(db["environment"]) == wanted | {"POSTGRES_PASSWORD"}
    assert "./deploy/postgres:/docker-entrypoint-initdb.d:ro" in db["volumes"]


def test_the_image_runs_gunicorn_with_the_repository_config_as_a_plain_user():
    [base] = _instruction("FROM")
    [user] = _instruction("USER")
    [command] = _instruction("CMD")
    gunicorn = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    assert base == "python:3.11-slim"
    assert user not in {"root", "0"}
    assert json.loads(command) == ["gunicorn", "--config", "gunicorn.conf.py"]
    assert any("gunicorn.conf.py" in copied for copied in _instruction("COPY"))
    assert gunicorn["wsgi_app"].replace(":", ".") == settings.WSGI_APPLICATION
    assert any("collectstatic --no-input" in step for step in _instruction("RUN"))


def test_the_image_listens_where_it_is_probed_and_published(compose):
    environment = _docker_env()
    port = environment["GUNICORN_BIND"].rsplit(":", 1)[1]
    [healthcheck] = _instruction("HEALTHCHECK")

    assert _instruction("EXPOSE") == [port]
    assert f"http://127.0.0.1:{port}{HEALTH_PATH}" in healthcheck
    assert compose["services"]["web"]["ports"] == [f"127.0.0.1:{port}:{port}"]
    assert environment["DEBUG"] == "0"
    assert "SECRET_KEY" not in environment  # the build's dummy secret stays in its RUN step
    own = {name for name in environment if not name.startswith(("PYTHON", "PIP_"))}
    assert own - SETTINGS_READS - GUNICORN_READS == set()


@pytest.mark.parametrize(
    ("environment", "bind", "workers"),
    [
        ({}, ["127.0.0.1:8000"], 2),
        ({"PORT": "9000", "WEB_CONCURRENCY": "5"}, ["0.0.0.0:9000"], 5),
        ({"PORT": "9000", "GUNICORN_BIND": "unix:/run/atende.sock"}, ["unix:/run/atende.sock"], 2),
    ],
)
def test_gunicorn_config_follows_the_environment(monkeypatch, environment, bind, workers):
    for name in ("PORT", "WEB_CONCURRENCY", "GUNICORN_BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    assert (config["bind"], config["workers"]) == (bind, workers)
    assert (config["accesslog"], config["timeout"]) == ("-", 30)


def test_make_serve_checks_before_it_serves():
    recipe = re.search(r"^serve:.*\n((?:\t.*\n)+)", _read("Makefile"), re.MULTILINE)[1]
    commands = [line.strip().lstrip("@") for line in recipe.splitlines() if "DEBUG=0" in line]

    assert [re.sub(r"^DEBUG=0 \$\(BIN\)/", "", command) for command in commands] == [
        "python manage.py collectstatic --no-input -v 0",
        "python manage.py check --deploy --fail-level WARNING",
        "python manage.py migrate --check > /dev/null || { \\",
        "gunicorn --config gunicorn.conf.py",
    ]
    assert f"db_grant_app_role {APP_ROLE}" in recipe


def test_the_readme_documents_every_variable_and_the_deployment(compose):
    readme = _read("README.md")
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", readme))

    assert SETTINGS_READS - documented == set()
    assert GUNICORN_READS - documented == set()
    for needed in (
        "make serve",
        "docker compose up",
        f"python manage.py migrate && python manage.py db_grant_app_role {APP_ROLE}",
        "deploy/postgres/10-atende-roles.sql",
        "`--force`",
    ):
        assert needed in readme, needed
    # The compose table: its first column names every service.
    first_columns = re.findall(r"^\| ((?:`[a-z]+`(?:, )?)+) \|", readme, re.MULTILINE)
    named = {name for column in first_columns for name in re.findall(r"`([a-z]+)`", column)}
    assert set(compose["services"]) <= named
