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
