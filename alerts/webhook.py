"""The optional webhook for critical alerts (an SMS or Teams gateway): one JSON POST per alert.

Calls are queued in the outbox like e-mails (kind ``webhook``), so a gateway
that is down is retried with the same backoff and never called twice for one
alert. The payload carries what a text message needs (alert id, severity,
categories, a link into the triage app), never the scraped content.

Settings: ``alerts.webhook_url``; ``alerts.webhook_secret_env`` names the
environment variable holding the secret, sent as ``Authorization: Bearer`` and
used for an ``X-Repmon-Signature: sha256=<HMAC of the body>`` header. The
secret never appears in logs, errors or the database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from repmon.config import Settings
from repmon.errors import RepmonError

_RETRY = "The call stays in the outbox and is tried again later."


class WebhookError(RepmonError):
    """The webhook did not take the call."""


def payload(alert: Mapping[str, Any], link: str) -> bytes:
    categories = list(alert.get("categories") or [])
    body = {
        "event": "critical_alert",
        "alert_id": int(alert["id"]),
        "severity": str(alert["severity"]),
        "categories": categories,
        "link": link,
        "text": f"repmon: CRITICAL alert {int(alert['id'])} ({', '.join(categories) or 'critical'}). Open {link}",
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError(f"alerts.webhook_url {url!r} is not an http(s) URL; set it to the gateway's URL or leave it empty.")
    return url


def post(settings: Settings, url: str, body: bytes) -> None:
    """POST ``body`` (JSON) to ``url``; raise WebhookError saying what to check unless the answer is 2xx."""
    check_url(url)
    secret = settings.secret("alerts.webhook_secret_env")
    headers = {"Content-Type": "application/json", "User-Agent": "repmon-webhook"}
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
        headers["X-Repmon-Signature"] = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    host = urlsplit(url).netloc
    try:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # straight to the gateway
        with opener.open(request, timeout=int(settings["alerts.webhook_timeout"])) as response:
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        raise WebhookError(f"the webhook at {host} answered HTTP {exc.code}; check alerts.webhook_url and the "
                           f"secret in {settings['alerts.webhook_secret_env']}. {_RETRY}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise WebhookError(f"cannot reach the webhook at {host} ({reason}); check alerts.webhook_url and that "
                           f"the gateway is running. {_RETRY}") from None
    if not 200 <= status < 300:
        raise WebhookError(f"the webhook at {host} answered HTTP {status}. {_RETRY}")
