"""Settings for the Social Projects Forum site.

One module for every environment: values come from the environment (or a
`.env` file beside `manage.py`) through django-environ. The defaults are safe
for a laptop and need nothing but Python: SQLite, local-memory cache, e-mail
printed to the console, uploads on local disk. Production differs only by its
environment values (see `.env.example`).
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# A key for local use only; production sets SECRET_KEY in the environment.
SECRET_KEY = env.str("SECRET_KEY", default="local-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.contrib.staticfiles",
    "import_export",
    "forum_site.apps.AxesConfig",  # django-axes, under a translated name
    "events",
    "exhibitors",
    "awards",
    "forum_site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves fingerprinted, compressed static files before any other work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (it may read the admin's language choice), before
    # CommonMiddleware (which needs the language to resolve prefixed URLs).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
SESSION_COOKIE_HTTPONLY = True

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

WSGI_APPLICATION = "forum_site.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://forum")}

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="forum@localhost")
# A slow mail server must not hold a request (mail is sent after the commit).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# Who is told of new booth applications: these addresses, and the active
# staff members in the MODERATORS_GROUP group.
MODERATORS_EMAILS = env.list("MODERATORS_EMAILS", default=[])
MODERATORS_GROUP = env.str("MODERATORS_GROUP", default="Moderators")
# The site's address, for links in e-mail (sent outside any request).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

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
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "admin:login"
# Uploaded images served by Django itself; behind a web server or object
# storage in production, set SERVE_MEDIA=false and serve MEDIA_ROOT there.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)

# Exports (django-import-export): whoever may view a model may export it.
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
