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


def postgres_admin():
    """A superuser connection to the local server, or None when none is reachable."""
    import psycopg

    try:
        return psycopg.connect(PG_ADMIN_URL, connect_timeout=3, autocommit=True)
    except psycopg.Error:
        return None


def run_postgres_suite() -> None:
    title = "pytest on PostgreSQL"
    if os.environ.get("DATABASE_URL"):
        # Given by the environment: must be an ordinary role (not superuser, no BYPASSRLS).
        run(title, pytest_command("-m", "not browser"))
        return
    admin = postgres_admin()
    if admin is None:
        skip(title, "PostgreSQL: skipped (not reachable)")
        return
    password = secrets.token_hex(12)
    database = f"atende_ci_{secrets.token_hex(4)}"
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [APP_ROLE]).fetchone()
        verb = "ALTER" if exists else "CREATE"
        # An ordinary role, like production's: row-level security applies to it.
        admin.execute(
            f"{verb} ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS CREATEDB PASSWORD '{password}'"
        )
        admin.execute(f"CREATE DATABASE {database} OWNER {APP_ROLE}")
    url = f"postgresql://{APP_ROLE}:{quote(password)}@127.0.0.1:5432/{database}"
    try:
        run(title, pytest_command("-m", "not browser"), env={"DATABASE_URL": url})
    finally:
        with postgres_admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            admin.execute(f"DROP DATABASE IF EXISTS test_{database} WITH (FORCE)")


def main() -> int:
    os.environ.setdefault("DEBUG", "1")
    sqlite_env = {"DATABASE_URL": ""}
    run("ruff format --check", [str(BIN / "ruff"), "format", "--check", "."])
    run("ruff check", [str(BIN / "ruff"), "check", "."])
    run("import contracts", [str(BIN / "lint-imports")])
    run("mypy --strict (banking)", [str(BIN / "mypy"), "-p", "atende.banking"])
    manage = [sys.executable, "manage.py"]
    run("system checks", [*manage, "check", "--fail-level", "WARNING"], env=sqlite_env)
    run(
        "migrations up to date",
        [*manage, "makemigrations", "--check", "--dry-run"],
        env=sqlite_env,
    )
    run("migrations lockfile", [*manage, "migrations_lockfile", "--check"], env=sqlite_env)
    run("pytest on SQLite", pytest_command("-m", "not browser"), env=sqlite_env)
    run_postgres_suite()
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        run("browser tests (headless Chromium)", pytest_command("-m", "browser"), env=sqlite_env)
    else:
        skip("browser tests", "Chromium not installed: apt-get install -y chromium")

    sys.stdout.write("\n=== Summary\n")
    for title, outcome in results:
        sys.stdout.write(f"  {title:<36} {outcome}\n")
    failed = [title for title, outcome in results if outcome.startswith("FAILED")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
