"""The dashboard: mentions and alerts per day and week by category, open takedowns and their legal
deadlines, and the health of every source."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Blueprint, g, render_template

from alerts.letters import OPEN_TAKEDOWN_STATES, label
from data import dashboard
from repmon import clock
from web import auth, chart, roles

bp = Blueprint("dashboard", __name__)
DAYS, WEEKS = 14, 8


@bp.get("/dashboard")
@auth.requires("view")
def index() -> Any:
    today = clock.now().date()
    since = (today - timedelta(weeks=WEEKS)).isoformat()
    mentions = dashboard.mentions_per_day(g.store, since)
    alerts = dashboard.alerts_per_day(g.store, since)
    charts = [
        chart.stacked(mentions, chart.days(today, DAYS), f"Mentions per day, last {DAYS} days"),
        chart.stacked(alerts, chart.days(today, DAYS), f"Alerts per day, last {DAYS} days"),
        chart.stacked(chart.by_week(mentions), chart.weeks(today, WEEKS), f"Mentions per week, last {WEEKS} weeks"),
        chart.stacked(chart.by_week(alerts), chart.weeks(today, WEEKS), f"Alerts per week, last {WEEKS} weeks"),
    ]
    user = auth.current_user()
    open_takedowns = []
    for row in g.store.takedowns(states=OPEN_TAKEDOWN_STATES):
        alert = g.store.get_alert(row["alert_id"]) or {}
        row["visible"] = roles.can_see(user, alert)
        row["overdue"] = bool(row["deadline"] and row["deadline"] < clock.iso())
        open_takedowns.append(row)
    open_takedowns.sort(key=lambda r: (r["deadline"] is None, r["deadline"] or ""))
    return render_template("dashboard.html", charts=charts, takedowns=open_takedowns, label=label,
                           sources=dashboard.source_health(g.store), now=clock.iso())
