"""Start a real Celery worker process against the test database and a Redis broker.

    with celery_worker(extra_env={"EMAIL_URL": smtp.url}) as worker, app_on_broker(app, worker):
        some_task.delay(...)          # runs in the worker process, through Redis

The worker only consumes a queue private to this run, and this process's Celery app sends
to that queue while the block lasts, so concurrent test runs never take each other's messages.
"""

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import kombu.pools
import redis
from celery import Celery
from django.db import connection
from django.db.backends.sqlite3.creation import DatabaseCreation as SQLiteCreation

ROOT = Path(__file__).resolve().parents[4]
REDIS_URL = os.environ.get("ATENDE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
READY_TIMEOUT = 30.0


def redis_unreachable_reason() -> str | None:
    """None when Redis answers PING, else why not (to print as the skip reason)."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        return f"Redis not reachable at {REDIS_URL}: {exc}"
    return None


def database_unshareable_reason() -> str | None:
    """None when another process can open this process's test database, else why not."""
    name = connection.settings_dict["NAME"]
    creation = connection.creation
    if isinstance(creation, SQLiteCreation) and creation.is_in_memory_db(name):
        return (
            f"the SQLite test database is in memory ({name}); a worker process cannot see it. "
            'Set DATABASES["default"]["TEST"]["NAME"] to a file.'
        )
    return None


def test_database_url() -> str:
    """A DATABASE_URL for the database this test process is using right now."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = quote(settings["USER"] or "", safe="")
    password = quote(settings["PASSWORD"] or "", safe="")
    host = quote(settings["HOST"] or "127.0.0.1", safe="")  # a socket directory is a path
    port = settings["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{quote(settings['NAME'], safe='')}"


class Worker:
    """A running `celery worker` process and everything it printed so far."""

    def __init__(self, process: "subprocess.Popen[str]", queue: str) -> None:
        self.process = process
        self.queue = queue
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # Read continuously: an unread pipe fills up and blocks the worker mid-task.
        assert self.process.stdout is not None, "the worker is started with stdout=PIPE"
        for line in self.process.stdout:
            self.lines.append(line)
            if " ready." in line:
                self.ready.set()

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def wait_until_ready(self, timeout: float = READY_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not self.ready.wait(0.1):
            if self.process.poll() is not None:
                self._reader.join(2)
                raise RuntimeError(f"the Celery worker exited at start:\n{self.log}")
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"the Celery worker was not ready in {timeout:.0f}s:\n{self.log}"
                )

    def stop(self) -> None:
        self.process.terminate()  # warm shutdown: finishes the current task
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(5)


@contextmanager
def celery_worker(*, extra_env: dict[str, str] | None = None) -> Iterator[Worker]:
    """Run `celery worker` on a queue private to this run; always stopped afterwards.

    When the block fails, the worker's log is written to stderr (pytest shows it with the
    failure); set ATENDE_SHOW_WORKER_LOG=1 to see it always.
    """
    queue = f"atende-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_RESULT_BACKEND": REDIS_URL,
        "DATABASE_URL": test_database_url(),
        "DJANGO_SETTINGS_MODULE": "atende.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "PYTHONUNBUFFERED": "1",
        "DEBUG": "1",
        **(extra_env or {}),
    }
    command = [
        sys.executable, "-m", "celery", "-A", "atende.celery", "worker", "--pool=solo",
        "--concurrency=1", "--without-heartbeat", "--without-gossip", "--without-mingle",
        "--loglevel=INFO", "--hostname", f"{queue}@%h", "-Q", queue,
    ]  # fmt: skip
    process = subprocess.Popen(  # noqa: S603  (our own interpreter and module)
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    worker = Worker(process, queue)
    failed = True
    try:
        worker.wait_until_ready()
        yield worker
        failed = False
    finally:
        worker.stop()
        redis.Redis.from_url(REDIS_URL).delete(queue)  # nothing is left behind for anyone
        if failed or os.environ.get("ATENDE_SHOW_WORKER_LOG"):
            sys.stderr.write(f"--- Celery worker log (queue {queue}) ---\n{worker.log}")


@contextmanager
def app_on_broker(app: Celery, worker: Worker) -> Iterator[None]:
    """Point this process's Celery app at the test broker and the worker's queue; restore after.

    Producers and the queue set are cached once used (eager tests use them), so they are dropped
    on the way in and out.
    """
    keys = ("broker_url", "result_backend", "task_always_eager", "task_default_queue")
    saved = {key: app.conf.get(key) for key in keys}
    _drop_connections(app)
    app.conf.update(
        broker_url=REDIS_URL,
        result_backend=REDIS_URL,
        task_always_eager=False,
        task_default_queue=worker.queue,
    )
    try:
        yield
    finally:
        _drop_connections(app)
        app.conf.update(saved)


def _drop_connections(app: Celery) -> None:
    # Connection and producer pools live in kombu's process-wide registries, keyed by broker
    # URL: close them AND forget them, or the next use of that URL gets a closed pool.
    # (Private attributes of the app, which celery-types does not declare.)
    kombu.pools.reset()
    app._pool = None  # type: ignore[attr-defined]
    # The AMQP helper caches producers and the queue set (with the default queue) once used;
    # the result backend caches its broker URL and connection.
    app.__dict__.pop("amqp", None)
    # Thread-safe backends are cached here, the others per thread.
    app._backend_cache = None  # type: ignore[attr-defined]
    app._local.__dict__.pop("backend", None)  # type: ignore[attr-defined]
