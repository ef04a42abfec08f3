"""A request id on every request, its response and every log line it causes.

The proxy in front may already have given the request an id (`X-Request-ID`);
we keep it when it looks like one, so the proxy's log and ours share it, and
make one otherwise. The id goes back in the response's `X-Request-ID`, and a
visitor reporting an error page can quote it.
"""

import contextvars
import json
import logging
import re
import uuid

REQUEST_ID_HEADER = "X-Request-ID"
# Only ids that cannot forge a log line or a header: no spaces, no newlines.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_current = contextvars.ContextVar("request_id", default="-")


def current_request_id():
    """The id of the request this code runs for, or "-" outside one."""
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Gives every record a `request_id` attribute for the formatters."""

    def filter(self, record):
        record.request_id = current_request_id()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: a traceback stays on its record's line."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
