"""Fixtures for the act stage: real items, evidence, findings and alerts in a real store.

Every person here is one of profiles/example.toml's fictional staff and pupils;
every site is under example.net / example.org.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

from alerts.rules import maybe_open_alert
from data.evidence import EvidenceWriter
from data.store import Store
from demo.mailbox import LocalMailbox
from repmon import clock
from repmon.config import Settings
from spiders.items import Item

CAPTURED_AT = "2026-11-27T09:15:00Z"


@dataclass(frozen=True)
class Made:
    item_id: int
    finding_id: int
    alert_id: int | None
    sha256: str
    url: str


def mentions_in(text: str, named: Mapping[str, str]) -> list[dict[str, Any]]:
    """Mentions as the analyser reports them: {ref: words as written in text} -> kind, ref, text, start, end."""
    out = []
    for ref, words in named.items():
        start = text.index(words)
        kind = "staff" if ref.startswith("staff-") else "pupil" if ref.startswith("pupil-") else "school"
        out.append({"kind": kind, "ref": ref, "text": words, "start": start, "end": start + len(words)})
    return out


@pytest.fixture
def make_alert(store: Store, settings: Settings) -> Iterator[Callable[..., Made]]:
    """``make_alert(text=..., severity=..., flags=[...], named={ref: words})``: item + evidence + finding + alert."""
    writer = EvidenceWriter(store, settings["store.evidence_dir"], "tests-alerts")
    serial = itertools.count(1)

    def make(*, text: str, severity: str = "high", flags: Sequence[Mapping[str, Any]] = (),
             named: Mapping[str, str] | None = None, title: str = "Thread about QE High",
             url: str | None = None, source: str = "web", author: str | None = "anon_poster_77",
             relevant: bool = True, threshold: str = "low", raw: dict[str, Any] | None = None,
             published: str | None = "2026-11-26T20:41:00Z") -> Made:
        n = next(serial)
        url = url or f"https://forum.example.net/t/{n}"
        body = f"<html><body><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>".encode()
        capture = writer.capture(url=url, status=200, headers=[("Content-Type", "text/html; charset=utf-8")],
                                 body=body, fetched_at=CAPTURED_AT)
        item_id, _ = store.save_item(Item(
            source=source, url=url, text=text, title=title, author=author, published=published,
            fetched_at=CAPTURED_AT, evidence_id=capture.evidence_id, raw=raw or {},
        ))
        named = dict(named or {})
        if "QE High" in text:
            named.setdefault("qehs", "QE High")
        result = {"id": str(item_id), "relevant": relevant, "severity": severity,
                  "mentions": mentions_in(text, named), "flags": [dict(f) for f in flags]}
        finding_id, _ = store.save_finding(item_id, "tests-v1", result)
        alert_id = maybe_open_alert(store, item_id, finding_id, result, threshold)
        return Made(item_id, finding_id, alert_id, capture.sha256, url)

    yield make
    writer.close()


@pytest.fixture
def freeze(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """``freeze("2026-12-24T10:00:00Z")``: repmon's clock reads that time from then on."""

    def set_now(moment: str) -> None:
        fixed = clock.parse(moment)
        monkeypatch.setattr(clock, "now", lambda: fixed)

    return set_now


@pytest.fixture
def smtp_up(settings: Settings, mailbox: LocalMailbox) -> Settings:
    """Settings pointed at the real SMTP server of the ``mailbox`` fixture."""
    return settings.with_overrides({"smtp.port": mailbox.port, "smtp.timeout": 10})


class LocalWeb:
    """What a real HTTP server on 127.0.0.1 answers (``routes``: path -> (status, content type, body)) and
    what it was asked (``calls``: (method, path, headers, body))."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.calls: list[tuple[str, str, dict[str, str], bytes]] = []
        self.post_status = 200

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    """A real HTTP server on 127.0.0.1 (threaded) serving ``web.routes``; unknown paths are 404."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    state: list[LocalWeb] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            state[0].calls.append(("GET", self.path, dict(self.headers), b""))
            self._answer(*state[0].routes.get(self.path, (404, "text/plain", b"not found")))

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            state[0].calls.append(("POST", self.path, dict(self.headers), body))
            self._answer(state[0].post_status, "text/plain", b"")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.append(LocalWeb(f"http://127.0.0.1:{server.server_address[1]}"))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield state[0]
    server.shutdown()
    server.server_close()
