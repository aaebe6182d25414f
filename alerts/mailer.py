"""The only SMTP code in repmon: send one message, or flush the outbox.

Every e-mail repmon writes is first queued in the store's outbox
(``store.queue_message``); :func:`flush_outbox` claims the due messages and
hands each to the SMTP server (or, for webhook calls, :mod:`alerts.webhook`).
A message the server did not take stays pending (``mark_failed`` records why)
and is due again after a backoff; one it took is marked sent and never sent
again; when only some recipients were refused, only those are tried again.

Settings: ``smtp.host``, ``smtp.port``, ``smtp.timeout``, ``smtp.starttls``,
``smtp.user`` and ``smtp.password_env`` (the *name* of the environment
variable holding the password; the password itself is never logged or put in
an error message).
"""

from __future__ import annotations

import email
import email.policy
import ipaddress
import logging
import smtplib
import socket
import ssl
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

from data.store import Store
from repmon import clock
from repmon.config import Settings
from repmon.errors import MailError

log = logging.getLogger(__name__)

_RETRY = "The message stays in the outbox and is tried again on the next run."


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Session:
    """One SMTP connection for a run, opened on first use.

    If the server cannot be reached, every later send in the same run fails at
    once with the same error instead of waiting for another timeout.
    """

    def __init__(self, settings: Settings) -> None:
        self.host = str(settings["smtp.host"])
        self.port = int(settings["smtp.port"])
        self.timeout = int(settings["smtp.timeout"])
        self.starttls = bool(settings["smtp.starttls"])
        self.user = str(settings["smtp.user"])
        self.password_env = str(settings["smtp.password_env"])
        self._settings = settings
        self._smtp: smtplib.SMTP | None = None
        self._unreachable: MailError | None = None

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def _connect(self) -> smtplib.SMTP:
        if self._smtp is not None:
            return self._smtp
        if self._unreachable is not None:
            raise self._unreachable
        smtp: smtplib.SMTP | None = None
        try:
            password = self._password()
            # host given to the constructor (STARTTLS checks the certificate against it); our own name for
            # EHLO, without the reverse-DNS lookup smtplib would otherwise make
            smtp = smtplib.SMTP(self.host, self.port, local_hostname=socket.gethostname() or "localhost",
                                timeout=self.timeout)
            smtp.ehlo()
            if self.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if self.user:
                smtp.login(self.user, password)
        except (MailError, OSError, smtplib.SMTPException) as exc:  # OSError covers refused, timeout and TLS
            if smtp is not None:
                _close(smtp)
            self._unreachable = self._connect_error(exc)
            raise self._unreachable from None
        self._smtp = smtp
        return smtp

    def _password(self) -> str:
        """The SMTP password when a login is configured ('' when not), checked before anything is sent."""
        if not self.user:
            return ""
        password = self._settings.secret("smtp.password_env")
        if not password:
            raise MailError(
                f"smtp.user is {self.user!r} but the environment variable {self.password_env} "
                "(named by smtp.password_env) is empty. Set it in the environment or in .env. " + _RETRY
            )
        if not self.starttls and not _is_loopback(self.host):
            raise MailError(
                f"refusing to send the SMTP password unencrypted to {self.where}. "
                "Set smtp.starttls = true (or use a server on this machine). " + _RETRY
            )
        return password

    def _connect_error(self, exc: Exception) -> MailError:
        """The failure to connect, log in or start TLS, as a message that says what to check."""
        if isinstance(exc, MailError):
            return exc
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return MailError(
                f"the SMTP server {self.where} refused the login for user {self.user!r} "
                f"({exc.smtp_code} {_text(exc.smtp_error)}). Check smtp.user and the password in the "
                f"environment variable {self.password_env}. " + _RETRY
            )
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return MailError(
                f"the SMTP server {self.where} does not offer {'STARTTLS' if self.starttls else 'AUTH'} "
                f"({exc}). Check smtp.host/smtp.port (submission is usually port 587) and smtp.starttls. " + _RETRY
            )
        if isinstance(exc, ssl.SSLError):
            return MailError(
                f"STARTTLS with {self.where} failed ({exc}). Check that smtp.host matches the server's "
                "certificate and that the certificate is trusted by this machine. " + _RETRY
            )
        if isinstance(exc, TimeoutError):
            return MailError(
                f"the SMTP server {self.where} did not answer within {self.timeout} s. Check smtp.host, "
                "smtp.port and the network, or raise smtp.timeout. " + _RETRY
            )
        return MailError(
            f"cannot reach the SMTP server {self.where} ({exc}). Check smtp.host and smtp.port, "
            "and that the server is running. " + _RETRY
        )

    def send(self, message: EmailMessage, to_addrs: Sequence[str] | None = None) -> dict[str, str]:
        """Hand the message over; return the recipients the server refused (it took the others), with why."""
        smtp = self._connect()
        try:
            refused = smtp.send_message(message, to_addrs=list(to_addrs) if to_addrs else None)
        except smtplib.SMTPRecipientsRefused as exc:
            raise MailError(
                f"the SMTP server {self.where} refused every recipient "
                f"({', '.join(f'{rcpt}: {code} {_text(msg)}' for rcpt, (code, msg) in exc.recipients.items())}). "
                "Check the addresses in recipients.* . " + _RETRY
            ) from None
        except smtplib.SMTPSenderRefused as exc:
            raise MailError(
                f"the SMTP server {self.where} refused the sender {exc.sender!r} ({exc.smtp_code} "
                f"{_text(exc.smtp_error)}). Check smtp.sender. " + _RETRY
            ) from None
        except smtplib.SMTPResponseException as exc:
            raise MailError(
                f"the SMTP server {self.where} did not accept the message ({exc.smtp_code} "
                f"{_text(exc.smtp_error)}). " + _RETRY
            ) from None
        except (OSError, smtplib.SMTPException) as exc:
            self.close()  # the connection is in an unknown state: the next message reconnects
            raise MailError(f"the connection to the SMTP server {self.where} failed while sending ({exc}). " + _RETRY) from None
        if refused:
            # the message was delivered to the others; only the refused ones are tried again
            log.warning("SMTP server %s refused some recipients of %s: %s", self.where,
                        message.get("Message-ID", "?"), ", ".join(sorted(refused)))
        return {rcpt: f"{code} {_text(msg)}" for rcpt, (code, msg) in refused.items()}

    def close(self) -> None:
        if self._smtp is not None:
            _close(self._smtp)
            self._smtp = None


def _close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def send(settings: Settings, message: EmailMessage, *, to_addrs: Sequence[str] | None = None) -> None:
    """Hand one message to the SMTP server; raise MailError (saying what to check) when it is not taken.

    Recipients are the message's To/Cc/Bcc headers unless ``to_addrs`` is given.
    """
    session = _Session(settings)
    try:
        session.send(message, to_addrs)
    finally:
        session.close()


def retry_at(settings: Settings, attempts: int) -> str:
    """When a message that has now failed ``attempts`` times is due again: the base wait, doubled per
    failure, capped (``alerts.retry_base_seconds``, ``alerts.retry_max_seconds``)."""
    base = max(1, int(settings["alerts.retry_base_seconds"]))
    cap = max(base, int(settings["alerts.retry_max_seconds"]))
    wait = min(cap, base * 2 ** min(max(attempts - 1, 0), 30))
    return clock.iso(clock.now() + timedelta(seconds=wait))


@dataclass
class _Tally:
    sent: int = 0
    failed: int = 0  # still in the outbox (not taken, or refused for some recipients): tried again later


def flush_outbox(store: Store, settings: Settings) -> tuple[int, int]:
    """Send every due outbox message (e-mail or webhook call) once; return what was sent and what failed.

    Messages are claimed first, so two runs flushing at the same time never send one twice. A message that
    fails stays in the outbox and is due again after a backoff (:func:`retry_at`); when the SMTP server
    refuses only some recipients, only those are tried again. When an immediate alert is actually handed
    over, its alert gets a ``notified`` event.
    """
    result = _Tally()
    claimed = store.claim_messages(uuid.uuid4().hex, int(settings["alerts.claim_seconds"]))
    if not claimed:
        return 0, 0
    session = _Session(settings)
    try:
        for row in claimed:
            if row["kind"] == "webhook":
                _flush_webhook(store, settings, row, result)
            else:
                _flush_mail(store, settings, session, row, result)
    finally:
        session.close()
    return result.sent, result.failed


def _flush_mail(store: Store, settings: Settings, session: _Session, row: dict[str, Any], result: _Tally) -> None:
    message = email.message_from_bytes(row["message"], policy=email.policy.default)
    delivered = list(row.get("delivered") or [])
    todo = [r for r in row["recipients"] if r not in delivered]
    attempts = int(row["attempts"]) + 1
    try:
        refused = session.send(message, todo) if todo else {}  # type: ignore[arg-type]
    except MailError as exc:
        store.mark_failed(row["id"], str(exc), retry_at=retry_at(settings, attempts))
        result.failed += 1
        log.warning("outbox message %s (%s) not sent: %s", row["id"], row["kind"], exc)
        return
    delivered += [r for r in todo if r not in refused]
    if refused:
        error = ("the SMTP server refused " + ", ".join(f"{r} ({why})" for r, why in sorted(refused.items()))
                 + ". Only these are tried again. Check the addresses in recipients.*.")
        store.mark_failed(row["id"], error, retry_at=retry_at(settings, attempts), delivered=delivered)
        result.failed += 1
    else:
        store.mark_sent(row["id"], delivered)
        result.sent += 1
        log.info("outbox message %s (%s) sent to %d recipient(s)", row["id"], row["kind"], len(delivered))
    newly = [r for r in todo if r not in refused]
    if row.get("alert_id") and newly:
        store.add_alert_event(int(row["alert_id"]), "repmon", "notified",
                              {"outbox_id": row["id"], "kind": row["kind"], "to": newly})


def _flush_webhook(store: Store, settings: Settings, row: dict[str, Any], result: _Tally) -> None:
    from alerts.webhook import WebhookError, post

    attempts = int(row["attempts"]) + 1
    url = row["recipients"][0] if row["recipients"] else ""
    try:
        post(settings, url, row["message"])
    except WebhookError as exc:
        store.mark_failed(row["id"], str(exc), retry_at=retry_at(settings, attempts))
        result.failed += 1
        log.warning("webhook call %s not made: %s", row["id"], exc)
        return
    store.mark_sent(row["id"], [url])
    result.sent += 1
    if row.get("alert_id"):
        store.add_alert_event(int(row["alert_id"]), "repmon", "notified",
                              {"outbox_id": row["id"], "kind": "webhook"})
