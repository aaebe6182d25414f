"""The outbox against real local servers: partly refused recipients, and the webhook with its own retries."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from alerts.mailer import flush_outbox
from alerts.notify import queue_critical
from demo.mailbox import free_port
from repmon.config import load_settings

THREAT = [{"category": "threat", "score": 0.95, "reason": "threat of violence against staff-004"}]
TEXT = "Mr Beynon at QE High had better watch his back on Friday, I know where he parks."


class _Picky:
    """Refuses RCPT for the addresses in ``refuse`` (a temporary 450), keeps what it accepts."""

    def __init__(self) -> None:
        self.refuse: set[str] = set()
        self.deliveries: list[list[str]] = []

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return "450 mailbox busy, try later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.deliveries.append(list(envelope.rcpt_tos))
        return "250 OK"


@pytest.fixture
def picky() -> Iterator[tuple[_Picky, int]]:
    handler, port = _Picky(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def test_only_refused_recipients_are_tried_again(store, settings, profile, make_alert, picky, freeze):
    handler, port = picky
    freeze("2026-11-27T20:00:00Z")
    cfg = settings.with_overrides({"smtp.port": port, "recipients.critical": ["dsl@example-qehs.sch.uk",
                                                                            "head@example-qehs.sch.uk"]})
    made = make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    [outbox_id] = queue_critical(store, cfg, profile)
    handler.refuse = {"head@example-qehs.sch.uk"}

    assert flush_outbox(store, cfg) == (0, 1)
    kept = store.get_message(outbox_id)
    assert kept["sent_at"] is None and kept["delivered"] == ["dsl@example-qehs.sch.uk"]
    assert "head@example-qehs.sch.uk (450" in kept["last_error"]

    handler.refuse = set()
    freeze("2026-11-27T20:05:00Z")
    assert flush_outbox(store, cfg) == (1, 0)
    assert handler.deliveries == [["dsl@example-qehs.sch.uk"], ["head@example-qehs.sch.uk"]]
    notified = [e["detail"]["to"] for e in store.alert_events(made.alert_id) if e["action"] == "notified"]
    assert notified == [["dsl@example-qehs.sch.uk"], ["head@example-qehs.sch.uk"]]


def test_webhook_gets_a_signed_json_post_without_the_content_and_retries(store, settings, profile, make_alert,
                                                                        web, mailbox, freeze):
    url = f"{web.base}/hook"
    freeze("2026-11-27T20:00:00Z")
    # the secret comes from the environment, named by alerts.webhook_secret_env
    cfg = load_settings(environ={"REPMON_WEBHOOK_SECRET": "s3cret-for-tests"}).with_overrides({
        "profile.path": str(settings["profile.path"]), "recipients.critical": ["dsl@example-qehs.sch.uk"],
        "smtp.port": mailbox.port, "alerts.webhook_url": url})
    made = make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    queue_critical(store, cfg, profile)
    web.post_status = 503
    assert flush_outbox(store, cfg) == (1, 1)  # the e-mail went; the gateway was down
    web.post_status = 200
    freeze("2026-11-27T20:01:00Z")
    assert flush_outbox(store, cfg) == (1, 0)
    assert flush_outbox(store, cfg) == (0, 0)

    assert len(web.calls) == 2  # one failed call, one that worked; never more
    _method, _path, headers, body = web.calls[-1]
    payload = json.loads(body)
    assert payload["alert_id"] == made.alert_id and payload["severity"] == "critical"
    assert payload["link"].endswith(f"/alerts/{made.alert_id}")
    assert "watch his back" not in body.decode()  # no scraped content goes to an SMS gateway
    assert headers["Authorization"] == "Bearer s3cret-for-tests"
    expected = hmac.new(b"s3cret-for-tests", body, hashlib.sha256).hexdigest()
    assert headers["X-Repmon-Signature"] == f"sha256={expected}"
    stored = [store.get_message(i) for i in (1, 2)]
    assert all(b"s3cret" not in row["message"] and "s3cret" not in row["last_error"] for row in stored)


def test_a_bad_webhook_url_never_stops_the_emails(store, settings, profile, make_alert, caplog):
    make_alert(text=TEXT, severity="critical", flags=THREAT, named={"staff-004": "Mr Beynon"})
    ids = queue_critical(store, settings.with_overrides({"alerts.webhook_url": "ftp://gateway"}), profile)
    assert len(ids) == 1 and [m["kind"] for m in store.pending_messages()] == ["critical"]
    assert "alerts.webhook_url" in caplog.text
