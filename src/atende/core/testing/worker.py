"""Start a real Celery worker process against the test database and a Redis broker."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import redis
from django.db import connection

ROOT = Path(__file__).resolve().parents[4]
REDIS_URL = os.environ.get("ATENDE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_unreachable_reason() -> str | None:
    """None when Redis answers PING, else why not (printed as the skip reason)."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        return f"Redis not reachable at {REDIS_URL}: {exc}"
    return None


def test_database_url() -> str:
    """A DATABASE_URL for the database this test process is using right now."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = quote(settings["USER"] or "")
    password = quote(settings["PASSWORD"] or "")
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{settings['NAME']}"


QUEUE = f"atende-test-{os.getpid()}"  # private per test process: runs never share messages


@contextmanager
def celery_worker(*, extra_env: dict[str, str]) -> Iterator[str]:
    """Run `celery worker` on this process's private queue; yields the queue name."""
    queue = QUEUE
    redis.Redis.from_url(REDIS_URL).delete(queue)
    env = {
        **os.environ,
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_RESULT_BACKEND": REDIS_URL,
        "DATABASE_URL": test_database_url(),
        "DJANGO_SETTINGS_MODULE": "atende.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "DEBUG": "1",
        **extra_env,
    }
    command = [
        sys.executable, "-m", "celery", "-A", "atende.celery", "worker", "--pool=solo",
        "--concurrency=1", "--without-heartbeat", "--without-gossip", "--without-mingle",
        "--loglevel=INFO", "-Q", queue,
    ]  # fmt: skip
    process = subprocess.Popen(  # noqa: S603  (our own interpreter and module)
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        time.sleep(0.5)
        if process.poll() is not None:
            raise RuntimeError(f"worker exited at start:\n{process.stdout.read()}")
        yield queue
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        if os.environ.get("ATENDE_SHOW_WORKER_LOG"):
            sys.stdout.write(output)


@contextmanager
def app_on_broker(app) -> Iterator[None]:
    """Point the Celery app of this process at the test broker, then restore it.

    Producers and queues are cached once used (eager tests use them), so they are dropped.
    """
    keys = ("broker_url", "result_backend", "task_always_eager", "task_default_queue")
    saved = {key: app.conf.get(key) for key in keys}
    _drop_connections(app)
    app.conf.update(
        broker_url=REDIS_URL,
        result_backend=REDIS_URL,
        task_always_eager=False,
        task_default_queue=QUEUE,
    )
    try:
        yield
    finally:
        _drop_connections(app)
        app.conf.update(saved)


def _drop_connections(app) -> None:
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    # The AMQP helper caches producers and the queue set (with the default queue) once used.
    app.__dict__.pop("amqp", None)
