"""The public page cache: rendered pages kept per language and address.

Public pages are the same for every visitor (of one address: language,
path, query, host and scheme all make the key), so `PublicPageMiddleware` keeps
each one rendered (and compressed) in the cache and answers the next visitor
without touching the database. Only the URL names in `PUBLIC_PAGES` are
cached; a new public page joins by adding its name there.

Invalidation is by a content version: every cache key holds the version, and
any save, delete or many-to-many change of a content model (anything but
sessions, admin log entries, users and permissions) replaces it, so the very
next request renders afresh; a request that wrote content replaces it again
once its transactions are committed, so a page rendered in between from the
old data is not kept. Writes that bypass signals (`bulk_create`,
`QuerySet.update()`) call `content_changed()` themselves after committing; a
successful POST to the admin also does, which covers admin actions that
update in bulk.

The version lives in the cache itself, so every process sees a change as soon
as it is made only when they share the cache: with several gunicorn workers
(or servers) set `CACHE_URL` to Redis; the local-memory default is right for
one process (`runserver`, tests).

Public pages set no cookie and do not vary on Cookie (the URL decides the
language; nothing on them reads the session or a CSRF token); a response
that does either is not a public page and is never cached. They carry an
ETag and answer 304 when it matches, and HTML goes out compressed with
brotli or gzip, so gunicorn alone sends small pages.
"""

import contextvars
import gzip
import hashlib
import logging
import uuid

import brotli
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

# URL names of the pages that are the same for every visitor.
PUBLIC_PAGES = frozenset(
    {
        "home",
        "accessibility",
        "events:archive",
        "events:programme",
        "events:programme_calendar",
        "events:programme_item_calendar",
        "events:plenary",
        "events:concert",
        "exhibitors:booth_list",
        "exhibitors:booth_detail",
        "awards:award_list",
        "open_data_editions",
        "open_data_edition",
        "share_image",
        "share_image_site",
        "sitemap",
        "robots_txt",
    }
)

# Apps whose rows are not content: writing them changes no public page.
NOT_CONTENT_APPS = frozenset({"admin", "auth", "contenttypes", "sessions"})

logger = logging.getLogger(__name__)

VERSION_KEY = "pages:version"
PAGE_KEY_PREFIX = "pages:page"
# Bodies smaller than this are not worth compressing.
MIN_COMPRESS_BYTES = 200
# Headers set per answer, never replayed from the cache.
_PER_ANSWER_HEADERS = frozenset({"content-length", "content-encoding", "set-cookie"})


def content_changed():
    """Mark every cached page stale: the next request of each renders afresh."""
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    except Exception:
        # A write must not fail because the cache is down; pages it holds
        # expire after PAGE_CACHE_SECONDS at most.
        logger.exception("Could not invalidate the page cache")


def content_version():
    """The current content version, or None when the cache cannot be reached."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex
            # add(): two processes starting together agree on one version.
            if not cache.add(VERSION_KEY, version, None):
                version = cache.get(VERSION_KEY, version)
    except Exception:
        logger.exception("The page cache is unreachable; rendering without it")
        return None
    return version


def _cache_get(key):
    try:
        return cache.get(key)
    except Exception:
        logger.exception("The page cache is unreachable; rendering without it")
        return None


def _cache_set(key, page):
    try:
        cache.set(key, page, settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.exception("Could not store a page in the cache")


# Whether the current request wrote content (see PublicPageMiddleware).
_content_written = contextvars.ContextVar("content_written", default=False)


def _on_content_write(sender, **kwargs):
    if sender._meta.app_label not in NOT_CONTENT_APPS:
        content_changed()
        _content_written.set(True)


def connect_signals():
    """Invalidate on every write of a content model (called from the app's ready())."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_content_write, dispatch_uid=f"page-cache-{signal!r}")


def page_key(version, address):
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{version}:{digest}"


def accepted_encoding(request):
    """ "br", "gzip" or None: the best encoding the client accepts."""
    accepted = set()
    for part in request.headers.get("accept-encoding", "").split(","):
        coding, _, params = part.strip().partition(";")
        if params.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        accepted.add(coding.strip().lower())
    if "br" in accepted:
        return "br"
    if "gzip" in accepted or "*" in accepted:
        return "gzip"
    return None


def is_text(response):
    """Whether compressing the body pays: text does, PNG and JPEG are compressed already."""
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type.startswith("text/") or content_type.endswith(("json", "xml"))


def compress(body, encoding):
    if encoding == "br":
        return brotli.compress(body, quality=6, mode=brotli.MODE_TEXT)
    return gzip.compress(body, compresslevel=6, mtime=0)


class CachedPage:
    """A rendered public page: its headers, its body and the body compressed."""

    def __init__(self, response, *, encodings):
        self.status = response.status_code
        self.headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in _PER_ANSWER_HEADERS
        ]
        self.body = response.content
        self.etag = response["ETag"]
        self.bodies = {}
        if len(self.body) >= MIN_COMPRESS_BYTES and is_text(response):
            for encoding in encodings:
                compressed = compress(self.body, encoding)
                if len(compressed) < len(self.body):
                    self.bodies[encoding] = compressed

    def response_for(self, request):
        if etag_matches(request, self.etag):
            return not_modified(self.headers)
        encoding = accepted_encoding(request)
        body = self.bodies.get(encoding)
        response = HttpResponse(body or self.body, status=self.status)
        for name, value in self.headers:
            response[name] = value
        if body is not None:
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(response.content))
        return response


def etag_matches(request, etag):
    header = request.headers.get("if-none-match")
    if not header:
        return False
    tags = parse_etags(header)
    if "*" in tags:
        return True
    bare = etag.removeprefix("W/")
    return any(tag.removeprefix("W/") == bare for tag in tags)


def not_modified(headers):
    response = HttpResponseNotModified()
    for name, value in headers:
        if name.lower() in ("etag", "cache-control", "vary", "content-language"):
            response[name] = value
    return response


def is_public_page(request, response):
    """True when `response` is a public page the same for everyone: cache it and mark it so."""
    match = request.resolver_match
    return (
        match is not None
        and match.view_name in PUBLIC_PAGES
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and not response.has_header("Content-Encoding")
    )


class PublicPageMiddleware:
    """Serve public pages from the cache; mark them cacheable, validated and compressed.

    It sits near the top of the middleware stack so a cached page is answered
    before sessions, CSRF, locale and messages do any work; it sees the
    response after all of them, so it can check that none set a cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            token = _content_written.set(False)
            try:
                response = self.get_response(request)
                # Once more now that the request's transactions are committed:
                # a page rendered meanwhile from the data before the change
                # must not outlive it. Admin actions that update() in bulk
                # send no signal, so any successful admin POST counts too.
                if _content_written.get() or (
                    response.status_code < 400 and self._is_admin(request)
                ):
                    content_changed()
            finally:
                _content_written.reset(token)
            return response

        key = None
        if settings.PAGE_CACHE_SECONDS > 0 and not self._has_session(request):
            version = content_version()
            address = self._address(request)
            if version is not None and address is not None:
                key = page_key(version, address)
                page = _cache_get(key)
                if page is not None:
                    return page.response_for(request)

        response = self.get_response(request)
        if not is_public_page(request, response):
            return response

        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = f"public, max-age={settings.PAGE_BROWSER_MAX_AGE}"
        if is_text(response):
            patch_vary_headers(response, ("Accept-Encoding",))
        response["ETag"] = f'W/"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        if key is not None:
            page = CachedPage(response, encodings=("br", "gzip"))
            _cache_set(key, page)
        else:
            page = CachedPage(response, encodings=tuple(filter(None, [accepted_encoding(request)])))
        return page.response_for(request)

    def _address(self, request):
        """Scheme, host and path: pages hold absolute links to themselves (alternates, sitemap)."""
        try:
            return request.build_absolute_uri()
        except DisallowedHost:
            return None  # the rest of the stack answers 400

    def _has_session(self, request):
        # Staff signed in to the admin see pages rendered for them, never cached ones.
        return settings.SESSION_COOKIE_NAME in request.COOKIES

    def _is_admin(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("admin:index")
        return request.path.startswith(self.admin_prefix)
