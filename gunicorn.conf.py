"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py forum_site.wsgi`.

Every value can be overridden from the environment (GUNICORN_*, WEB_CONCURRENCY)
without editing this file. `kill -HUP <master pid>` (systemctl reload) starts
new workers on the new code and lets the old ones finish their requests.
"""

import multiprocessing
import os


def _env_int(name, default):
    return int(os.environ.get(name, default))


# Where the proxy in front reaches us: loopback by default, never the world.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers: the site's views are short and CPU-bound (templates, images).
workers = _env_int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"

# A request that takes longer than this is killed (its worker restarted).
timeout = _env_int("GUNICORN_TIMEOUT", 30)
# On reload or stop, workers get this long to finish the requests they hold.
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then: image processing grows a worker's memory.
# Rarely, though: a worker's start costs about 0.4 s of CPU (bench/RESULTS.md),
# as much as a thousand cached pages. The jitter keeps them from restarting
# all at once.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 2000)

# Only the proxy may say a request came over HTTPS (X-Forwarded-Proto):
# its address, never "*".
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs to stdout/stderr, for the service manager; the access line carries the
# request id the app puts in its response, so it matches the app's own lines.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s "%(a)s"'

# Heartbeat files in memory, not on a disk that may stall.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Load the app in each worker (not the master), so a reload picks up new code.
preload_app = False
