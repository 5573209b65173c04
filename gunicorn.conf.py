"""Gunicorn settings for `make serve`, the Docker image and the production smoke test.

Each value can be changed by environment; Django's own settings stay in atende/settings.py.
Run as `gunicorn -c gunicorn.conf.py` (the application is named here).
"""

import os
from pathlib import Path

wsgi_app = "atende.wsgi:application"
# A checkout runs without installing the package; the image imports the same code from /app/src.
pythonpath = str(Path(__file__).resolve().parent / "src")

# GUNICORN_BIND (e.g. 0.0.0.0:8000, unix:/run/atende.sock), else every address on $PORT, else
# only this machine: a reverse proxy on the same host terminates TLS.
_port = os.environ.get("PORT")
bind = [os.environ.get("GUNICORN_BIND") or (f"0.0.0.0:{_port}" if _port else "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
proc_name = "atende"

# A request that takes longer than this is a bug or an attack: long work runs in Celery.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Workers are replaced now and then, so a slow leak never grows for long.
max_requests = 2000
max_requests_jitter = 200
# The heartbeat file on memory, not on a container's overlay disk that can stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

# Addresses whose X-Forwarded-Proto/-For gunicorn believes (the TLS proxy); Django decides HTTPS
# from SECURE_PROXY_SSL_HEADER and the client from ATENDE_TRUSTED_PROXY_COUNT.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = "-"  # stdout, one line per request
errorlog = "-"
loglevel = (os.environ.get("LOG_LEVEL") or "info").lower()

# No runtime control socket: it would be one more thing listening; signals manage the server.
control_socket_disable = True
