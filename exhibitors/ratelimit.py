"""A per-client rate limit kept in the cache (shared by every app server through Redis)."""

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_address(request):
    """The client's IP address, as the trusted proxy reports it.

    `CLIENT_IP_HEADER` names the request header the proxy in front of us
    overwrites with the client's address (for example `HTTP_X_REAL_IP`); a
    header the client could set itself must never be used. Unset, the socket's
    peer address is used.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        address = request.META.get(header, "").split(",")[-1].strip()
        if address:
            return address
    return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """At most `limit` events per client in each window of `period` seconds."""

    def __init__(self, name, limit, period):
        self.name, self.limit, self.period = name, limit, period

    def _key(self, request):
        window = int(time.time() // self.period)
        return f"ratelimit:{self.name}:{client_address(request)}:{window}"

    def is_exceeded(self, request):
        """Whether the client has used up its events. A cache failure lets it through."""
        try:
            return (cache.get(self._key(request)) or 0) >= self.limit
        except Exception:
            # The form must keep working while the cache is away (SECURITY.md: fail open, log).
            logger.exception(
                "Rate limit %s could not be read; letting the request through", self.name
            )
            return False

    def hit(self, request):
        """Count one event for the client."""
        key = self._key(request)
        try:
            if not cache.add(key, 1, self.period):
                cache.incr(key)
        except ValueError:
            # The key expired between add() and incr(): this is the window's first event.
            cache.set(key, 1, self.period)
        except Exception:
            logger.exception("Rate limit %s could not be counted", self.name)


def application_limits():
    """The limits the booth form applies: applications sent, and attempts of any kind."""
    period = settings.APPLICATION_RATE_PERIOD
    return (
        RateLimit("booth-applications", settings.APPLICATION_RATE_LIMIT, period),
        RateLimit("booth-form-posts", settings.APPLICATION_RATE_LIMIT * 4, period),
    )
