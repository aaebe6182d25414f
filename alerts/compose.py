"""Building e-mail messages (no sending here: that is :mod:`alerts.mailer`).

Every header value passes through :func:`alerts.excerpt.one_line`, so text
from a scraped page can never start a header of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from alerts.excerpt import one_line
from repmon import clock
from repmon.config import Settings
from repmon.errors import ConfigError

SUBJECT_CHARS = 200


def address(value: str, key: str) -> str:
    """An e-mail address from settings, refused if it could break a header or is not an address."""
    cleaned = one_line(value, 320)
    if cleaned != value.strip() or "@" not in cleaned or "," in cleaned:
        raise ConfigError(f"setting '{key}': {value!r} is not a single e-mail address; write it as name@example.org.")
    return cleaned


def compose(settings: Settings, *, to: Sequence[str], to_key: str, subject: str, text: str,
            html: str | None = None, headers: Mapping[str, str] | None = None) -> EmailMessage:
    """A message from ``smtp.sender`` to ``to`` with a plain-text part and, if given, an HTML alternative.

    ``to_key`` names the setting the recipients came from, for error messages.
    """
    sender = address(settings["smtp.sender"], "smtp.sender")
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(address(rcpt, to_key) for rcpt in to)
    message["Subject"] = one_line(subject, SUBJECT_CHARS)
    message["Date"] = format_datetime(clock.now())
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to this
    for name, value in (headers or {}).items():
        message[name] = one_line(value, 200)
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message
