"""The recorded CKAN and Kolada answers of `stats refresh` (tests/fixtures/statistik/refresh_*.json, made by
make_refresh_fixtures.py: invented values in each API's documented shape), served by a real HTTP server on
127.0.0.1, for the refresh's own tests and for the Data page that runs it. No request leaves this machine.
Routes by path and query (as a set); each answer may wait before it is sent."""

from __future__ import annotations

import copy
import importlib.util
import json
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from lokalutveckling.domain import today

FIXTURES = Path(__file__).parents[1] / "fixtures" / "statistik"

# What a refresh writes, counted per table (each query written out: no SQL text is built from names).
COUNTS = {
    "statistik_hamtningar": "select count(*) from statistik_hamtningar",
    "statistik_varden": "select count(*) from statistik_varden",
    "kallor": "select count(*) from kallor",
    "audit": "select count(*) from audit",
    "indikatorvarden": "select count(*) from indikatorvarden",
}

_spec = importlib.util.spec_from_file_location("make_refresh_fixtures", FIXTURES / "make_refresh_fixtures.py")
recorded = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(recorded)


def route_key(target: str) -> tuple[str, frozenset]:
    parts = urllib.parse.urlsplit(target)
    return urllib.parse.unquote(parts.path), frozenset(urllib.parse.parse_qsl(parts.query))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[tuple, tuple[bytes, float]]

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up on a slow answer closes the socket: expected here


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:
        route = self.server.routes.get(route_key(self.path))
        if route is None:
            self.send_error(404, "Not Found")
            return
        payload, delay = route
        time.sleep(delay)
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args) -> None:
        pass


class Recorded:
    """The recorded answers under a path prefix per variant: /ok, /saknas, /kolumn, …"""

    def __init__(self, httpd: Server):
        self.httpd = httpd
        host, port = httpd.server_address[:2]
        self.base = f"http://{host}:{port}"

    def install(self, prefix: str, change: Callable | None = None, *, delay: float = 0.0) -> str:
        """Every recorded route under `prefix`; `change(file, doc)` may alter an answer first. Kolada's
        `next_url` (an address at the real service) is pointed here. Routes for this year and last year's
        (the years asked of Kolada end with this year: midnight on New Year's Eve may pass)."""
        local = f"{self.base}{prefix}{recorded.KOLADA}"
        for year in {today().year, (today() - timedelta(days=1)).year}:
            for target, file in recorded.routes(year).items():
                doc = json.loads((FIXTURES / file).read_text(encoding="utf-8"))
                if change is not None:
                    doc = change(file, copy.deepcopy(doc))
                body = json.dumps(doc, ensure_ascii=False).replace(recorded.KOLADA_PUBLIC, local)
                self.httpd.routes[route_key(prefix + target)] = (body.encode(), delay)
        return self.base + prefix

    def install_routes(self, prefix: str, routes: dict[str, str], *, delay: float = 0.0) -> str:
        """The answers in `routes` (target -> JSON text, e.g. recorded.complete_routes(year)) under `prefix`,
        Kolada's `next_url` pointed here as in `install`."""
        local = f"{self.base}{prefix}{recorded.KOLADA}"
        for target, text in routes.items():
            body = text.replace(recorded.KOLADA_PUBLIC, local)
            self.httpd.routes[route_key(prefix + target)] = (body.encode(), delay)
        return self.base + prefix


@contextmanager
def serving() -> Iterator[Recorded]:
    """A server with no routes yet (Recorded.install adds them), stopped on leaving."""
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.routes = {}
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Recorded(httpd)
    finally:
        httpd.shutdown()
        httpd.server_close()
