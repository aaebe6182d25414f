"""A real HTTP server on 127.0.0.1 serving the fictional demo site (demo/site/).

Feeds hold ``{{BASE}}`` where their absolute links go; it is replaced with
the server's own address as they are served. Conditional requests
(If-Modified-Since) are answered with 304 as usual.
"""

from __future__ import annotations

import http.server
import io
import threading
from functools import partial
from pathlib import Path
from typing import Any

SITE = Path(__file__).resolve().parent / "site"


class _Handler(http.server.SimpleHTTPRequestHandler):
    base = ""

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the demo prints its own summary
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.suffix == ".xml" and path.is_file():
            body = path.read_text(encoding="utf-8").replace("{{BASE}}", self.base).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


class DemoSite:
    """``with DemoSite() as site: site.base -> 'http://127.0.0.1:PORT'``"""

    def __init__(self, root: str | Path = SITE, host: str = "127.0.0.1") -> None:
        handler: type[_Handler] = type("DemoHandler", (_Handler,), {})
        self._server = http.server.ThreadingHTTPServer((host, 0), partial(handler, directory=str(root)))
        self.host = host
        self.port = int(self._server.server_address[1])
        self.base = f"http://{host}:{self.port}"
        handler.base = self.base
        self._thread = threading.Thread(target=self._server.serve_forever, name="repmon-demo-site", daemon=True)

    def start(self) -> DemoSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> DemoSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
