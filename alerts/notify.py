"""The immediate e-mail about a critical alert (threats, safeguarding), to ``recipients.critical``.

One message per story (outbox dedupe key ``critical:<cluster key>``), queued in
the outbox; :func:`alerts.mailer.flush_outbox` sends it. The message says what
was found, who is named, where, and links to the alert in the triage web app;
of the scraped page it carries only a short snippet.
"""

from __future__ import annotations

import logging

from alerts import render, webhook
from alerts.compose import compose
from alerts.excerpt import cap
from alerts.summary import summarise
from alerts.webhook import WebhookError, check_url
from data.notifications import cluster_key, first_notified
from data.store import Store
from repmon.config import Settings
from repmon.errors import ProfileError
from repmon.profile import Profile, load_profile

log = logging.getLogger(__name__)

SNIPPET_CHARS = 200
SUBJECT_TITLE_CHARS = 60


def _profile(settings: Settings) -> Profile | None:
    try:
        return load_profile(settings["profile.path"])
    except ProfileError as exc:
        log.warning("critical alerts will name people by profile id only: %s", exc)
        return None


def queue_critical(store: Store, settings: Settings, profile: Profile | None = None) -> list[int]:
    """Queue an e-mail (and a webhook call, if ``alerts.webhook_url`` is set) for each open critical alert,
    once per story; return the outbox ids of the e-mails, new or already queued.

    A story is the item's near-duplicate cluster (:func:`data.notifications.cluster_key`): a second copy of
    a post already e-mailed about is not e-mailed again; its alert records which alert it joined. The
    ``notified`` event is written by :func:`alerts.mailer.flush_outbox` when the message is actually sent.
    ``profile`` gives people's names; when None it is read from ``profile.path``.
    """
    recipients = list(settings["recipients.critical"])
    alerts = [a for a in store.alerts(states=("open",)) if a["severity"] == "critical"]
    if not alerts:
        return []
    if not recipients:
        log.warning("%d critical alert(s) but recipients.critical is empty: no one is e-mailed. "
                    "Set recipients.critical to the safeguarding lead and head teacher.", len(alerts))
        return []
    if profile is None:
        profile = _profile(settings)
    webhook_url = str(settings["alerts.webhook_url"]).strip()
    if webhook_url:
        try:
            check_url(webhook_url)
        except WebhookError as exc:  # the e-mails still go; the webhook waits for a fixed setting
            log.error("no webhook calls: %s", exc)
            webhook_url = ""
    outbox_ids = []
    for alert in alerts:
        story = cluster_key(store, int(alert["item_id"]))
        key = f"critical:{story}"
        earlier = first_notified(store, key)
        if earlier is not None:
            if earlier["alert_id"] != alert["id"]:
                _note_duplicate(store, int(alert["id"]), earlier)
            outbox_ids.append(int(earlier["id"]))  # type: ignore[call-overload]
            continue
        summary = summarise(alert, profile, settings["alerts.app_url"], snippet_chars=SNIPPET_CHARS)
        subject = f"[repmon] CRITICAL alert {summary.id}: {', '.join(summary.categories) or 'critical'}"
        if summary.title:
            subject += f' - "{cap(summary.title, SUBJECT_TITLE_CHARS)}"'
        school = profile.school.name if profile else ""
        context = {"alert": summary, "school": school}
        message = compose(
            settings, to=recipients, to_key="recipients.critical", subject=subject,
            text=render.render("critical.txt", **context), html=render.render("critical.html", **context),
            headers={"X-Priority": "1", "X-Repmon-Alert": str(summary.id)},
        )
        outbox_id, created = store.queue_message(
            kind="critical", dedupe_key=key, recipients=recipients,
            subject=str(message["Subject"]), message=message.as_bytes(), alert_id=summary.id,
        )
        if created:
            store.add_alert_event(summary.id, "repmon", "notify_queued", {"outbox_id": outbox_id, "to": recipients})
        if webhook_url:
            store.queue_message(kind="webhook", dedupe_key=f"webhook:{story}", recipients=[webhook_url],
                                subject=str(message["Subject"]), message=webhook.payload(alert, summary.link),
                                alert_id=summary.id)
        outbox_ids.append(outbox_id)
    return outbox_ids


def _note_duplicate(store: Store, alert_id: int, earlier: dict[str, object]) -> None:
    """Record once, on the later alert, that its story was already e-mailed about."""
    if not any(e["action"] == "notify_deduplicated" for e in store.alert_events(alert_id)):
        store.add_alert_event(alert_id, "repmon", "notify_deduplicated",
                              {"same_story_as_alert": earlier["alert_id"], "outbox_id": earlier["id"]})
