"""One real HTTP server on 127.0.0.1 for every test that needs a web site or a recorded API.

- Routes a test sets (``page``, ``redirect``, or ``routes[path] = Route(...)``), looked up by path with
  the query string, then without it; anything else is a 404. ``/robots.txt`` allows everything unless
  the test replaces it (or passes ``robots=False``).
- A route with ``validators=True`` answers like a server that supports conditional requests: an ETag and
  Last-Modified, and a 304 with no body when If-None-Match or If-Modified-Since still matches.
- Paths in ``slow`` are answered after a one-second pause; paths starting with one of ``held`` wait until
  ``release()`` (at most a minute), so a test can stop a client half-way.
- ``hits`` (path and query), ``paths`` (path alone), ``requests`` (path and headers) and ``statuses`` record
  what was asked and answered. Subclasses may answer from elsewhere by overriding ``route_for``.
"""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LAST_MODIFIED = "Tue, 24 Nov 2026 09:00:00 GMT"
HTML = "text/html; charset=utf-8"
_OWN_HEADERS = {"content-length", "transfer-encoding", "connection"}   # the server sets these itself


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] | list[tuple[str, str]] = field(default_factory=lambda: {"Content-Type": HTML})
    validators: bool = False

    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'

    def header_pairs(self) -> Iterable[tuple[str, str]]:
        pairs = self.headers.items() if isinstance(self.headers, dict) else self.headers
        return [(name, value) for name, value in pairs if name.lower() not in _OWN_HEADERS]


ROBOTS_ALLOW_ALL = Route(body=b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"})
NOT_FOUND = Route(status=404, body=b"<html><body>Not found</body></html>")


class LocalWeb:
    def __init__(self, *, robots: bool = True, held: Iterable[str] = ()) -> None:
        self.routes: dict[str, Route] = {"/robots.txt": ROBOTS_ALLOW_ALL} if robots else {}
        self.hits: list[str] = []
        self.paths: list[str] = []
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.statuses: list[tuple[str, int]] = []
        self.slow: set[str] = set()
        self.held = tuple(held)
        self.gate = threading.Event()
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def route_for(self, path: str) -> Route | None:
        """The answer to a GET of ``path`` (with its query string); None for a 404."""
        return self.routes.get(path) or self.routes.get(path.split("?")[0])

    def page(self, path: str, html: str, status: int = 200, validators: bool = False) -> str:
        self.routes[path] = Route(status=status, body=html.encode("utf-8"), validators=validators)
        return self.base + path

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(status, b"", {"Location": location})
        return self.base + path

    def release(self) -> None:
        self.gate.set()

    def close(self) -> None:
        self.gate.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _answer(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        path_only = urlsplit(handler.path).path
        self.hits.append(handler.path)
        self.paths.append(path_only)
        if handler.path in self.slow:
            time.sleep(1.0)
        if self.held and path_only.startswith(self.held):
            self.gate.wait(60)
        self.requests.append((handler.path, dict(handler.headers.items())))
        route = self.route_for(handler.path) or NOT_FOUND
        if route.validators and route.status == 200 and (
                handler.headers.get("If-None-Match") == route.etag()
                or (not handler.headers.get("If-None-Match")
                    and handler.headers.get("If-Modified-Since") == LAST_MODIFIED)):
            self.statuses.append((handler.path, 304))
            handler.send_response(304)
            handler.send_header("ETag", route.etag())
            handler.end_headers()
            return
        self.statuses.append((handler.path, route.status))
        handler.send_response(route.status)
        for name, value in route.header_pairs():
            handler.send_header(name, value)
        if route.validators:
            handler.send_header("ETag", route.etag())
            handler.send_header("Last-Modified", LAST_MODIFIED)
        handler.send_header("Content-Length", str(len(route.body)))
        handler.end_headers()
        try:
            handler.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._answer(self)

        return Handler
