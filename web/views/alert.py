"""One alert: the highlighted text, each flag's reason, evidence, related items, history; and the
actions a person takes on it."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, send_file, url_for

from alerts import triage
from alerts.letters import LETTERS, label, propose_type
from data import queue, takedowns, users
from data.store import Store
from web import auth, roles
from web.highlight import segments
from web.views import actor, load_alert, people

bp = Blueprint("alert", __name__)
MAX_SHOWN_CHARS = 60_000


def _evidence(store: Store, item: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Captures and screenshots kept for the item (the evidence tables may be older than the screenshot table)."""
    try:
        from data import evidence_log

        return evidence_log.evidence_for_item(store, item), evidence_log.screenshots_for_item(store, item["id"])
    except Exception:  # noqa: BLE001 - a database without the evidence-capture tables: show the item's own capture
        own = store.get_evidence(item["evidence_id"]) if item.get("evidence_id") else None
        return ([own] if own else []), []


@bp.get("/alerts/<int:alert_id>")
@auth.requires("view")
def show(alert_id: int) -> Any:
    alert = load_alert(alert_id)
    user = auth.current_user()
    visible = roles.can_see(user, alert)
    item = g.store.get_item(alert["item_id"])
    names = people()
    context: dict[str, Any] = {"alert": alert, "visible": visible, "events": g.store.alert_events(alert_id),
                               "takedowns": takedowns.for_alert(g.store, alert_id), "names": names,
                               "letter_types": LETTERS, "label": label, "assignees": users.user_names(g.store),
                               "done": request.args.get("done", "")}
    if visible:
        text = alert["text"] or ""
        cut = len(text) > MAX_SHOWN_CHARS
        context.update(
            segments=segments(text[:MAX_SHOWN_CHARS], alert["mentions"], alert["flags"], names), cut=cut,
            related=queue.related_items(g.store, item) if item else [],
            proposed=propose_type(alert["flags"]))
        context["evidence"], context["screenshots"] = _evidence(g.store, item) if item else ([], [])
    return render_template("alert.html", **context)


def _done(alert_id: int, what: str) -> Any:
    return redirect(url_for("alert.show", alert_id=alert_id, done=what))


@bp.post("/alerts/<int:alert_id>/assign")
@auth.requires("triage")
def assign(alert_id: int) -> Any:
    load_alert(alert_id, "triage")
    assignee = request.form.get("assignee", "").strip()
    if assignee and users.get_user_by_name(g.store, assignee) is None:
        abort(400, description=f"There is no user named {assignee!r}.")
    triage.assign(g.store, alert_id, assignee, actor())
    return _done(alert_id, "assigned")


@bp.post("/alerts/<int:alert_id>/note")
@auth.requires("note")
def note(alert_id: int) -> Any:
    load_alert(alert_id, "note")
    triage.add_note(g.store, alert_id, request.form.get("note", ""), actor())
    return _done(alert_id, "note")


@bp.post("/alerts/<int:alert_id>/escalate")
@auth.requires("triage")
def escalate(alert_id: int) -> Any:
    load_alert(alert_id, "triage")
    triage.escalate(g.store, alert_id, actor(), request.form.get("note", ""))
    return _done(alert_id, "escalated")


@bp.post("/alerts/<int:alert_id>/dismiss")
@auth.requires("triage")
def dismiss(alert_id: int) -> Any:
    alert = load_alert(alert_id, "triage")
    form = request.form
    suppress = {}
    if form.get("suppress_author") and alert.get("author"):
        suppress["author"] = alert["author"]
    if form.get("suppress_url"):
        suppress["url"] = alert["canonical_url"] or alert["url"]
    if form.get("suppress_phrase", "").strip():
        suppress["phrase"] = form["suppress_phrase"]
    triage.dismiss(g.store, alert_id, actor(), form.get("reason", ""), suppress)
    return _done(alert_id, "dismissed")


@bp.post("/alerts/<int:alert_id>/safe")
@auth.requires("triage")
def safe(alert_id: int) -> Any:
    load_alert(alert_id, "triage")
    triage.mark_safe(g.store, alert_id, actor(), request.form.get("note", ""))
    return _done(alert_id, "safe")


@bp.post("/alerts/<int:alert_id>/reopen")
@auth.requires("triage")
def reopen(alert_id: int) -> Any:
    load_alert(alert_id, "triage")
    triage.reopen(g.store, alert_id, actor(), request.form.get("note", ""))
    return _done(alert_id, "reopened")


@bp.get("/screenshots/<int:screenshot_id>")
@auth.requires("view")
def screenshot(screenshot_id: int) -> Any:
    """A screenshot kept as evidence, served only to a user who may see its alert's item."""
    from data import evidence_log

    shot = evidence_log.get_screenshot(g.store, screenshot_id)
    if shot is None:
        abort(404)
    alert_id = evidence_log.alert_for_item(g.store, shot["item_id"]) if shot.get("item_id") else None
    alert = g.store.get_alert(alert_id) if alert_id else None
    if alert is None or not roles.can_see(auth.current_user(), alert):
        abort(403)
    path = Path(shot["path"])
    if not path.is_absolute():
        path = Path(current_app.config["REPMON_SETTINGS"]["store.evidence_dir"]) / path
    kind = mimetypes.guess_type(path.name)[0]
    if kind not in ("image/png", "image/jpeg") or not path.is_file():
        abort(404)
    return send_file(path, mimetype=kind, max_age=0)
