"""The daily digest for senior leaders (``recipients.digest``).

What it holds, for one period:

- the new alerts, counted by severity and by category;
- the top alerts (most severe first) with a short snippet, source and links;
- the open takedowns with their deadlines (overdue ones marked);
- source health: for each source, its runs in the period, ok or failed, and
  the last error message.

It is rendered twice from one context, as plain text (``digest.txt``) and as
HTML (``digest.html``, table layout, inline CSS, autoescaped). The digest for a
day covers that calendar day in ``schedule.timezone`` and is queued once
(outbox dedupe key ``digest:<date>``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from alerts import excerpt, render
from alerts.compose import compose
from alerts.letters import OPEN_TAKEDOWN_STATES, label
from alerts.summary import AlertSummary, summarise
from alerts.timefmt import human, local, zone
from data.store import Store
from repmon import clock
from repmon.config import SEVERITIES, Settings
from repmon.profile import Profile

TOP_ALERTS = 10
SNIPPET_CHARS = 240
RUN_MESSAGE_CHARS = 300


@dataclass(frozen=True)
class Digest:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class SourceHealth:
    source: str
    runs: int
    ok: int
    failed: int
    running: int
    items_new: int
    last_status: str
    last_error: str  # the most recent failed run's message, cleaned and capped


@dataclass(frozen=True)
class OpenTakedown:
    id: int
    alert_id: int
    letter: str
    state: str
    recipient: str
    deadline: str  # for people, in local time; '' when none
    overdue: bool
    link: str


def _in_period(stamp: str | None, since: str, until: str) -> bool:
    if not stamp:
        return False
    moment = clock.parse(stamp)
    return clock.parse(since) <= moment < clock.parse(until)


def _source_health(runs: list[dict[str, Any]]) -> list[SourceHealth]:
    by_source: dict[str, list[dict[str, Any]]] = {}
    for run in runs:
        by_source.setdefault(run["source"], []).append(run)
    health = []
    for source, rows in by_source.items():
        failed_rows = [r for r in rows if r["status"] == "error"]
        last = rows[-1]  # runs() is in id order
        health.append(SourceHealth(
            source=excerpt.one_line(source, 60),
            runs=len(rows),
            ok=sum(1 for r in rows if r["status"] == "ok"),
            failed=len(failed_rows),
            running=sum(1 for r in rows if r["status"] == "running"),
            items_new=sum(int(r["items_new"] or 0) for r in rows),
            last_status=str(last["status"]),
            last_error=excerpt.one_line(failed_rows[-1]["message"], RUN_MESSAGE_CHARS) if failed_rows else "",
        ))
    # broken sources first, then by name
    return sorted(health, key=lambda h: (h.last_status != "error", h.failed == 0, h.source))


def _open_takedowns(store: Store, app_url: str, until: str, tz: str) -> list[OpenTakedown]:
    """Takedowns still open, overdue first, then by deadline. A draft's deadline is provisional (counted as if
    sent when drafted), so only a letter that has gone out can be overdue."""
    end = clock.parse(until)
    out = []
    for row in store.takedowns(states=OPEN_TAKEDOWN_STATES):
        due = clock.parse(row["deadline"]) if row["deadline"] else None
        out.append((
            (not (due and due < end and row["state"] != "draft"), due is None, due or end, row["id"]),
            OpenTakedown(
                id=int(row["id"]), alert_id=int(row["alert_id"]), letter=label(row["letter_type"]),
                state=str(row["state"]), recipient=excerpt.one_line(row["recipient"], 120),
                deadline=human(due, tz), overdue=bool(due and due < end and row["state"] != "draft"),
                link=f"{app_url.rstrip('/')}/alerts/{int(row['alert_id'])}",
            ),
        ))
    return [takedown for _key, takedown in sorted(out, key=lambda pair: pair[0])]


def _period_label(since: str, until: str, tz: str) -> str:
    start, end = local(since, tz), local(until, tz)
    if start.time() == time(0) and end.time() == time(0) and end.date() - start.date() == timedelta(days=1):
        return human(start, tz, with_time=False)
    return f"{human(start, tz)} to {human(end, tz)}"


def build_digest(store: Store, settings: Settings, profile: Profile, since: str, until: str) -> Digest:
    """The digest of what happened from ``since`` (inclusive) to ``until`` (exclusive), ISO 8601 UTC."""
    tz = settings["schedule.timezone"]
    app_url = settings["alerts.app_url"]
    alerts = [a for a in store.alerts(since=since) if _in_period(a["created_at"], since, until)]
    summaries: list[AlertSummary] = [summarise(a, profile, app_url, SNIPPET_CHARS) for a in alerts]
    by_severity = Counter(s.severity for s in summaries)
    by_category = Counter(c for s in summaries for c in s.categories)
    runs = [r for r in store.runs(since=since) if _in_period(r["started_at"], since, until)]
    sources = _source_health(runs)
    takedowns = _open_takedowns(store, app_url, until, tz)

    school = excerpt.one_line(profile.school.name, 120)
    period = _period_label(since, until, tz)
    context = {
        "school": school,
        "period": period,
        "total": len(summaries),
        "by_severity": [(s, by_severity[s]) for s in reversed(SEVERITIES) if by_severity[s]],
        "by_category": sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0])),
        "top": summaries[:TOP_ALERTS],  # store.alerts() is most severe first
        "more": max(0, len(summaries) - TOP_ALERTS),
        "takedowns": takedowns,
        "sources": sources,
        "failing": [s for s in sources if s.failed],
        "app_url": app_url.rstrip("/"),
    }
    parts = [f"{len(summaries)} new alert{'s' if len(summaries) != 1 else ''}"]
    if by_severity["critical"]:
        parts.append(f"{by_severity['critical']} critical")
    if context["failing"]:
        parts.append(f"{len(context['failing'])} source{'s' if len(context['failing']) != 1 else ''} failing")
    subject = excerpt.one_line(f"[repmon] Digest for {school}, {period}: {', '.join(parts)}", 200)
    return Digest(subject=subject, text=render.render("digest.txt", **context),
                  html=render.render("digest.html", **context))


def day_bounds(day: date, tz: str) -> tuple[str, str]:
    """The start and end (exclusive) of a calendar day in ``tz``, as UTC ISO 8601."""
    zone_info = zone(tz)
    start = datetime.combine(day, time(0), tzinfo=zone_info)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone_info)
    return clock.iso(start), clock.iso(end)


def queue_digest(store: Store, settings: Settings, profile: Profile, day: date) -> int | None:
    """Queue the digest for ``day`` (once); return its outbox id, or None when recipients.digest is empty."""
    recipients = list(settings["recipients.digest"])
    if not recipients:
        return None
    key = f"digest:{day.isoformat()}"
    since, until = day_bounds(day, settings["schedule.timezone"])
    digest = build_digest(store, settings, profile, since, until)
    message = compose(settings, to=recipients, to_key="recipients.digest", subject=digest.subject,
                      text=digest.text, html=digest.html)
    outbox_id, _created = store.queue_message(kind="digest", dedupe_key=key, recipients=recipients,
                                              subject=digest.subject, message=message.as_bytes())
    return outbox_id
