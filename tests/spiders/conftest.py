"""A real HTTP server on 127.0.0.1 with routes a test sets up (status, headers, body).

A route with ``validators=True`` answers like a real server that supports
conditional requests: it sends an ETag and Last-Modified, and a 304 with no
body when the request's If-None-Match or If-Modified-Since still matches.
Routes are looked up by path with the query string, then without it.
Every request's path and headers are kept in ``requests``.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    validators: bool = False

    def etag(self) -> str:
        import hashlib

        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


LAST_MODIFIED = "Tue, 24 Nov 2026 09:00:00 GMT"


class RoutedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {"/robots.txt": Route(body=b"User-agent: *\nDisallow:\n",
                                                             headers={"Content-Type": "text/plain"})}
        self.hits: list[str] = []
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.statuses: list[tuple[str, int]] = []
        self.slow: set[str] = set()  # paths answered after a one-second pause
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.hits.append(self.path)
                if self.path in server.slow:
                    time.sleep(1.0)
                server.requests.append((self.path, dict(self.headers.items())))
                route = (server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                         or Route(status=404, body=b"<html><body>Not found</body></html>"))
                if route.validators and route.status == 200 and (
                        self.headers.get("If-None-Match") == route.etag()
                        or (not self.headers.get("If-None-Match")
                            and self.headers.get("If-Modified-Since") == LAST_MODIFIED)):
                    server.statuses.append((self.path, 304))
                    self.send_response(304)
                    self.send_header("ETag", route.etag())
                    self.end_headers()
                    return
                server.statuses.append((self.path, route.status))
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.validators:
                    self.send_header("ETag", route.etag())
                    self.send_header("Last-Modified", LAST_MODIFIED)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def page(self, path: str, html: str, status: int = 200, validators: bool = False) -> None:
        self.routes[path] = Route(status=status, body=html.encode("utf-8"), validators=validators)

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def web() -> Iterator[RoutedServer]:
    server = RoutedServer()
    yield server
    server.close()
