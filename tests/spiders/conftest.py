"""A real HTTP server on 127.0.0.1 with routes a test sets up (status, headers, body)."""

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


class RoutedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {"/robots.txt": Route(body=b"User-agent: *\nDisallow:\n",
                                                             headers={"Content-Type": "text/plain"})}
        self.hits: list[str] = []
        self.slow: set[str] = set()  # paths answered after a one-second pause
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.hits.append(self.path)
                if self.path in server.slow:
                    time.sleep(1.0)
                route = server.routes.get(self.path, Route(status=404, body=b"<html><body>Not found</body></html>"))
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
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

    def page(self, path: str, html: str, status: int = 200) -> None:
        self.routes[path] = Route(status=status, body=html.encode("utf-8"))

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def web() -> Iterator[RoutedServer]:
    server = RoutedServer()
    yield server
    server.close()
