"""The queue: open alerts, most severe and oldest first; filters, search, counts per state, pages."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for

from alerts.letters import LETTERS
from data import queue as q
from data import users
from data.store import ALERT_STATES
from repmon.config import SEVERITIES
from web import auth, roles
from web.chart import CATEGORIES
from web.views import people

bp = Blueprint("queue", __name__)
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _filter_from(args: Any) -> tuple[q.QueueFilter, dict[str, str]]:
    state = args.get("state", "active")
    states = q.ACTIVE_STATES if state == "active" else () if state == "all" else \
        (state,) if state in ALERT_STATES else q.ACTIVE_STATES
    chosen = {
        "state": state if state in (*ALERT_STATES, "active", "all") else "active",
        "severity": args.get("severity", "") if args.get("severity", "") in SEVERITIES else "",
        "category": args.get("category", "") if args.get("category", "") in CATEGORIES else "",
        "source": args.get("source", "")[:100],
        "person": args.get("person", "") if args.get("person", "") in people() else "",
        "assignee": args.get("assignee", "")[:64],
        "since": args.get("since", "") if DAY.match(args.get("since", "")) else "",
        "until": args.get("until", "") if DAY.match(args.get("until", "")) else "",
        "q": args.get("q", "")[:200],
    }
    f = q.QueueFilter(states=states, severity=chosen["severity"], category=chosen["category"],
                      source=chosen["source"], person=chosen["person"], assignee=chosen["assignee"],
                      since=chosen["since"], until=chosen["until"], search=chosen["q"],
                      hide_safeguarding_matches=not roles.allowed(auth.current_user(), "safeguarding"))
    return f, chosen


@bp.get("/")
def home() -> Any:
    return redirect(url_for("queue.index"))


@bp.get("/queue")
@auth.requires("view")
def index() -> Any:
    f, chosen = _filter_from(request.args)
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    size = current_app.config["REPMON_SETTINGS"]["web.page_size"]
    rows, total = q.queue(g.store, f, page=page, page_size=size)
    pages = max(1, (total + size - 1) // size)
    args = {k: v for k, v in chosen.items() if v and not (k == "state" and v == "active")}
    return render_template(
        "queue.html", alerts=rows, total=total, page=page, pages=pages, chosen=chosen, args=args,
        counts=q.state_counts(g.store), states=ALERT_STATES, severities=SEVERITIES[1:],
        categories=[c for c in CATEGORIES if c], sources=q.sources(g.store), people=people(),
        assignees=users.user_names(g.store), letter_types=LETTERS)
