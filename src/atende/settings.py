"""Atende settings: one env-driven module; the defaults run `make run` with zero configuration."""

import json
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("ATENDE_VAR_DIR", PROJECT_DIR / "var"))


def env(name: str, default: str | None = None) -> str | None:
    """Read a setting from the environment."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


# Fails closed: without DEBUG=1 this is production, with the strict rest. `make run`, `make test`
# and the other developer targets of the Makefile say DEBUG=1.
DEBUG = env_bool("DEBUG", default=False)
PRODUCTION = not DEBUG

SECRET_KEY = env("SECRET_KEY") or ""
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (it is off unless DEBUG=1). In production "
            "set SECRET_KEY to a long random value, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`; on a developer "
            "machine set DEBUG=1 instead (`make run` and `make test` do)."
        )
    SECRET_KEY = "dev-only-insecure-key-change-me-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if PRODUCTION and "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list real host names in production, not '*'.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Host names of the platform itself (organizations by path); any other allowed host may be an
# organization's own domain, looked up in Organization.hostname.
ATENDE_PRIMARY_HOSTS = set(env_list("ATENDE_PRIMARY_HOSTS", "127.0.0.1,localhost,testserver"))
# Reverse proxies in front of Django that append to X-Forwarded-For (atende.core.client_ip).
# 0: the header is never believed and REMOTE_ADDR is the client.
ATENDE_TRUSTED_PROXY_COUNT = int(env("ATENDE_TRUSTED_PROXY_COUNT", "0") or 0)
if ATENDE_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("ATENDE_TRUSTED_PROXY_COUNT must be 0 or more.")

INSTALLED_APPS = [
    "atende.accounts.admin_site.AdminConfig",  # Django's admin; its login sends to /entrar/
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # serves Swagger UI's files from our own static files (the CSP allows no CDN)
    "django_htmx",
    "template_partials",
    "rules.apps.AutodiscoverRulesConfig",
    "auditlog",
    "axes",
    "csp",
    "atende.core",
    "atende.tenancy",
    "atende.accounts",
    "atende.files",
    "atende.customers",
    "atende.workflow",
    "atende.desk",
    "atende.billing",
    "atende.portal",
    "atende.api",
]

MIDDLEWARE = [
    # First: probes reach /healthz over plain HTTP by an internal address (no host, no HTTPS).
    "atende.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files from the web process itself, right after the HTTPS redirect and headers.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "atende.tenancy.middleware.OrganizationMiddleware",
    "atende.core.client_ip.AuditlogMiddleware",
    "atende.files.upload_limit.UploadLimitMiddleware",  # before any view or CSRF reads a body
    "atende.core.middleware.RefuseNulMiddleware",  # after the size check: it reads the body
    # Last, as django-axes asks: turns a lockout flagged during the view into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "atende.urls"
WSGI_APPLICATION = "atende.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "atende.tenancy.context_processors.organization",
                "atende.accounts.context_processors.navigation",
            ],
            "builtins": [
                "atende.core.templatetags.atende",
                "atende.tenancy.templatetags.tenancy",
                "atende.accounts.templatetags.accounts",
            ],
        },
    }
]


def _database() -> dict:
    url = env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'atende.sqlite3'}"
    config = dj_database_url.parse(url, conn_max_age=int(env("DB_CONN_MAX_AGE", "60") or 0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        VAR_DIR.mkdir(parents=True, exist_ok=True)  # a fresh clone has no var/ yet
        # One writer at a time: take the write lock at BEGIN and use WAL so readers never wait.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
        config["CONN_MAX_AGE"] = 0
        # A file, not memory, so a real Celery worker in the integration tests sees the data;
        # one per process, so two test runs on one checkout do not share it.
        config["TEST"] = {"NAME": str(VAR_DIR / f"test_atende_{os.getpid()}.sqlite3")}
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # Same driver plus per-transaction row-level-security settings (tenancy.db).
        config["ENGINE"] = "atende.tenancy.db"
        config["CONN_HEALTH_CHECKS"] = True
        # One transaction per request: the organization's RLS setting is written once, not
        # around every statement. (Not on SQLite, where BEGIN IMMEDIATE would serialise reads.)
        config["ATOMIC_REQUESTS"] = True
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out e-mail or address before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "auth:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "auth:login"
# Failed sign-ins allowed per e-mail (four times as many per client address) before sign-in is
# refused; failures older than the window are forgotten, and a refusal lasts the window after
# the last failure. A wrong two-factor code counts as a failure.
LOGIN_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5") or 5)
LOGIN_FAILURE_WINDOW_SECONDS = int(env("LOGIN_FAILURE_WINDOW_SECONDS", "900") or 900)
# django-axes does the counting (atende/accounts/throttle.py reads the two settings above).
AXES_HANDLER = "atende.accounts.throttle.SigninThrottleHandler"
AXES_FAILURE_LIMIT = "atende.accounts.throttle.failure_limit"
AXES_COOLOFF_TIME = "atende.accounts.throttle.cool_off"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "atende.accounts.throttle.signin_username"
AXES_CLIENT_IP_CALLABLE = "atende.core.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "atende.accounts.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Tries while refused are not counted, so they do not push the end of the refusal further out.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True  # failures only; successful sign-ins are not logged per request
AXES_VERBOSE = False  # no start-up banner on every command; log lines name the lockout keys only
# Password-reset links live an hour; Django's token also dies when the password changes, so a
# used link (or one older than a later change) no longer works.
PASSWORD_RESET_TIMEOUT = 60 * 60

LANGUAGE_CODE = "pt-br"
LANGUAGES = [("pt-br", "Português (Brasil)"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Sao_Paulo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
# Uploaded files are never served by URL: only the authorising download view reads them.
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production: `collectstatic` writes hashed names (cached for a year, immutable) and gzip
    # copies, which WhiteNoise serves to clients that accept them.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Development (DEBUG=1, also inside the test runner, which turns DEBUG off): files straight from
# the apps' static folders, no collectstatic needed.
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The largest file any upload may carry (a use's policy may accept less); refused while it
# arrives (atende.files.upload_limit).
ATENDE_UPLOAD_MAX_BYTES = int(env("ATENDE_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)) or 0)
FILE_UPLOAD_HANDLERS = [
    "atende.files.upload_limit.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

# E-mail: console in development, SMTP from EMAIL_URL (smtp://user:pass@host:port, smtp+tls://…).
# Absolute links in e-mails (invitations, password reset from tasks).
SITE_URL = (env("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Atende <nao-responda@atende.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_email_url = env("EMAIL_URL")
if _email_url:
    from atende.core.email_url import parse_email_url

    globals().update(parse_email_url(_email_url))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Desk e-mail channel (D7; README "E-mail channel"). The desk address: mail to
# suporte+<organization>[.<area alias>]@domain opens and answers tickets, and replies carry it
# as Reply-To. IMAP mailboxes polled by celery beat: a JSON list (see atende/desk/mailbox.py).
DESK_MAIL_ADDRESS = env("DESK_MAIL_ADDRESS", "") or ""
try:
    DESK_IMAP_ACCOUNTS = json.loads(env("DESK_IMAP_ACCOUNTS", "") or "[]")
except ValueError as exc:
    raise ImproperlyConfigured(f"DESK_IMAP_ACCOUNTS is not valid JSON: {exc}") from exc
if not isinstance(DESK_IMAP_ACCOUNTS, list):
    raise ImproperlyConfigured("DESK_IMAP_ACCOUNTS must be a JSON list of mailboxes.")
DESK_IMAP_POLL_SECONDS = int(env("DESK_IMAP_POLL_SECONDS", "60") or 60)

# Card payments through Pagar.me API v5 (B8; billing/gateway/README.md). Without the secret key
# card charges are off and the pages say so. The key is server side only, never in code.
PAGARME_SECRET_KEY = env("PAGARME_SECRET_KEY", "") or ""
PAGARME_PUBLIC_KEY = env("PAGARME_PUBLIC_KEY", "") or ""  # pk_…, for tokenizecard.js
PAGARME_BASE_URL = env("PAGARME_BASE_URL", "") or "https://api.pagar.me/core/v5"
PAGARME_JWKS_URL = env("PAGARME_JWKS_URL", "") or "https://hubapi.pagar.me/.well-known/jwks.json"
PAGARME_TIMEOUT = float(env("PAGARME_TIMEOUT", "20") or 20)
PAGARME_STATEMENT_DESCRIPTOR = env("PAGARME_STATEMENT_DESCRIPTOR", "") or ""

# Celery: a real broker when configured; otherwise tasks run eagerly in-process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL") or ""
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND") or (CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE

_redis_url = env("REDIS_URL")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis_url}
    if _redis_url
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Security headers. HTTPS-only cookies and HSTS in production; CSP everywhere.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000") or 0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],  # no <base>: relative links cannot be pointed elsewhere
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

AUDITLOG_INCLUDE_ALL_MODELS = False
# Audit entries carry their organization and sit under row-level security like every tenant table.
AUDITLOG_LOGENTRY_MODEL = "tenancy.AuditLogEntry"

# Outside services behind adapters (customers app): CEP lookup and the SMS gateway.
VIACEP_URL = env("VIACEP_URL", "https://viacep.com.br/ws")
CEP_TIMEOUT_SECONDS = float(env("CEP_TIMEOUT_SECONDS", "3") or 3)
SMS_GATEWAY_URL = env("SMS_GATEWAY_URL", "") or ""
SMS_GATEWAY_TOKEN = env("SMS_GATEWAY_TOKEN", "") or ""

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}
