# Atende's image: the web process (the default command) and, with another command, the Celery
# worker, beat and the one-shot migration (see compose.yaml and README "Deploying").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home atende

# Dependencies first (a layer that changes only with pyproject.toml), then the code.
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install .
COPY manage.py gunicorn.conf.py ./

# Hashed, compressed static files are part of the image. The secret exists only for this step:
# collectstatic signs nothing, and the real one comes from the environment at run time.
ENV DEBUG=0 \
    PYTHONPATH=/app/src \
    STATIC_ROOT=/app/static \
    ATENDE_VAR_DIR=/app/var \
    MEDIA_ROOT=/app/var/media \
    GUNICORN_BIND=0.0.0.0:8000
RUN SECRET_KEY=build-only-not-secret-collectstatic-signs-nothing-0123456789 \
    python manage.py collectstatic --no-input -v 0 \
 && mkdir -p /app/var/media \
 && chown -R atende:atende /app/var

USER atende
EXPOSE 8000
# /healthz answers before the host check and the HTTPS redirect (atende/core/health.py).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
