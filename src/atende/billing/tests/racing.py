"""Real races for billing's locks: each job runs in its own thread with its own database
connection, all released at the same instant by a barrier (PostgreSQL only)."""

import threading

import pytest
from django.db import connection

from atende.tenancy.context import activate


def require_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: real connections racing for a row lock (SQLite serialises "
            "every writer, so there is no race to test)"
        )


def race(organization, *jobs) -> list[object]:
    """Each job's result, or the exception it raised."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(index, job):
        try:
            with activate(organization):
                barrier.wait(timeout=10)
                results[index] = job()
        except Exception as error:  # noqa: BLE001 (the test reads it)
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
