"""Evidence tests: a real HTTP server on 127.0.0.1, settings that may reach it, a resolver tests control."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest

from data.store import Store
from repmon.browser import find_chromium
from repmon.config import Settings
from repmon.errors import ConfigError
from spiders.safefetch import AddressGuard, system_resolver

FORUM_POST = """<!doctype html>
<html lang="en"><head><title>Parents' forum: QE High</title></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Is this right?</h1>
<p>Rhian Pritchard at Queen Elizabeth High School in Carmarthen is a thief and stole money from the school fund.
Everyone on the PTA knows it and nobody does anything about it at all.</p></article>
<footer>Forum rules</footer></body></html>"""

BENIGN_POST = """<!doctype html>
<html lang="en"><head><title>Summer fair</title></head><body><article><h1>Summer fair</h1>
<p>Queen Elizabeth High School in Carmarthen held its summer fair on Saturday. The cakes were lovely and the
weather held until the end of the afternoon.</p></article></body></html>"""


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})


class Site:
    """A real HTTP server on 127.0.0.1 answering the routes a test sets."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.hits.append(self.path)
                route = site.routes.get(self.path, Route(404, b"<html><body>Not found</body></html>"))
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
        self.port = self._httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def page(self, path: str, html: str, status: int = 200) -> str:
        self.routes[path] = Route(status, html.encode("utf-8"))
        return self.base + path

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(status, b"", {"Location": location})
        return self.base + path

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


# Names a test resolves without DNS: one public-looking name that is really the local test server,
# and names that resolve into the networks repmon must never reach.
FAKE_DNS = {
    "forum.example.org": ["127.0.0.1"],
    "intranet.example.org": ["10.20.0.5"],
    "metadata.example.org": ["169.254.169.254"],
    "loopback.example.org": ["127.0.0.1"],
    "mixed.example.org": ["93.184.216.34", "192.168.1.20"],
    "mapped.example.org": ["::ffff:10.0.0.1"],
}


def fake_resolver(host: str, port: int) -> list[str]:
    if host in FAKE_DNS:
        return FAKE_DNS[host]
    if host.replace(".", "").isdigit() or ":" in host:
        return system_resolver(host, port)  # a literal address: no DNS involved
    raise OSError(f"no such host in the test's DNS: {host}")


@pytest.fixture
def ev_settings(settings: Settings) -> Settings:
    """Test settings that may reach the local server (127.0.0.1 only) and take no screenshots."""
    return settings.with_overrides({"evidence.allow_networks": ["127.0.0.1/32"], "evidence.screenshots": False,
                                    "evidence.timeout": 10})


@pytest.fixture
def guard() -> AddressGuard:
    """127.0.0.1 allowed (the test server); every other private address refused; names from FAKE_DNS."""
    return AddressGuard(["127.0.0.1/32"], fake_resolver)


@pytest.fixture
def ev_store(ev_settings: Settings) -> Iterator[Store]:
    s = Store.open(ev_settings["store.db_path"])
    yield s
    s.close()


@pytest.fixture
def chromium(settings: Settings) -> str:
    """The Chromium binary. In CI (CI set) its absence fails the test; on a developer's machine it skips."""
    try:
        return find_chromium(settings)
    except ConfigError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have Chromium for the screenshot tests: {exc}")
        pytest.skip(f"no Chromium here ({exc})")


T = TypeVar("T")


def must(value: T | None) -> T:
    """The value a test expects to be there (fails the test, with its name, when it is not)."""
    assert value is not None
    return value


def warc_files(evidence_dir: Path) -> list[Path]:
    return sorted(evidence_dir.glob("*.warc.gz")) if evidence_dir.is_dir() else []
