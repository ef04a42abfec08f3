"""Measure every public page under gunicorn on loopback: see bench/run and bench/RESULTS.md.

For each data size (a sample edition of 20 booths, then 2,000) and with the
page cache on and then off, it starts gunicorn on 127.0.0.1, loads every page
with wrk (or, without wrk, a small Python client) for a bounded time, then
times requests one after another on one connection, and prints per page:
requests per second (under load), p50 and p99 latency (one at a time), SQL queries,
compressed (brotli) bytes, booth cards shown, and the ratio of the page's throughput to a
trivial Django view's, measured by the same server in the same run. Beside
the trivial view it measures an empty page (the current edition's layout with
nothing in it), the least any public page costs before its own content.
"""

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TRIVIAL = "/bench/trivial/"
EMPTY_PAGE = "/kk/bench/empty/"
BASELINES = ("trivial view", "empty page")

# The public pages: the article's edition (the current one) and the sample
# edition, which holds the booths. `{last}` is the exhibition's last page,
# `{booth}` a booth's address, both found after loading the data.
PAGES = [
    ("home", "/kk/"),
    ("programme", "/kk/programme/"),
    ("plenary", "/kk/plenary/"),
    ("awards", "/kk/awards/"),
    ("concert", "/kk/concert/"),
    ("archive", "/kk/archive/"),
    ("sample home", "/kk/archive/sample/"),
    ("exhibition", "/kk/archive/sample/exhibition/"),
    ("exhibition ru", "/ru/archive/sample/exhibition/"),
    ("exhibition last page", "/kk/archive/sample/exhibition/?page={last}"),
    # "шеберхана" is in every sample booth's project title, so the search fills a
    # page at 20 booths as at 2,000, and the growth measured is the search's own
    # (a word found in 2 booths of 20 and in 24 of 2,000 measured the cards).
    (
        "exhibition search",
        "/kk/archive/sample/exhibition/?q=%D1%88%D0%B5%D0%B1%D0%B5%D1%80%D1%85%D0%B0%D0%BD%D0%B0",
    ),
    ("exhibition theme", "/kk/archive/sample/exhibition/?theme={theme}"),
    ("booth", "/kk/archive/sample/exhibition/{booth}/"),
]

TARGET_CACHED = 0.8
TARGET_UNCACHED = 0.3
TARGET_P99_GROWTH = 1.5


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def in_django(env, code):
    """Run `code` in a Django process with `env`; it prints one JSON document."""
    script = "import django, json; django.setup()\n" + code
    done = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


PROBE = """
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from exhibitors.models import Booth, Theme
from events.models import Forum
sample = Forum.objects.get(slug="sample")
booths = Booth.objects.public().filter(forum=sample)
count = booths.count()
fill = {
    "last": max(1, -(-count // 24)),
    "booth": booths.order_by("-number").values_list("slug", flat=True).first(),
    "theme": Theme.objects.order_by("order").values_list("slug", flat=True).first(),
}
client = Client(headers={"host": "127.0.0.1"})
queries = {}
for name, path in [("empty page", EMPTY_PAGE), *PAGES]:
    url = path.format(**fill)
    client.get(url)  # the first request of a process fills Django's own caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries[name] = len(captured)
print(json.dumps({"fill": fill, "queries": queries, "booths": count}))
"""

# Run after PROBE, with the page cache off: each page's time in-process and,
# within it, the ORM's (building, running and reading its queries, including
# lazy ones the template runs), the p50 of ORM_REQUESTS requests. The ORM's
# share is what no template engine can save.
ORM_REQUESTS = 100
ORM_TIMES = """
import statistics, time
from django.db.models.query import QuerySet
from django.db.models.sql.query import Query
orm = [0.0]
depth = [0]
def timed(method):
    def wrapper(*args, **kwargs):
        depth[0] += 1
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            depth[0] -= 1
            if not depth[0]:
                orm[0] += time.perf_counter() - start
    return wrapper
QuerySet._fetch_all = timed(QuerySet._fetch_all)
for name in ("get_aggregation", "get_count", "has_results"):
    setattr(Query, name, timed(getattr(Query, name)))
times = {}
for name, path in [("trivial view", TRIVIAL), ("empty page", EMPTY_PAGE), *PAGES]:
    url = path.format(**fill)
    total, within = [], []
    for _ in range(ORM_REQUESTS):
        orm[0] = 0.0
        start = time.perf_counter()
        client.get(url)
        total.append(time.perf_counter() - start)
        within.append(orm[0])
    times[name] = [statistics.median(total) * 1000, statistics.median(within) * 1000]
print(json.dumps({"fill": fill, "queries": queries, "booths": count, "times": times}))
"""


class Server:
    """gunicorn serving the site on loopback with the given environment."""

    def __init__(self, env, workers, config):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "forum_site.wsgi",
                # Not gunicorn.conf.py (which gunicorn reads by default): its
                # worker recycling (max_requests) and access log are production's
                # choices, and a recycled worker's start-up, about 0.4 s every
                # 1,000 requests, would be measured as the pages' cost.
                "--config",
                str(config),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--worker-class",
                "gthread",
                # One thread: requests are served one at a time, as by a sync
                # worker, but connections are kept alive (wrk reuses them),
                # so the figures measure Django rather than TCP set-up.
                "--threads",
                "1",
                "--keep-alive",
                "5",
                "--log-level",
                "warning",
                "--backlog",
                "2048",
            ],
            cwd=ROOT,
            env={**env, "LOG_LEVEL": "WARNING"},  # no line per request: measure pages, not logs
            stdout=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + TRIVIAL, timeout=2).read()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def fetch(url, encoding="br"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers.get("Content-Encoding"), response.read()


WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)")


def load_wrk(url, seconds, connections):
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "5s",
            "-H",
            "Accept-Encoding: br, gzip",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=seconds + 30,
    ).stdout
    if match := WRK_ERRORS.search(out):
        raise RuntimeError(f"{url}: {match.group(1)} error responses")
    return float(WRK_RATE.search(out).group(1))


def load_python(url, seconds, connections, max_requests=100_000):
    """A fallback load generator: `connections` threads, bounded by time and by count."""
    done, lock = [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if done[0] >= max_requests:
                    return
            fetch(url)
            with lock:
                done[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / (time.monotonic() - started)


def latencies(url, seconds, min_requests=600, max_seconds=15, max_requests=5_000):
    """p50 and p99 in ms of requests sent one after another on one kept-alive connection.

    Timed here rather than read from wrk: wrk 4.1's latency figures on this
    kind of machine contradict its own request count (an average of 60 ms
    on one connection serving 1,200 requests a second). One at a time, the
    figures are the page's own cost, not time spent queueing behind others.
    At least `min_requests` (unless that takes `max_seconds`): the p99 of a
    slow page is then its 6th slowest request, not its 3rd.
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    timings = []
    started = time.monotonic()

    def more():
        elapsed = time.monotonic() - started
        if len(timings) >= max_requests or elapsed >= max_seconds:
            return False
        return elapsed < seconds or len(timings) < min_requests

    try:
        while more():
            start = time.perf_counter()
            connection.request("GET", path, headers={"Accept-Encoding": "br, gzip"})
            connection.getresponse().read()
            timings.append((time.perf_counter() - start) * 1000)
    finally:
        connection.close()
    timings.sort()
    return statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.99))]


def measure(server, urls, seconds, connections, use_wrk):
    """[(name, req/s, p50 ms, p99 ms, bytes, encoding, cards)] for the baselines and every page."""
    load = load_wrk if use_wrk else load_python
    rows = []
    for name, path in [("trivial view", TRIVIAL), ("empty page", EMPTY_PAGE), *urls]:
        url = server.base + path
        status, encoding, body = fetch(url)
        assert status == 200, (url, status)
        fetch(url)  # warm: a cached page is in the cache, an uncached one in memory
        rate = load(url, seconds, connections)
        p50, p99 = latencies(url, seconds)
        cards = fetch(url, encoding="identity")[2].count(b'class="booth-card"')
        rows.append((name, rate, p50, p99, len(body), encoding or "-", cards))
    return rows


def report(title, rows, queries, times=None):
    """The table of one run; with `times` (page cache off), each page's in-process and ORM p50."""
    trivial_rate = rows[0][1]
    print(f"\n{title}")
    header = f"{'page':<22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'SQL':>4} {'bytes':>7} {'enc':>4} {'cards':>5} {'ratio':>6}"
    if times:
        header += f" {'app ms':>7} {'ORM ms':>7}"
    print(header)
    print("-" * len(header))
    for name, rate, p50, p99, size, encoding, cards in rows:
        sql = "-" if name == "trivial view" else str(queries[name])
        ratio = rate / trivial_rate
        line = f"{name:<22} {rate:>8.0f} {p50:>8.2f} {p99:>8.2f} {sql:>4} {size:>7} {encoding:>4} {cards:>5} {ratio:>6.2f}"
        if times:
            line += f" {times[name][0]:>7.2f} {times[name][1]:>7.2f}"
        print(line)
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4, help="load per page (default 4)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers (default 1)")
    parser.add_argument("--sizes", default="20,2000", help="booths per run (default 20,2000)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temp dir")
    args = parser.parse_args()

    use_wrk = shutil.which("wrk") is not None
    if not use_wrk:
        print("wrk not found (apt-get install wrk): using the slower Python client", flush=True)
    seconds = int(args.seconds) if use_wrk else args.seconds

    workdir = Path(tempfile.mkdtemp(prefix="forum-bench-"))
    config = workdir / "gunicorn.bench.py"
    config.write_text("# gunicorn's defaults, with the options bench.py passes.\n")
    env = {
        **os.environ,
        "DEBUG": "false",
        "BENCH_VIEWS": "true",
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "forum_site.settings",
    }
    env.pop("CACHE_URL", None)
    print(f"Machine: {platform.node()}, {platform.platform()}, {os.cpu_count()} CPUs, "
          f"{platform.python_implementation()} {platform.python_version()}; "
          f"database {env['DATABASE_URL'].split(':')[0]}; load generator "
          f"{'wrk' if use_wrk else 'python'}, {args.connections} connections, "
          f"{seconds}s per page, then at least 600 requests one at a time (at most 15 s) for the latencies; gunicorn {args.workers} gthread worker(s) of 1 thread, keep-alive", flush=True)  # fmt: skip

    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_forum", "--verbosity", "0")
    results = {}
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            manage(env, "make_sample", "--booths", str(size), "--verbosity", "0")
            probe = in_django(
                {**env, "PAGE_CACHE_SECONDS": "0"},
                f"PAGES = {PAGES!r}\nEMPTY_PAGE = {EMPTY_PAGE!r}\nTRIVIAL = {TRIVIAL!r}\n"
                f"ORM_REQUESTS = {ORM_REQUESTS}\n" + PROBE + ORM_TIMES,
            )
            urls = [(name, path.format(**probe["fill"])) for name, path in PAGES]
            for cache_on in (True, False):
                server_env = {**env, "PAGE_CACHE_SECONDS": "600" if cache_on else "0"}
                server = Server(server_env, args.workers, config)
                try:
                    rows = measure(server, urls, seconds, args.connections, use_wrk)
                finally:
                    server.stop()
                label = f"{probe['booths']} booths, page cache {'on' if cache_on else 'off'}"
                report(label, rows, probe["queries"], None if cache_on else probe["times"])
                results[(size, cache_on)] = {
                    "rows": rows,
                    "queries": probe["queries"],
                    "times": probe["times"],
                }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print(summarise(results))
    if args.json:
        args.json.write_text(
            json.dumps({f"{k[0]}-{'on' if k[1] else 'off'}": v for k, v in results.items()})
        )


def orm_note(size, rows, times):
    """What the ORM alone costs the pages, against the time a page may take at the uncached target.

    One worker serves one request at a time, so a page at TARGET_UNCACHED of the
    trivial view's throughput takes at most p50 / TARGET_UNCACHED; the server's
    own share (the trivial view's p50 less its in-process time) comes off that.
    """
    trivial_p50 = rows[0][2]
    budget = trivial_p50 / TARGET_UNCACHED - (trivial_p50 - times["trivial view"][0])
    pages = [times[row[0]][1] for row in rows if row[0] not in BASELINES]
    over = sum(orm > budget for orm in pages)
    return (
        f"note: in-process, the ORM's work alone (building, running and reading the queries) "
        f"takes {min(pages):.2f}-{max(pages):.2f} ms a page ({size} booths); a page at "
        f"{TARGET_UNCACHED} of the trivial view has about {budget:.2f} ms in-process, which the "
        f"ORM alone exceeds on {over} of {len(pages)} pages"
    )


def summarise(results):
    """The issue's targets, page by page: PASS or FAIL with the figures."""
    lines, failures = ["\nTargets"], 0
    sizes = sorted({size for size, _ in results})
    small, large = sizes[0], sizes[-1]
    for cache_on, target in ((True, TARGET_CACHED), (False, TARGET_UNCACHED)):
        for size in sizes:
            rows = results[(size, cache_on)]["rows"]
            ratios = [(row[0], row[1] / rows[0][1]) for row in rows if row[0] not in BASELINES]
            worst = min(ratios, key=lambda r: r[1])
            ok = worst[1] >= target
            failures += not ok
            lines.append(
                f"{'PASS' if ok else 'FAIL'} cache {'on ' if cache_on else 'off'}, {size} booths: "
                f"lowest ratio {worst[1]:.2f} ({worst[0]}), target >= {target}"
            )
    for size in sizes:
        rows = results[(size, False)]["rows"]
        empty = next(row for row in rows if row[0] == "empty page")
        lines.append(
            f"note: with the page cache off, the empty page (the layout, one query) runs at "
            f"{empty[1] / rows[0][1]:.2f} of the trivial view ({size} booths): no page can do better"
        )
        lines.append(orm_note(size, rows, results[(size, False)]["times"]))
    if small != large:
        for cache_on in (True, False):
            few = {
                row[0]: row for row in results[(small, cache_on)]["rows"] if row[0] not in BASELINES
            }
            many = {
                row[0]: row for row in results[(large, cache_on)]["rows"] if row[0] not in BASELINES
            }
            growth = {name: many[name][3] / few[name][3] for name in few}
            worst = max(growth, key=growth.get)
            ok = growth[worst] <= TARGET_P99_GROWTH
            failures += not ok
            # A list showing 3 booths at one size and 24 at the other measures its cards too.
            cards = few[worst][6], many[worst][6]
            shown = f"; booth cards shown: {cards[0]} and {cards[1]}" if any(cards) else ""
            lines.append(
                f"{'PASS' if ok else 'FAIL'} cache {'on ' if cache_on else 'off'}: p99 at {large} "
                f"booths / at {small}: worst {growth[worst]:.2f} ({worst}{shown}), "
                f"target <= {TARGET_P99_GROWTH}"
            )
        same = results[(small, False)]["queries"] == results[(large, False)]["queries"]
        failures += not same
        lines.append(f"{'PASS' if same else 'FAIL'} same SQL query count at {small} and {large}")
    lines.append("All targets met." if not failures else f"{failures} target(s) missed.")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
