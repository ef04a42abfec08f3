"""Django's own Redis cache backend, made to survive Redis being away.

Django's `RedisCache` raises on every call while Redis is down, which turns
every cached page (and even the error page) into a 500. Here a connection
failure is logged once and then behaves as a cache miss: reads return their
default, writes do nothing, and pages are rendered without the cache. After a
failure the backend leaves Redis alone for `RETRY_AFTER` seconds, so a dead
server costs no connect timeout per call. If a write was lost while Redis was
away (an invalidation, say), the cache is cleared when Redis answers again,
so nothing stale outlives the outage.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ReadOnlyError, OSError)
RETRY_AFTER = 5.0


class _Outage:
    """What this process knows about one Redis server; shared by its threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.down = False
        self.lost_writes = False


_outages = {}
_outages_lock = threading.Lock()


def _outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._outage = _outage_for(str(server))

    def _call(self, method, fallback, *args, writes=False, **kwargs):
        outage = self._outage
        if outage.down and not self._recovered():
            outage.lost_writes |= writes
            return fallback
        try:
            return method(*args, **kwargs)
        except UNAVAILABLE as exc:
            self._went_down(exc, writes=writes)
            return fallback

    def _went_down(self, exc, *, writes):
        outage = self._outage
        with outage.lock:
            if not outage.down:
                logger.warning(
                    "Cache unavailable (%s: %s): serving pages without it",
                    type(exc).__name__,
                    exc,
                )
            outage.down = True
            outage.down_until = time.monotonic() + RETRY_AFTER
            outage.lost_writes |= writes

    def _recovered(self):
        """After an outage: whether Redis answers again (at most once per RETRY_AFTER).

        If a write was lost meanwhile (an invalidation, say), the cache is
        cleared before anything is read from it again.
        """
        outage = self._outage
        with outage.lock:
            if not outage.down:
                return True
            if time.monotonic() < outage.down_until:
                return False
            try:
                if outage.lost_writes:
                    super().clear()
                else:
                    self._cache.get_client().ping()
            except UNAVAILABLE:
                outage.down_until = time.monotonic() + RETRY_AFTER
                return False
            outage.down = False
            cleared, outage.lost_writes = outage.lost_writes, False
        if cleared:
            logger.warning("Cache available again; cleared, as writes were lost meanwhile")
        else:
            logger.warning("Cache available again")
        return True

    def ping(self):
        """True when Redis answers now (for the readiness check; no fallback)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except UNAVAILABLE:
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, False, key, value, timeout, version, writes=True)

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version, writes=True)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version, writes=True)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version, writes=True)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call(super().incr, missing, key, delta, version, writes=True)
        if result is missing:
            # What any backend says of a key it does not hold.
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version, writes=True)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version, writes=True)

    def clear(self):
        return self._call(super().clear, False, writes=True)
