"""Settings for the Social Projects Forum site.

One module for every environment: values come from the environment (or a
`.env` file beside `manage.py`) through django-environ. The defaults are safe
for a laptop and need nothing but Python: SQLite, local-memory cache, e-mail
printed to the console, uploads on local disk. Production differs only by its
environment values (see `.env.example`): `DJANGO_ENV=production` makes the
settings below required (a missing one stops the start, naming it) and turns
on HTTPS-only cookies, HSTS and the proxy's HTTPS header.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"DJANGO_ENV must be 'development' or 'production', not {DJANGO_ENV!r}."
    )
PRODUCTION = DJANGO_ENV == "production"

# What production cannot start without: each has no safe default.
PRODUCTION_REQUIRED = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "CACHE_URL",
    "EMAIL_URL",
]
if PRODUCTION:
    missing = [name for name in PRODUCTION_REQUIRED if not env.str(name, default="").strip()]
    if missing:
        raise ImproperlyConfigured(
            "DJANGO_ENV=production needs these settings, which are not set: "
            + ", ".join(missing)
            + ". Set them in the environment (or .env); .env.example describes each."
        )
    if env.bool("DEBUG", default=False):
        raise ImproperlyConfigured(
            "DEBUG must be false with DJANGO_ENV=production: it shows stack traces and settings."
        )
    if len(env.str("SECRET_KEY")) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY is too short for production: use at least 50 random characters "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )

DEBUG = env.bool("DEBUG", default=False)
# A key for local use only; production must set SECRET_KEY (checked above).
SECRET_KEY = env.str("SECRET_KEY", default="local-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "forum_site.apps.ForumAdminConfig",  # django.contrib.admin, with our AdminSite
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # Django's widget templates, for FORM_RENDERER below.
    "django.forms",
    "import_export",
    "forum_site.apps.AxesConfig",  # django-axes, under a translated name
    "events",
    "exhibitors",
    "awards",
    "forum_site",
    "csp",
]

MIDDLEWARE = [
    # First, so every later log line of the request (and its response) carries the id.
    "forum_site.request_id.RequestIdMiddleware",
    # HSTS, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy, the HTTPS redirect.
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that may answer early (static files, a bad Host's
    # 400), so that every response carries these headers.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "forum_site.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Serves fingerprinted, compressed static files before any other work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers cached public pages before sessions, locale and CSRF do any
    # work, and sees every response after them (to refuse any with a cookie).
    "forum_site.caching.PublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (it may read the admin's language choice), before
    # CommonMiddleware (which needs the language to resolve prefixed URLs).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last: it answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins lock that user name, and that client address, for 15
# minutes. Attempts are kept in the database, so the lockout holds even while
# the cache is away (it fails closed).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Our page, in the staff member's language, says for how long.
AXES_LOCKOUT_CALLABLE = "forum_site.views.admin_lockout"
# The same trusted client address as the application form's rate limit.
AXES_CLIENT_IP_CALLABLE = "exhibitors.ratelimit.client_address"
AXES_VERBOSE = False

# Only staff ever log in (public pages set no session): an 8-hour working day,
# then log in again.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)

ROOT_URLCONF = "forum_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "forum_site.context_processors.language_links",
            ],
        },
    },
]

# Widgets render through TEMPLATES, so templates/ can mend Django's own
# (templates/admin/widgets/split_datetime.html labels the admin's date and time).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "forum_site.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Persistent connections, checked before reuse: after a PostgreSQL restart the
# next request reconnects instead of failing on a dead connection.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # While the server is down, fail fast (a friendly 503) instead of hanging a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=3)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Backups (forum_site/backups.py): JSON that keeps times to the microsecond.
SERIALIZATION_MODULES = {"backupjson": "forum_site.backup_serializer"}

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://forum")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Django's own Redis backend, wrapped so that Redis being away is a logged
    # cache miss rather than an error page.
    CACHES["default"]["BACKEND"] = "forum_site.cache_backends.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=env.float("CACHE_CONNECT_TIMEOUT", default=0.5),
        socket_timeout=env.float("CACHE_TIMEOUT", default=0.5),
    )
# Sessions (the admin's) stay in the database: losing Redis logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# How long a rendered public page stays in the cache (0 turns the cache off).
# Any content change invalidates it at once, whatever this says; with more
# than one process, CACHE_URL must be a cache they share (Redis).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How long browsers and proxies may reuse a public page without asking again.
PAGE_BROWSER_MAX_AGE = env.int("PAGE_BROWSER_MAX_AGE", default=60)
# Exposes /bench/trivial/ and /<lang>/bench/empty/, the baselines of bench/run;
# never in production.
BENCH_VIEWS = env.bool("BENCH_VIEWS", default=False)

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="forum@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# A slow mail server must not hold a request (mail is sent after the commit).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# Who is told of new booth applications: these addresses, and the active
# staff members in the MODERATORS_GROUP group.
MODERATORS_EMAILS = env.list("MODERATORS_EMAILS", default=[])
MODERATORS_GROUP = env.str("MODERATORS_GROUP", default="Moderators")
# The site's address, for links in e-mail (sent outside any request).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# Where visitors report an accessibility barrier (shown on /accessibility/);
# empty: the statement points to the Ministry's official contacts.
ACCESSIBILITY_CONTACT = env.str("ACCESSIBILITY_CONTACT", default="")

# Booth applications: at most this many per client address and period
# (seconds); four times as many sends of the form, errors included.
APPLICATION_RATE_LIMIT = env.int("APPLICATION_RATE_LIMIT", default=5)
APPLICATION_RATE_PERIOD = env.int("APPLICATION_RATE_PERIOD", default=3600)
# The request header (as in request.META) that the proxy in front of the
# app overwrites with the client's address, e.g. HTTP_X_REAL_IP. Empty: the
# socket's peer address. Never a header clients can set themselves.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
# Our own page, in the visitor's language, when a form's CSRF check fails.
CSRF_FAILURE_VIEW = "forum_site.views.csrf_failure"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kazakh first (the state language), Russian complete.
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian"))]
# The project's own strings first, then Django's admin strings that its
# Kazakh catalogue lacks (locale/contrib, see forum_site/roles.py's README).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "contrib"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Almaty"
# Django ships no Kazakh formats (its defaults are American): ours live here.
FORMAT_MODULE_PATH = ["forum_site.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "kk"
MODELTRANSLATION_LANGUAGES = ("kk", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("kk", "ru")}

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app servers share their uploads: S3-compatible object storage when
# a bucket is named (or one MEDIA_ROOT on shared disk, e.g. NFS).
MEDIA_BUCKET = env.str("AWS_STORAGE_BUCKET_NAME", default="")
MEDIA_ORIGINS = []
if MEDIA_BUCKET:
    media_domain = env.str("AWS_S3_CUSTOM_DOMAIN", default="")
    media_endpoint = env.str("AWS_S3_ENDPOINT_URL", default="")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": media_endpoint or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "custom_domain": media_domain or None,
            "location": env.str("AWS_LOCATION", default="media"),
            # Uploads get random names; never overwrite, never sign public images.
            "file_overwrite": False,
            "querystring_auth": False,
            "default_acl": None,
        },
    }
    # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the
    # environment (boto3 reads them itself), never from this file.
    if media_domain:
        MEDIA_ORIGINS.append(f"https://{media_domain}")
    elif media_endpoint:
        MEDIA_ORIGINS.append(media_endpoint.rstrip("/"))

LOGIN_URL = "admin:login"
# Uploaded images served by Django itself (local use); in production the web
# server or object storage serves them.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=not PRODUCTION and not MEDIA_BUCKET)

# Security headers, in every environment so that local work meets the same
# policy as production (an inline script fails here first).
# Content-Security-Policy: nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
if PRODUCTION:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True
# Powerful browser features the site never uses, switched off for it and any frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sent only over HTTPS (SecurityMiddleware), so harmless on a laptop over HTTP.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=63072000)  # two years
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True

if PRODUCTION:
    # The proxy terminates TLS and says so in this header (it must overwrite
    # any value a client sends).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # The proxy and the orchestrator probe these over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    # HTTPS only, and the __Host- prefix: no subdomain can set or shadow them.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-django_language"

# One line per event on stdout (the service manager keeps it), each with the
# request's id; production writes JSON so a log store can index the fields.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "forum_site.request_id.RequestIdFilter"}},
    "formatters": {
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
        "json": {"()": "forum_site.request_id.JsonFormatter"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": env.str("LOG_FORMAT", default="json" if PRODUCTION else "text"),
        },
    },
    "root": {"handlers": ["stdout"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # The handler above replaces Django's own (which e-mails admins and
        # prints only under DEBUG); propagate to the root instead.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # Every request that ends in an error, once.
        "django.request": {"handlers": [], "level": "WARNING", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
    },
}

# Exports (django-import-export): whoever may view a model may export it.
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
