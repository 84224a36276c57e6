"""Settings for the AVK portal, read from the environment.

With nothing set this is the embedded default for trying the portal out: a SQLite file,
Celery tasks run eagerly in the web process, e-mail printed to the console, DEBUG on.
Set DATABASE_URL and CELERY_BROKER_URL (or REDIS_URL) for the real stack, and
DJANGO_ENV=production for a deployment (DEBUG off, secure cookies, HSTS, a CSP).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from avk.beat import BEAT_SCHEDULE

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    """A string from the environment; NAME_FILE may point at a file holding it (secrets)."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DJANGO_ENV = env_str("DJANGO_ENV", "development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("DJANGO_ENV must be 'development' or 'production'")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG cannot be on in production")

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY (or DJANGO_SECRET_KEY_FILE) is required")
    SECRET_KEY = "insecure-development-key-only-for-trying-the-avk-portal-out"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is required in production")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The portal's public address: every absolute link in e-mails and calendar feeds starts
# with it (avk/links.py). `make run` sets it from PORT.
SITE_URL = env_str("AVK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "avk",
    "partners",
    "governance",
    "reflection",
    "movement",
    "resources",
    "library",
    "monitoring",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_celery_beat",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Inside WhiteNoise, which serves static files precompressed and returns before this.
    "avk.middleware.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "avk.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "avk.urls"
WSGI_APPLICATION = "avk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "avk.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several threads (dev server, eager tasks) share the file: wait rather than fail.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds login rate limits. It lives in the database so that logging in keeps
# working when Redis is down, and so that every web worker sees the same counts.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "avk_cache",
    }
}

AUTH_USER_MODEL = "avk.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: log in by e-mail, verified addresses, no sign-up for strangers.
ACCOUNT_ADAPTER = "avk.accounts.AccountAdapter"
ACCOUNT_FORMS = {"login": "avk.accounts.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Failed logins count per e-mail address and client address together (the "key", see
# avk/accounts.py), never per address alone: behind a proxy many people share one.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key",
    "reset_password": "20/m/ip,5/5m/key",
}
# The client address for rate limits. Behind a proxy every request comes from the proxy's
# address: name how many proxies in front of the portal append to X-Forwarded-For, or the
# header a proxy sets to the client's address (X-Real-IP). Off by default, so that a
# portal reached directly cannot be fooled by a forged header.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("AVK_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("AVK_TRUSTED_CLIENT_IP_HEADER") or None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[AVK] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "AVK-portaal"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# collectstatic fills STATIC_ROOT for production; in development files come from the finders.
STATIC_ROOT = BASE_DIR / "staticfiles" if PRODUCTION else None
WHITENOISE_USE_FINDERS = not PRODUCTION
STATICFILES_DIRS = [BASE_DIR / "static"]
# Media (generated PDFs, uploads) are never served directly: views check access first.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("AVK_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "AVK-portaal <portaal@avk.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery. Without a broker, tasks run eagerly inside the request (the embedded default).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or env_str("REDIS_URL")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"  # never used while tasks run eagerly
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The queue tasks go to, also those a task queues (tests and the bench give a worker its own).
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request must not hang when Redis is down: give up publishing quickly.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# A task a worker took but never finished (the worker was killed) goes back on the queue
# after the visibility timeout: a little above the longest task time limit (no task may
# set a longer one; a test checks), and above the longest retry countdown.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    "visibility_timeout": CELERY_TASK_TIME_LIMIT + 60,
}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
# The periodic tasks and when they run: avk/beat.py.
CELERY_BEAT_SCHEDULE = BEAT_SCHEDULE

# A pending mail never handed to the task queue (Redis was down) is sent by the sweep after
# this many seconds; one handed over but still pending after AVK_MAIL_LOST_AFTER_SECONDS
# is taken to be lost (Redis restarted empty) and handed over again.
AVK_MAIL_SWEEP_GRACE_SECONDS = env_int("AVK_MAIL_SWEEP_GRACE_SECONDS", 120)
AVK_MAIL_LOST_AFTER_SECONDS = env_int("AVK_MAIL_LOST_AFTER_SECONDS", 900)
# A document still being made after this many seconds (its worker was killed) is queued
# once more; still not made after as long again, it is marked failed with the reason.
AVK_DOCUMENT_STALE_SECONDS = env_int("AVK_DOCUMENT_STALE_SECONDS", 180)
AVK_DOCUMENT_RETENTION_DAYS = env_int("AVK_DOCUMENT_RETENTION_DAYS", 30)  # then beat removes them
# The personal data of a sign-up (pilot, open morning, course) is deleted this many days after
# the offer ended (movement.services.signups, beat daily).
AVK_SIGNUP_RETENTION_DAYS = env_int("AVK_SIGNUP_RETENTION_DAYS", 365)
AVK_INVITATION_VALID_DAYS = env_int("AVK_INVITATION_VALID_DAYS", 14)  # days an invitation works
AVK_REFLECTION_INVITE_DAYS = env_int("AVK_REFLECTION_INVITE_DAYS", 21)  # days before a session
# From this day (month, day) each year, contact persons are asked to renew the commitment.
AVK_COMMITMENT_RENEWAL_DATE = (
    env_int("AVK_COMMITMENT_RENEWAL_MONTH", 1),
    env_int("AVK_COMMITMENT_RENEWAL_DAY", 15),
)
# Voting: a seat-holder of a voting body needs MFA (TOTP) to vote; on by default, off in `make run`.
AVK_VOTE_REQUIRE_MFA = env_bool("AVK_VOTE_REQUIRE_MFA", default=True)
AVK_VOTING_DAYS = env_int("AVK_VOTING_DAYS", 14)  # the voting window offered at submission, in days
AVK_VOTING_MAX_DAYS = env_int("AVK_VOTING_MAX_DAYS", 365)  # furthest deadline, days (9999 = typo)
# Non-voters are reminded on each of these days before the deadline, in one daily digest.
AVK_VOTE_REMINDER_DAYS = [
    int(day) for day in env_str("AVK_VOTE_REMINDER_DAYS", "3,1").split(",") if day.strip()
]
# Owners of open actions hear about them this many days before the due date (and when late).
AVK_ACTION_REMINDER_DAYS = env_int("AVK_ACTION_REMINDER_DAYS", 3)
# The AVK team every partner aims for (memo of 2 June 2025): 1 director, 2 managers,
# 2 practitioners. A setting, so the alliance can change its aim without a release.
AVK_TEAM_TARGET = {
    "bestuurder": env_int("AVK_TEAM_TARGET_BESTUURDER", 1),
    "manager": env_int("AVK_TEAM_TARGET_MANAGER", 2),
    "uitvoering": env_int("AVK_TEAM_TARGET_UITVOERING", 2),
}

# Security headers. The CSP holds in every environment, so the tests see what production sees.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"client_errors": {"()": "avk.log.ClientErrorsWithoutTraceback"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["client_errors"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Without this Django keeps its own console handler on "django" as well, and every
        # message (a 403 with its traceback) is printed twice: once there, once by root.
        "django": {"level": "INFO"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        "django.utils.autoreload": {"level": "WARNING"},
    },
}
