"""`make test`: lint, checks, the suite on SQLite, again on PostgreSQL when reachable, browsers.

Exits non-zero when any step fails and ends with one summary line per step.
"""

import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_ADMIN_URL = os.environ.get("PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
# Two roles, as in production: the owner runs migrations and owns every table; the application
# connects as a role that owns nothing and holds only row grants.
OWNER_ROLE = "atende_test_owner"
APP_ROLE = "atende_test_app"

results: list[tuple[str, str]] = []


def run(title: str, command: list[str], env: dict[str, str] | None = None) -> bool:
    sys.stdout.write(f"\n=== {title}\n")
    sys.stdout.flush()
    started = time.monotonic()
    completed = subprocess.run(command, cwd=ROOT, env={**os.environ, **(env or {})}, check=False)
    elapsed = time.monotonic() - started
    status = "ok" if completed.returncode == 0 else f"FAILED (exit {completed.returncode})"
    results.append((title, f"{status} in {elapsed:.1f}s"))
    return completed.returncode == 0


def skip(title: str, reason: str) -> None:
    sys.stdout.write(f"\n=== {title}: skipped ({reason})\n")
    results.append((title, f"skipped ({reason})"))


def pytest_command(*extra: str) -> list[str]:
    return [str(BIN / "pytest"), "-p", "no:cacheprovider", *extra]


def postgres_admin(database: str = "postgres"):
    """A superuser connection to the local server, or None when none is reachable."""
    import psycopg

    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{database}"
    try:
        return psycopg.connect(url, connect_timeout=3, autocommit=True)
    except psycopg.Error:
        return None


def _role(admin, name: str, password: str) -> None:
    exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone()
    verb = "ALTER" if exists else "CREATE"
    # Ordinary roles, like production's: row-level security applies to both.
    admin.execute(
        f"{verb} ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB PASSWORD '{password}'"
    )


def run_postgres_suite() -> None:
    title = "pytest on PostgreSQL"
    if os.environ.get("DATABASE_URL"):
        # Given by the environment: must be an application role on a migrated database.
        run(title, pytest_command("-m", "not browser"), env={"ATENDE_TEST_DATABASE_READY": "1"})
        return
    admin = postgres_admin()
    if admin is None:
        skip(title, "PostgreSQL: skipped (not reachable)")
        return
    owner_password, app_password = secrets.token_hex(12), secrets.token_hex(12)
    database = f"atende_ci_{secrets.token_hex(4)}"
    with admin:
        _role(admin, OWNER_ROLE, owner_password)
        _role(admin, APP_ROLE, app_password)
        admin.execute(f"CREATE DATABASE {database} OWNER {OWNER_ROLE}")
    owner_url = f"postgresql://{OWNER_ROLE}:{quote(owner_password)}@127.0.0.1:5432/{database}"
    app_url = f"postgresql://{APP_ROLE}:{quote(app_password)}@127.0.0.1:5432/{database}"
    manage = [sys.executable, "manage.py"]
    try:
        prepared = run(
            "PostgreSQL: migrate as the owner role",
            [*manage, "migrate", "--no-input", "-v", "0"],
            env={"DATABASE_URL": owner_url},
        ) and run(
            "PostgreSQL: grant the application role",
            [*manage, "db_grant_app_role", APP_ROLE],
            env={"DATABASE_URL": owner_url},
        )
        if not prepared:
            return
        with postgres_admin(database) as database_admin:
            # Tests only: Django empties the tables between transactional tests with TRUNCATE,
            # which production's application role must never hold (it ignores row security).
            database_admin.execute(f"GRANT TRUNCATE ON ALL TABLES IN SCHEMA public TO {APP_ROLE}")
        run(
            title,
            pytest_command("-m", "not browser"),
            env={"DATABASE_URL": app_url, "ATENDE_TEST_DATABASE_READY": "1"},
        )
    finally:
        with postgres_admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


STEPS = ("lint", "sqlite", "postgres", "browser")


def main(steps: tuple[str, ...]) -> int:
    os.environ.setdefault("DEBUG", "1")
    sqlite_env = {"DATABASE_URL": ""}
    manage = [sys.executable, "manage.py"]
    if "lint" in steps:
        run("ruff format --check", [str(BIN / "ruff"), "format", "--check", "."])
        run("ruff check", [str(BIN / "ruff"), "check", "."])
        run("import contracts", [str(BIN / "lint-imports")])
        # The files are pyproject's [tool.mypy] files. The django-stubs plugin imports the
        # settings and models: from this checkout's src, whatever the venv's install points at.
        run("mypy --strict", [str(BIN / "mypy")], env={"PYTHONPATH": str(ROOT / "src")})
        run("system checks", [*manage, "check", "--fail-level", "WARNING"], env=sqlite_env)
        run(
            "migrations up to date",
            [*manage, "makemigrations", "--check", "--dry-run"],
            env=sqlite_env,
        )
        run("migrations lockfile", [*manage, "migrations_lockfile", "--check"], env=sqlite_env)
    if "sqlite" in steps:
        run("pytest on SQLite", pytest_command("-m", "not browser"), env=sqlite_env)
    if "postgres" in steps:
        run_postgres_suite()
    if "browser" in steps:
        if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
            run(
                "browser tests (headless Chromium)", pytest_command("-m", "browser"), env=sqlite_env
            )
        else:
            skip("browser tests", "Chromium not installed: apt-get install -y chromium")

    sys.stdout.write("\n=== Summary\n")
    for title, outcome in results:
        sys.stdout.write(f"  {title:<36} {outcome}\n")
    failed = [title for title, outcome in results if outcome.startswith("FAILED")]
    return 1 if failed else 0


if __name__ == "__main__":
    # `scripts/test.py postgres` runs one step while developing; `make test` runs them all.
    chosen = tuple(sys.argv[1:]) or STEPS
    unknown = set(chosen) - set(STEPS)
    if unknown:
        sys.exit(f"unknown steps {sorted(unknown)}: choose from {', '.join(STEPS)}")
    sys.exit(main(chosen))
