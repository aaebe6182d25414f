"""The immediate e-mail about a critical alert (threats, safeguarding), to ``recipients.critical``.

One message per alert (outbox dedupe key ``critical:<alert id>``), queued in
the outbox; :func:`alerts.mailer.flush_outbox` sends it. The message says what
was found, who is named, where, and links to the alert in the triage web app;
of the scraped page it carries only a short snippet.
"""

from __future__ import annotations

import logging

from alerts import render
from alerts.compose import compose
from alerts.excerpt import cap
from alerts.summary import summarise
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
    """Queue an e-mail for each open critical alert (once per alert); return the outbox ids, new or already queued.

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
    outbox_ids = []
    for alert in alerts:
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
            kind="critical", dedupe_key=f"critical:{summary.id}", recipients=recipients,
            subject=str(message["Subject"]), message=message.as_bytes(),
        )
        if created:
            store.add_alert_event(summary.id, "repmon", "notified", {"outbox_id": outbox_id, "to": recipients})
        outbox_ids.append(outbox_id)
    return outbox_ids
