"""alerts.mailer: the outbox goes to a real SMTP server on 127.0.0.1; nothing lost, nothing sent twice."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import logging
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from alerts.compose import compose
from alerts.digest import queue_digest
from alerts.mailer import flush_outbox, send
from demo.mailbox import free_port
from repmon.config import load_settings
from repmon.errors import MailError

DAY = dt.date(2026, 11, 27)
PASSWORD = "correct-horse-battery-7"


def _parts(message: EmailMessage) -> dict[str, str]:
    return {part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()}


def test_flush_sends_pending_messages_with_headers_and_both_parts(store, smtp_up, profile, mailbox, freeze):
    freeze("2026-11-27T10:00:00Z")
    outbox_id = queue_digest(store, smtp_up, profile, DAY)

    assert flush_outbox(store, smtp_up) == (1, 0)

    assert len(mailbox.messages) == 1
    received = mailbox.messages[0]
    assert received["From"] == "repmon@localhost"
    assert received["To"] == "head@example-qehs.sch.uk, deputy@example-qehs.sch.uk"
    assert received["Subject"].startswith("[repmon] Digest for Queen Elizabeth High School, Friday 27 November 2026")
    assert received["Date"] and received["Message-ID"]
    assert received.get_content_type() == "multipart/alternative"
    parts = _parts(received)
    assert set(parts) == {"text/plain", "text/html", "image/png"}
    # the HTML and its inline chart travel together (multipart/related), found by Content-ID
    plain, related = received.get_payload()
    assert plain.get_content_type() == "text/plain" and related.get_content_type() == "multipart/related"
    html, image = related.get_payload()
    assert image["Content-ID"] == "<trend@repmon>" and 'src="cid:trend@repmon"' in html.get_content()
    assert image.get_content().startswith(b"\x89PNG\r\n\x1a\n")
    assert "NEW ALERTS: 0" in parts["text/plain"]
    assert "<h2" in parts["text/html"] and "New alerts: 0" in parts["text/html"]
    assert mailbox.envelopes[0] == ("repmon@localhost", ["head@example-qehs.sch.uk", "deputy@example-qehs.sch.uk"])
    assert store.pending_messages() == []
    assert store.get_message(outbox_id)["sent_at"] == "2026-11-27T10:00:00Z"


def test_message_queued_while_smtp_is_down_is_kept_then_sent_exactly_once(store, settings, smtp_up, profile, mailbox,
                                                                          freeze):
    freeze("2026-11-27T10:00:00Z")
    down = settings.with_overrides({"smtp.port": free_port(), "smtp.timeout": 5})
    outbox_id = queue_digest(store, down, profile, DAY)

    assert flush_outbox(store, down) == (0, 1)
    kept = store.get_message(outbox_id)
    assert kept["sent_at"] is None and kept["attempts"] == 1
    assert "smtp.host and smtp.port" in kept["last_error"]
    assert kept["next_attempt_at"] == "2026-11-27T10:01:00Z"  # alerts.retry_base_seconds later
    assert mailbox.messages == []

    assert flush_outbox(store, smtp_up) == (0, 0)  # not due yet: backing off
    freeze("2026-11-27T10:01:00Z")
    assert flush_outbox(store, smtp_up) == (1, 0)
    assert flush_outbox(store, smtp_up) == (0, 0)
    assert len(mailbox.messages) == 1
    assert store.get_message(outbox_id)["attempts"] == 2


def test_send_raises_mail_error_naming_what_to_check_when_server_is_down(settings):
    down = settings.with_overrides({"smtp.port": free_port(), "smtp.timeout": 5})
    message = compose(down, to=["head@example-qehs.sch.uk"], to_key="recipients.digest", subject="test", text="hello")
    with pytest.raises(MailError, match=r"cannot reach the SMTP server 127\.0\.0\.1:\d+ .*Check smtp\.host and smtp\.port"):
        send(down, message)


# ---- STARTTLS and login against a real TLS-capable server ------------------------------------------


@dataclass
class _Inbox:
    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data = envelope.original_content or envelope.content
        self.messages.append(email.message_from_bytes(data, policy=email.policy.default))  # type: ignore[arg-type]
        return "250 OK"


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that is its own CA (trusted by the client through SSL_CERT_FILE)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[int, _Inbox]]:
    """A real SMTP server on 127.0.0.1 that requires STARTTLS and a login (user 'repmon')."""
    cert, key = _self_signed(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client's default context trusts this certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == b"repmon" and data.password == PASSWORD.encode()
        return AuthResult(success=ok, handled=False)  # handled=False: the server sends the 235/535 reply

    inbox, port = _Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                            authenticator=authenticator, auth_required=True)
    controller.start()
    yield port, inbox
    controller.stop()


def _login_settings(settings, port: int, password: str):
    base = load_settings(environ={"REPMON_TEST_SMTP_PW": password})
    return base.with_overrides({**{k: settings[k] for k in ("recipients.digest", "recipients.critical")},
                                "smtp.port": port, "smtp.starttls": True, "smtp.user": "repmon",
                                "smtp.password_env": "REPMON_TEST_SMTP_PW", "smtp.timeout": 10})


def test_starttls_and_login_deliver(settings, tls_server):
    port, inbox = tls_server
    configured = _login_settings(settings, port, PASSWORD)
    send(configured, compose(configured, to=["dsl@example-qehs.sch.uk"], to_key="recipients.critical",
                             subject="over TLS", text="hello"))
    assert [m["Subject"] for m in inbox.messages] == ["over TLS"]


def test_refused_login_says_what_to_check_and_never_shows_the_password(settings, tls_server, caplog, store):
    port, inbox = tls_server
    wrong = "wrong-password-xyzzy"
    configured = _login_settings(settings, port, wrong)
    store.queue_message(kind="test", dedupe_key="test:1", recipients=["dsl@example-qehs.sch.uk"], subject="s",
                        message=compose(configured, to=["dsl@example-qehs.sch.uk"], to_key="recipients.critical",
                                        subject="s", text="t").as_bytes())
    with caplog.at_level(logging.DEBUG):
        assert flush_outbox(store, configured) == (0, 1)
    error = store.pending_messages()[0]["last_error"]
    assert "refused the login for user 'repmon'" in error and "REPMON_TEST_SMTP_PW" in error
    assert wrong not in error and wrong not in caplog.text
    assert inbox.messages == []


def test_missing_password_names_the_environment_variable(settings, mailbox):
    configured = settings.with_overrides({"smtp.port": mailbox.port, "smtp.user": "repmon"})
    message = compose(configured, to=["dsl@example-qehs.sch.uk"], to_key="recipients.critical", subject="s", text="t")
    with pytest.raises(MailError, match="environment variable REPMON_SMTP_PASSWORD"):
        send(configured, message)
    assert mailbox.messages == []


def test_password_is_never_sent_unencrypted_to_another_machine(settings):
    configured = _login_settings(settings, 587, PASSWORD).with_overrides(
        {"smtp.host": "mail.example.org", "smtp.starttls": False})
    message = compose(configured, to=["dsl@example-qehs.sch.uk"], to_key="recipients.critical", subject="s", text="t")
    with pytest.raises(MailError, match="refusing to send the SMTP password unencrypted"):
        send(configured, message)


def test_the_digest_goes_through_the_outbox_over_starttls_with_login(settings, tls_server, store, profile):
    port, inbox = tls_server
    configured = _login_settings(settings, port, PASSWORD)
    queue_digest(store, configured, profile, DAY)
    assert flush_outbox(store, configured) == (1, 0)
    [received] = inbox.messages
    assert received["Subject"].startswith("[repmon] Digest for")
    assert {p.get_content_type() for p in received.walk() if not p.is_multipart()} == {
        "text/plain", "text/html", "image/png"}
