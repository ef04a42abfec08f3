"""deploy/nginx: the shipped files, run by nginx in front of a small upstream.

nginx loads `forum-site-locations.conf` itself (its media path pointed at a
temporary directory) inside a plain-HTTP server, then the whole
`forum-site.conf` on free ports with a throwaway certificate; a Python server
in place of gunicorn records what reaches it. nginx runs as the test's child
process, writing only to temporary directories, so root is not needed.
"""

import http.client
import http.server
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory

from forum_site.request_id import RequestIdMiddleware

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
LIMIT = 32 * 1024 * 1024

pytestmark = pytest.mark.skipif(
    NGINX is None, reason="nginx is not installed (apt-get install nginx-light; .ci/run does)"
)


class Upstream(http.server.ThreadingHTTPServer):
    """Stands in for gunicorn: records each request and answers with a small page."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), UpstreamHandler)
        self.requests = []

    def seen(self, path):
        return [request for request in self.requests if request["path"] == path]


PAGE = b"<!doctype html><title>Page</title>" + b"<p>A form with a CSRF token.</p>" * 100
COMPRESSED = b"\x1f\x8b compressed by the app"


class UpstreamHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self._record(b"")
        if self.path == "/compressed":
            self._answer(COMPRESSED, **{"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        else:
            self._answer(PAGE)

    def do_POST(self):
        self._record(self.rfile.read(int(self.headers["Content-Length"])))
        self._answer(b"sent")

    def _record(self, body):
        self.server.requests.append(
            {"path": self.path, "headers": dict(self.headers), "body_length": len(body)}
        )

    def _answer(self, body, **headers):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render(directory, name, replacements):
    """The shipped file `name` with each path replaced (each must be found), written to `directory`."""
    text = (DEPLOY / name).read_text()
    for old, new in replacements.items():
        assert old in text, f"{name} no longer holds {old}"
        text = text.replace(old, new)
    path = directory / name
    path.write_text(text)
    return path


def nginx_conf(directory, server):
    """A whole nginx.conf around `server`, everything nginx writes kept in `directory`.

    One process in the foreground, the test's child: no root, no daemon.
    """
    temp = {kind: directory / kind for kind in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    conf = directory / "nginx.conf"
    conf.write_text(
        f"""
daemon off;
master_process off;
pid {directory}/nginx.pid;
error_log {directory}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    # As Debian's nginx.conf has it: the shipped file must hold its own.
    gzip on;
    {server}
}}
"""
    )
    return conf


def nginx(conf, *args):
    directory = conf.parent
    return [NGINX, "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log"), *args]


def listens(process, ports):
    """Whether `process` itself listens on every one of `ports` (Linux's /proc).

    Not merely whether something answers there: a port found free may have
    been taken by another program before nginx bound it.
    """
    sockets = set()
    for fd in Path(f"/proc/{process.pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            sockets.add(target[len("socket:[") : -1])
    listening = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, state, inode = fields[1], fields[3], fields[9]
        if state == "0A" and inode in sockets:
            listening.add(int(local.rsplit(":", 1)[1], 16))
    return listening >= set(ports)


def started(process, ports, seconds=60):
    """True once nginx listens on all `ports`, False if it stopped (its error log says why).

    All: nginx binds its ports one by one, and while it tries again for one taken,
    those it has bound already listen.
    """
    deadline = time.monotonic() + seconds
    while process.poll() is None:
        if listens(process, ports):
            return True
        assert time.monotonic() < deadline, f"nginx did not listen on {ports} in {seconds} s"
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def upstream():
    server = Upstream()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    (media / "booths").mkdir()
    (media / "booths" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 a JPEG")
    (media / "booths" / "page.html").write_bytes(b"<script>alert(1)</script>")
    (media / "booths" / "notes").write_bytes(b"<script>alert(1)</script>")
    return media


@contextmanager
def running(write_conf, ports=1, tries=5):
    """nginx checked (`nginx -t`) and started on the conf `write_conf(*ports)` writes.

    Yields the free ports it was given, until the block ends. A port is free only
    when looked at: when another program takes one before nginx binds it, nginx
    stops, and it is started again on other ports.
    """
    for _ in range(tries):
        chosen = [free_port() for _ in range(ports)]
        conf = write_conf(*chosen)
        checked = subprocess.run(nginx(conf, "-t"), capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
        # Its error log, of this start only.
        (conf.parent / "error.log").unlink(missing_ok=True)
        process = subprocess.Popen(nginx(conf))
        try:
            if started(process, chosen):
                yield chosen
                return
        finally:
            process.terminate()
            process.wait(timeout=10)
        errors = (conf.parent / "error.log").read_text()
        assert "Address already in use" in errors, f"nginx stopped: {errors}"
    raise AssertionError(f"nginx found its ports taken {tries} times")


@pytest.fixture(scope="module")
def site(tmp_path_factory, upstream, media):
    """nginx on a free port serving the shipped locations; yields the port."""
    directory = tmp_path_factory.mktemp("nginx")
    locations = render(
        directory, "forum-site-locations.conf", {"/srv/forum-site/media/": f"{media}/"}
    )

    def write_conf(port):
        return nginx_conf(
            directory,
            f"""
    upstream forum_site {{ server 127.0.0.1:{upstream.server_port}; }}
    server {{
        listen 127.0.0.1:{port};
        include {locations};
    }}""",
        )

    with running(write_conf) as (port,):
        yield port


def get(port, path, headers=None):
    with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=30)) as connection:
        connection.request("GET", path, headers={"Host": "forum.example.kz", **(headers or {})})
        response = connection.getresponse()
        return response, response.read()


FORGED = {
    "X-Forwarded-For": "6.6.6.6",
    "X-Real-IP": "6.6.6.6",
    "X-Forwarded-Proto": "https",
    "X-Request-ID": "made-up-by-the-client",
}


def test_client_address_headers_carry_the_peer_not_what_the_client_sent(site, upstream):
    get(site, "/address", FORGED)

    (request,) = upstream.seen("/address")
    assert request["headers"]["X-Real-IP"] == "127.0.0.1"
    assert request["headers"]["X-Forwarded-For"] == "127.0.0.1"


def test_scheme_and_host_reach_the_app(site, upstream):
    get(site, "/scheme", FORGED)

    (request,) = upstream.seen("/scheme")
    assert request["headers"]["X-Forwarded-Proto"] == "http"
    assert request["headers"]["Host"] == "forum.example.kz"


def test_request_id_is_nginx_own_and_one_the_app_keeps(site, upstream):
    get(site, "/request-id", FORGED)

    (request,) = upstream.seen("/request-id")
    request_id = request["headers"]["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    app_request = RequestFactory().get("/", headers={"X-Request-ID": request_id})
    RequestIdMiddleware(lambda request: {})(app_request)
    assert app_request.request_id == request_id


def test_body_of_32_mib_reaches_the_app(site, upstream):
    with closing(http.client.HTTPConnection("127.0.0.1", site, timeout=60)) as connection:
        connection.request("POST", "/apply-full", body=b"x" * LIMIT)
        response = connection.getresponse()
        response.read()

    assert response.status == 200
    assert [request["body_length"] for request in upstream.seen("/apply-full")] == [LIMIT]


def test_body_over_32_mib_is_refused_before_the_app(site, upstream):
    with closing(http.client.HTTPConnection("127.0.0.1", site, timeout=30)) as connection:
        connection.putrequest("POST", "/apply-over")
        connection.putheader("Content-Length", str(LIMIT + 1))
        connection.endheaders()
        response = connection.getresponse()
        response.read()

    assert response.status == 413
    assert upstream.seen("/apply-over") == []


def test_image_under_media_is_served_as_an_image_with_nosniff(site, media):
    response, body = get(site, "/media/booths/photo.jpg")

    assert response.status == 200
    assert response.headers["Content-Type"] == "image/jpeg"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert body == (media / "booths" / "photo.jpg").read_bytes()


@pytest.mark.parametrize("name", ["photo.jpg", "page.html"])
def test_files_under_media_carry_the_sites_csp_and_hsts(site, name):
    response, _ = get(site, f"/media/booths/{name}")

    policy = {
        directive.split()[0]: directive.split()[1:]
        for directive in response.headers["Content-Security-Policy"].split(";")
    }
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "sandbox" in policy
    assert response.headers["Strict-Transport-Security"] == (
        f"max-age={settings.SECURE_HSTS_SECONDS}; includeSubDomains; preload"
    )


@pytest.mark.parametrize("name", ["page.html", "notes"])
def test_other_files_under_media_are_downloads_never_pages(site, name):
    response, _ = get(site, f"/media/booths/{name}")

    assert response.status == 200
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_page_the_app_left_uncompressed_stays_uncompressed(site):
    response, body = get(site, "/form", {"Accept-Encoding": "gzip"})

    assert response.headers["Content-Encoding"] is None
    assert body == PAGE


def test_page_the_app_compressed_passes_unchanged(site, upstream):
    response, body = get(site, "/compressed", {"Accept-Encoding": "br, gzip"})

    (request,) = upstream.seen("/compressed")
    assert request["headers"]["Accept-Encoding"] == "br, gzip"
    assert response.headers["Content-Encoding"] == "gzip"
    assert body == COMPRESSED


@pytest.fixture(scope="module")
def whole_site(tmp_path_factory, upstream, media):
    """The shipped forum-site.conf itself, on free ports with a throwaway certificate.

    Yields the plain and the TLS port, the access log and the certificate.
    """
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no certificate for the TLS server")
    directory = tmp_path_factory.mktemp("nginx-whole")
    locations = render(
        directory, "forum-site-locations.conf", {"/srv/forum-site/media/": f"{media}/"}
    )
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=forum.example.kz"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    log = directory / "access.log"

    def write_conf(tls, plain):
        site_conf = render(
            directory,
            "forum-site.conf",
            {
                "server 127.0.0.1:8000;": f"server 127.0.0.1:{upstream.server_port};",
                "listen 80;": f"listen 127.0.0.1:{plain};",
                "listen 443 ssl http2;": f"listen 127.0.0.1:{tls} ssl http2;",
                "listen [::]:80;": "",
                "listen [::]:443 ssl http2;": "",
                "snippets/forum-site-locations.conf": str(locations),
                "/var/log/nginx/forum-site.access.log": str(log),
                "/etc/ssl/forum-site/REPLACE-WITH-fullchain.pem": str(cert),
                "/etc/ssl/forum-site/REPLACE-WITH-privkey.pem": str(key),
            },
        )
        return nginx_conf(directory, f"include {site_conf};")

    with running(write_conf, ports=2) as (tls, plain):
        yield plain, tls, log, cert


def test_tls_server_tells_the_app_https_and_logs_the_request_id(whole_site, upstream):
    _, tls, log, cert = whole_site
    context = ssl.create_default_context(cafile=cert)
    context.check_hostname = False
    with closing(http.client.HTTPSConnection("127.0.0.1", tls, context=context)) as connection:
        connection.request("GET", "/tls", headers={"Host": "forum.example.kz"})
        connection.getresponse().read()

    (request,) = upstream.seen("/tls")
    assert request["headers"]["X-Forwarded-Proto"] == "https"
    line = f"request_id={request['headers']['X-Request-ID']} "
    assert line in logged(log, line)


def logged(log, expected, seconds=30):
    """The access log, once it holds `expected` or after `seconds`.

    nginx may write a request's line just after the client has its answer.
    """
    deadline = time.monotonic() + seconds
    text = ""
    while expected not in text and time.monotonic() < deadline:
        text = log.read_text() if log.exists() else ""
        time.sleep(0.05)
    return text


def test_plain_http_reaches_the_app_marked_as_such(whole_site, upstream):
    # Django redirects it to HTTPS, all but the probes (tests/forum_site/test_production.py).
    plain, _, _, _ = whole_site
    get(plain, "/plain", FORGED)

    (request,) = upstream.seen("/plain")
    assert request["headers"]["X-Forwarded-Proto"] == "http"
