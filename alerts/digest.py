"""The daily digest for senior leaders (``recipients.digest``).

What it holds, for one period:

- the new alerts, counted by severity and by category;
- the top alerts (most severe first) with a short snippet, source and links;
- the open takedowns with their deadlines (overdue ones marked), the removals
  confirmed in the period, and the requested URLs still up after their deadline;
- a trend chart of new alerts per day (:mod:`alerts.chart`, an inline PNG);
- source health: for each source, its runs in the period, ok or failed, and
  the last error message; and e-mails or webhook calls still waiting to go.

It is rendered twice from one context, as plain text (``digest.txt``) and as
HTML (``digest.html``, table layout, inline CSS, autoescaped), and sent as
multipart/alternative whose HTML part is multipart/related with the chart
(``cid:``). It goes out on school days only (:mod:`alerts.schooldays`); the
digest for a school day covers that day and the days since the previous school
day, in ``schedule.timezone``, and is queued once (outbox key ``digest:<date>``).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from email.message import EmailMessage
from typing import Any

from alerts import excerpt, render
from alerts.chart import trend_png
from alerts.compose import compose
from alerts.letters import OPEN_TAKEDOWN_STATES, label
from alerts.schooldays import first_day_covered, is_school_day
from alerts.summary import AlertSummary, summarise
from alerts.timefmt import human, local, zone
from data import takedowns as takedown_rows
from data.store import Store
from repmon import clock
from repmon.config import SEVERITIES, Settings
from repmon.profile import Profile

TOP_ALERTS = 10
SNIPPET_CHARS = 240
RUN_MESSAGE_CHARS = 300

log = logging.getLogger(__name__)


CHART_CID = "trend@repmon"


@dataclass(frozen=True)
class Digest:
    subject: str
    text: str
    html: str
    chart: bytes  # PNG, shown inline in the HTML part


@dataclass(frozen=True)
class Removal:
    alert_id: int
    letter: str
    url: str
    when: str  # for people, local time
    by: str


@dataclass(frozen=True)
class StillUp:
    id: int
    alert_id: int
    letter: str
    url: str
    deadline: str
    last_checked: str
    link: str


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


def _still_up(store: Store, app_url: str, until: str, tz: str) -> list[StillUp]:
    """Letters that went out, whose deadline has passed, and whose latest removal check found the content up."""
    end = clock.parse(until)
    out = []
    for row in store.takedowns(states=("sent", "acknowledged", "refused", "escalated")):
        if not row["deadline"] or clock.parse(row["deadline"]) >= end:
            continue
        checks = takedown_rows.checks(store, int(row["id"]))
        if not checks or checks[-1]["outcome"] != "up":
            continue
        out.append(StillUp(int(row["id"]), int(row["alert_id"]), label(row["letter_type"]),
                           excerpt.one_line(checks[-1]["url"], 300), human(row["deadline"], tz),
                           human(checks[-1]["checked_at"], tz), f"{app_url.rstrip('/')}/alerts/{int(row['alert_id'])}"))
    return out


def _trend(store: Store, until: str, tz: str, days: int) -> list[tuple[str, int, int]]:
    """(day, new alerts, of which critical or high) for the ``days`` days ending before ``until``, oldest first."""
    last = local(until, tz).date() - timedelta(days=1)
    first = last - timedelta(days=days - 1)
    since, _ = day_bounds(first, tz)
    counts: dict[date, list[int]] = {first + timedelta(days=i): [0, 0] for i in range(days)}
    for alert in store.alerts(since=since):
        day = local(alert["created_at"], tz).date()
        if day in counts:
            counts[day][0] += 1
            counts[day][1] += int(alert["severity"] in ("critical", "high"))
    return [(f"{d:%a} {d.day}", n, severe) for d, (n, severe) in counts.items()]


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
    removals = [Removal(int(r["alert_id"]), label(r["letter_type"]), excerpt.one_line(r["url"], 300),
                        human(r["at"], tz), excerpt.one_line(r["actor"], 80))
                for r in takedown_rows.confirmed_removals(store, since, until)]
    still_up = _still_up(store, app_url, until, tz)
    trend_days = _trend(store, until, tz, max(1, int(settings["digest.trend_days"])))
    waiting = [m for m in store.pending_messages() if int(m["attempts"] or 0) > 0]

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
        "removals": removals,
        "still_up": still_up,
        "trend": trend_days,
        "trend_max": max([n for _d, n, _s in trend_days] + [0]),
        "chart_cid": CHART_CID,
        "waiting": [{"kind": m["kind"], "subject": excerpt.one_line(m["subject"], 120), "attempts": m["attempts"],
                     "error": excerpt.one_line(m["last_error"], RUN_MESSAGE_CHARS)} for m in waiting],
    }
    parts = [f"{len(summaries)} new alert{'s' if len(summaries) != 1 else ''}"]
    if by_severity["critical"]:
        parts.append(f"{by_severity['critical']} critical")
    if context["failing"]:
        parts.append(f"{len(context['failing'])} source{'s' if len(context['failing']) != 1 else ''} failing")
    subject = excerpt.one_line(f"[repmon] Digest for {school}, {period}: {', '.join(parts)}", 200)
    if still_up:
        parts.append(f"{len(still_up)} still up after deadline")
        subject = excerpt.one_line(f"[repmon] Digest for {school}, {period}: {', '.join(parts)}", 200)
    return Digest(subject=subject, text=render.render("digest.txt", **context),
                  html=render.render("digest.html", **context),
                  chart=trend_png([(n, severe) for _d, n, severe in trend_days]))


def day_bounds(day: date, tz: str) -> tuple[str, str]:
    """The start and end (exclusive) of a calendar day in ``tz``, as UTC ISO 8601."""
    zone_info = zone(tz)
    start = datetime.combine(day, time(0), tzinfo=zone_info)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone_info)
    return clock.iso(start), clock.iso(end)


def queue_digest(store: Store, settings: Settings, profile: Profile, day: date, *, force: bool = False) -> int | None:
    """Queue the digest for ``day`` (once); return its outbox id, or None when recipients.digest is empty or
    ``day`` is not a school day (``force``: send it anyway, e.g. when a person asks for it)."""
    recipients = list(settings["recipients.digest"])
    if not recipients:
        return None
    if settings["digest.school_days_only"] and not force and not is_school_day(day, settings):
        log.info("no digest on %s: not a school day (digest.term_dates, bank holidays, weekends)", day)
        return None
    key = f"digest:{day.isoformat()}"
    since, until = period(day, settings)
    digest = build_digest(store, settings, profile, since, until)
    message = compose(settings, to=recipients, to_key="recipients.digest", subject=digest.subject,
                      text=digest.text, html=digest.html)
    attach_chart(message, digest.chart)
    outbox_id, _created = store.queue_message(kind="digest", dedupe_key=key, recipients=recipients,
                                              subject=digest.subject, message=message.as_bytes())
    return outbox_id


def period(day: date, settings: Settings) -> tuple[str, str]:
    """The UTC bounds of the digest sent on ``day``: from the day after the previous school day to the end of
    ``day`` (only ``day`` itself when ``digest.school_days_only`` is off)."""
    tz = settings["schedule.timezone"]
    since, _ = day_bounds(first_day_covered(day, settings), tz)
    _, until = day_bounds(day, tz)
    return since, until


def attach_chart(message: EmailMessage, chart: bytes) -> None:
    """Put the chart inside the HTML part (multipart/related), where ``cid:`` finds it."""
    html_part = message.get_body(("html",))
    assert html_part is not None
    html_part.add_related(chart, maintype="image", subtype="png", cid=f"<{CHART_CID}>",
                          filename="trend.png", disposition="inline")
