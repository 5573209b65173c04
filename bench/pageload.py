"""Page-level load: the production server, a signed-in member, N clients, pages as people meet
them. Reports per URL requests/s, p50/p95 latency, errors and SQL queries per request.

PostgreSQL, by hand, on a database the scale scripts filled (bench/customers_scale.py,
bench/desk_scale.py), with two roles as in production:

    DATABASE_URL=postgres://app_role:pass@127.0.0.1:5432/atende_bench \\
    OWNER_DATABASE_URL=postgres://owner_role:pass@127.0.0.1:5432/atende_bench \\
        .venv/bin/python bench/pageload.py --preset desk --clients 8 --duration 20

What it does:
1. `manage.py db_grant_app_role` with OWNER_DATABASE_URL (when given), so the server connects as
   the application's ordinary role, under FORCE ROW LEVEL SECURITY, owning nothing.
2. `collectstatic` into a scratch folder and gunicorn (`gunicorn.conf.py`, --workers, default 2)
   on a free loopback port, with DEBUG=0 (production settings: HTTPS-only cookies, so the
   clients send `X-Forwarded-Proto: https` as the TLS proxy in front of it would).
3. Signs in over HTTP as a real member (GET /entrar/, CSRF cookie and token, POST e-mail and
   password, session cookie), as a browser does.
4. For each URL: a short warm-up, then --clients threads (default 8) request it in a loop for
   --duration seconds; every answer other than 200 counts as an error.
5. The SQL queries of each URL are counted once, separately, in this process: Django's test
   client through the same middleware and settings, signed in as the same member, inside
   CaptureQueriesContext (the server's own requests are not instrumented).

Presets build the URLs from the data (--preset desk: queue, filtered queue, a keyset page deep
in the queue, searches, a ticket page; --preset customers: the list and searches); --url
LABEL=PATH (repeatable) adds any page. --rounds N measures in pairs instead (the --ratio-to page,
then one other, and so on, N times over) and reports each page's median share of its neighbour.
Traffic goes only to 127.0.0.1; loops stop by themselves.
"""

import argparse
import http.client
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
EMAIL = "bench@atende.local"
PASSWORD = "bench-senha-longa-2026"  # noqa: S105  desk_scale.py's throwaway member


def server_environment(database_url: str, static_root: str) -> dict[str, str]:
    """Production settings on this machine: DEBUG off, the application role, loopback only."""
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "atende.settings",
        "PYTHONPATH": str(ROOT / "src"),
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


class Server:
    """gunicorn as shipped (gunicorn.conf.py), on a loopback port, stopped on exit."""

    def __init__(self, env: dict[str, str], workers: int, log: Path) -> None:
        self.port = free_port()
        self.log = log.open("w")
        self.process = subprocess.Popen(  # noqa: S603  our own interpreter and config
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env={
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": str(workers),
            },
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start: see {log}")
            try:
                if request(self.port, "/healthz", {})[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        raise SystemExit("gunicorn did not answer /healthz in 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def request(
    port: int,
    path: str,
    headers: dict[str, str],
    *,
    method: str = "GET",
    body: str | None = None,
    timeout: float = 35,  # gunicorn.conf.py's worker timeout is 30 s
) -> tuple[int, bytes, http.client.HTTPResponse]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        sent = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https", **headers}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return response.status, response.read(), response
    finally:
        connection.close()


def _cookies(response: http.client.HTTPResponse, jar: dict[str, str]) -> None:
    for header in response.headers.get_all("Set-Cookie") or []:
        for name, morsel in SimpleCookie(header).items():
            jar[name] = morsel.value


def sign_in(port: int, email: str, password: str) -> dict[str, str]:
    """A browser's sign-in: the form (CSRF cookie + token), then the POST; the session cookie."""
    jar: dict[str, str] = {}
    status, page, response = request(port, "/entrar/", {})
    _cookies(response, jar)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or token is None or "csrftoken" not in jar:
        raise SystemExit(f"sign-in page: status {status}, no CSRF token")
    body = urlencode(
        {"csrfmiddlewaretoken": token.group(1).decode(), "email": email, "password": password}
    )
    origin = f"https://127.0.0.1:{port}"
    status, _, response = request(
        port,
        "/entrar/",
        {"Cookie": f"csrftoken={jar['csrftoken']}", "Origin": origin, "Referer": origin + "/"},
        method="POST",
        body=body,
    )
    _cookies(response, jar)
    if status != 302 or "sessionid" not in jar:
        raise SystemExit(f"sign-in refused (status {status}): wrong e-mail or password?")
    return {"Cookie": "; ".join(f"{name}={value}" for name, value in jar.items())}


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    elapsed: float = 0.0


def drain(port: int) -> None:
    """Wait until the workers are free: requests the clients gave up on still run (at most
    gunicorn's 30 s timeout), and would otherwise be charged to the next URL."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            request(port, "/healthz", {})
        except OSError:
            continue
        if time.perf_counter() - started < 0.2:
            return


def load(port: int, path: str, headers: dict[str, str], clients: int, duration: float) -> Outcome:
    """`clients` threads request `path` in a loop until `duration` seconds have passed."""
    outcome = Outcome()
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def client() -> None:
        latencies, errors, statuses = [], 0, {}
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                status = request(port, path, headers)[0]
            except OSError:
                status = 0
            latencies.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
            errors += status != 200
        with lock:
            outcome.latencies += latencies
            outcome.errors += errors
            for status, seen in statuses.items():
                outcome.statuses[status] = outcome.statuses.get(status, 0) + seen

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome.elapsed = time.monotonic() - started
    return outcome


def count_queries(paths: dict[str, str], email: str) -> dict[str, tuple[int, int, float]]:
    """(status, SQL queries, ms) of one GET of each path, alone, through Django's test client
    in this process (the time is the page's own cost, without any queueing)."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from atende.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(User.objects.get(email=email))
    counted = {}
    for label, path in paths.items():
        client.get(path, secure=True)  # the first request of a process warms caches
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path, secure=True)
            alone = (time.perf_counter() - started) * 1000
        counted[label] = (response.status_code, len(captured), alone)
        if response.status_code != 200:
            print(f"{label}: test client got {response.status_code} {response.get('Location')}")
    return counted


def desk_paths(slug: str, email: str, deep_pages: int) -> dict[str, str]:
    """The desk's pages on a desk_scale.py database: numbers and cursors from the data."""
    import django

    django.setup()
    from atende.accounts.models import User
    from atende.desk.models import Area, Ticket, TimelineEntry
    from atende.desk.selectors import TicketFilters, ticket_queue
    from atende.tenancy.context import activate, dangerously_unscoped
    from atende.tenancy.models import Member, Organization

    with dangerously_unscoped():
        organization = Organization.objects.get(slug=slug)
    with activate(organization):
        member = Member.objects.get(user=User.objects.get(email=email))
        cursor = None
        for _ in range(deep_pages):
            cursor = ticket_queue(actor=member, filters=TicketFilters(), cursor=cursor).next_cursor
        last = Ticket.objects.order_by("-number").values_list("number", flat=True).first() or 1
        open_numbers = list(
            Ticket.objects.filter(is_open=True).order_by("number").values_list("number", flat=True)
        )
        with_timeline = (
            TimelineEntry.objects.order_by("-ticket__number")
            .values_list("ticket__number", flat=True)
            .first()
        )
        area = Area.objects.get(name="Suporte")
    base = f"/{slug}/atendimentos/"
    return {
        "queue, first page": base,
        "queue, status + area": f"{base}?{urlencode({'status': 'pending', 'area': area.pk})}",
        f"queue, keyset page {deep_pages + 1}": f"{base}?{urlencode({'cursor': cursor})}",
        "search, common word 'boleto'": f"{base}?q=boleto",
        "search, ticket number": f"{base}?q={open_numbers[len(open_numbers) // 2]}",
        "search, no match": f"{base}?{urlencode({'q': 'zzzz inexistente'})}",
        "ticket page": f"{base}{with_timeline or last}/",
    }


def customer_paths(slug: str) -> dict[str, str]:
    from atende.core.documents import cpf_check_digits

    base = f"/{slug}/clientes/"
    cpf = "000.054.321-" + cpf_check_digits("000054321")  # customer 54321 of customers_scale.py
    return {
        "customer list": base,
        "search, common name 'joao silva'": f"{base}?{urlencode({'q': 'joao silva'})}",
        "search, CPF with mask": f"{base}?{urlencode({'q': cpf})}",
        "search, no match": f"{base}?{urlencode({'q': 'zzzz inexistente'})}",
    }


def paired(
    port: int,
    paths: dict[str, str],
    headers: dict[str, str],
    options: argparse.Namespace,
    base: str,
    queries: dict[str, tuple[int, int, float]],
) -> None:
    """Each round measures `base` and then each other URL, one pair after the other: on a
    machine shared with other work the load drifts within minutes, and a ratio taken between
    neighbours in time drifts far less than one taken between the first and the last URL."""
    ratios: dict[str, list[float]] = {label: [] for label in paths if label != base}
    rates: dict[str, list[float]] = {label: [] for label in paths}
    errors: dict[str, int] = dict.fromkeys(paths, 0)

    def measure(label: str) -> float:
        drain(port)
        load(port, paths[label], headers, options.clients, options.warmup)
        drain(port)
        outcome = load(port, paths[label], headers, options.clients, options.duration)
        rate = len(outcome.latencies) / outcome.elapsed
        rates[label].append(rate)
        errors[label] += outcome.errors
        return rate

    for number in range(1, options.rounds + 1):
        for label in ratios:
            base_rate = measure(base)
            rate = measure(label)
            ratios[label].append(rate / base_rate if base_rate else 0.0)
            print(
                f"round {number}: {base} {base_rate:.1f} req/s, {label} {rate:.1f} req/s, "
                f"{ratios[label][-1]:.2f}x (load {os.getloadavg()[0]:.1f})",
                flush=True,
            )
    print(
        f"{'page':<34} {'req/s':>7} {'errors':>7} {'queries':>7} {'alone ms':>8} "
        f"{'share of ' + base:>16} (median of {options.rounds} pairs; min-max)"
    )
    for label in paths:
        _, count, alone = queries[label]
        share = ""
        if label in ratios:
            values = ratios[label]
            share = f"{statistics.median(values):>14.2f}x ({min(values):.2f}-{max(values):.2f})"
        print(
            f"{label:<34} {statistics.median(rates[label]):>7.1f} {errors[label]:>7} "
            f"{count:>7} {alone:>8.0f} {share}"
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share + 0.5) - 1)] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--preset", choices=("desk", "customers", "none"), default="none")
    parser.add_argument("--url", action="append", default=[], metavar="LABEL=PATH")
    parser.add_argument("--organization", default="bench", help="slug (presets)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=20, help="seconds per URL")
    parser.add_argument("--warmup", type=float, default=3, help="seconds per URL, not counted")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--deep-pages", type=int, default=200)
    parser.add_argument("--email", default=EMAIL)
    parser.add_argument("--password", default=PASSWORD)
    parser.add_argument("--ratio-to", help="label whose req/s the others are compared with")
    parser.add_argument(
        "--rounds",
        type=int,
        default=0,
        help="paired mode: N rounds, each measuring --ratio-to right before every other URL",
    )
    options = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("DATABASE_URL: the application role's PostgreSQL URL")
    scratch = Path(tempfile.mkdtemp(prefix="atende-pageload-"))
    env = server_environment(database_url, str(scratch / "static"))
    owner_url = os.environ.get("OWNER_DATABASE_URL")
    if owner_url:
        role = re.match(r"postgres(?:ql)?://([^:@/]+)", database_url)
        if role is None:
            sys.exit("DATABASE_URL names no role")
        _manage({**env, "DATABASE_URL": owner_url}, "db_grant_app_role", role.group(1))
    _manage(env, "collectstatic", "--no-input", "-v", "0")
    os.environ.update({key: value for key, value in env.items() if key != "PYTHONPATH"})
    sys.path.insert(0, str(ROOT / "src"))

    paths: dict[str, str] = {}
    if options.preset == "desk":
        paths.update(desk_paths(options.organization, options.email, options.deep_pages))
    elif options.preset == "customers":
        paths.update(customer_paths(options.organization))
    for item in options.url:
        label, _, path = item.partition("=")
        paths[label] = path
    if not paths:
        sys.exit("no URL: --preset desk|customers or --url LABEL=PATH")
    queries = count_queries(paths, options.email)

    # A plain `kill` (SIGTERM) still stops the server through the `finally` below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server = Server(env, options.workers, scratch / "gunicorn.log")
    try:
        headers = sign_in(server.port, options.email, options.password)
        print(
            f"{os.cpu_count()} CPUs; gunicorn {options.workers} workers (DEBUG=0, application "
            f"role); {options.clients} clients, {options.duration:.0f} s per URL after "
            f"{options.warmup:.0f} s of warm-up; load average {os.getloadavg()[0]:.1f} at start"
        )
        if options.rounds:
            base = options.ratio_to or next(iter(paths))
            paired(server.port, paths, headers, options, base, queries)
            return
        print(
            f"{'page':<34} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} "
            f"{'queries':>7} {'alone ms':>8} {'load':>5}"
        )
        rates: dict[str, float] = {}
        for label, path in paths.items():
            drain(server.port)
            load(server.port, path, headers, options.clients, options.warmup)
            drain(server.port)
            outcome = load(server.port, path, headers, options.clients, options.duration)
            rate = len(outcome.latencies) / outcome.elapsed
            rates[label] = rate
            status, count, alone = queries[label]
            note = "" if status == 200 else f"  (test client: {status})"
            if outcome.errors:
                note += f"  statuses {dict(sorted(outcome.statuses.items()))}"
            print(
                f"{label:<34} {rate:>7.1f} {statistics.median(outcome.latencies) * 1000:>8.0f} "
                f"{percentile(outcome.latencies, 0.95) * 1000:>8.0f} {outcome.errors:>7} "
                f"{count:>7} {alone:>8.0f} {os.getloadavg()[0]:>5.1f}{note}",
                flush=True,
            )
        base = options.ratio_to or next(iter(paths))
        if len(rates) > 1 and rates.get(base):
            print(f"req/s as a share of '{base}':")
            for label, rate in rates.items():
                if label != base:
                    print(f"  {label:<34} {rate / rates[base]:.2f}x")
    finally:
        server.stop()
    print(f"paths: {paths}")


if __name__ == "__main__":
    main()
