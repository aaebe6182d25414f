"""Takedown letters: draft from an alert, edit, approve (senior leader), mark sent, mark removed, withdraw.

The rules of each step are in :mod:`alerts.letters.workflow`; here only who may
press which button. On a safeguarding alert only the safeguarding lead sees or
acts on its letters.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for

from alerts import triage
from alerts.letters import CLOSED_TAKEDOWN_STATES, LETTERS, draft_letter, label, workflow
from data import takedowns
from web import auth, roles
from web.views import actor, load_alert, profile

bp = Blueprint("letters", __name__)
REMOVED_OUTCOMES = ("removed", "gone")


def _takedown(takedown_id: int, permission: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    row = takedowns.get(g.store, takedown_id)
    if row is None:
        abort(404, description=f"There is no takedown {takedown_id}.")
    alert = load_alert(int(row["alert_id"]))
    user = auth.current_user()
    if not roles.can_see(user, alert):
        abort(403)
    if permission and not roles.can_act(user, alert, permission):
        abort(403)
    return row, alert


def _done(takedown_id: int, what: str) -> Any:
    return redirect(url_for("letters.show", takedown_id=takedown_id, done=what))


@bp.post("/alerts/<int:alert_id>/letters")
@auth.requires("letters")
def draft(alert_id: int) -> Any:
    load_alert(alert_id, "letters")
    letter_type = request.form.get("letter_type") or None
    if letter_type and letter_type not in LETTERS:
        abort(400, description=f"Unknown letter type {letter_type!r}.")
    takedown_id = draft_letter(g.store, current_app.config["REPMON_SETTINGS"], profile(), alert_id, letter_type)
    triage.set_takedown_state(g.store, alert_id, actor(), f"letter drafted: {label(letter_type or '')}".rstrip(": "))
    return _done(takedown_id, "drafted")


@bp.get("/takedowns/<int:takedown_id>")
@auth.requires("view")
def show(takedown_id: int) -> Any:
    row, alert = _takedown(takedown_id)
    history = workflow.takedown_history(g.store, takedown_id)
    removal = [c for c in history["checks"] if c["outcome"] in REMOVED_OUTCOMES]
    return render_template("letter.html", takedown=row, alert=alert, history=history, label=label,
                           letter_types=LETTERS, closed=row["state"] in CLOSED_TAKEDOWN_STATES,
                           removal=removal[-1] if removal else None, done=request.args.get("done", ""))


@bp.post("/takedowns/<int:takedown_id>/edit")
@auth.requires("letters")
def edit(takedown_id: int) -> Any:
    _takedown(takedown_id, "letters")
    workflow.edit_letter(g.store, takedown_id, request.form.get("body", ""), actor())
    return _done(takedown_id, "edited")


@bp.post("/takedowns/<int:takedown_id>/approve")
@auth.requires("view")  # the senior leader, or the safeguarding lead for a safeguarding alert: checked below
def approve(takedown_id: int) -> Any:
    _takedown(takedown_id, "approve")
    workflow.approve_letter(g.store, takedown_id, actor())
    return _done(takedown_id, "approved")


@bp.post("/takedowns/<int:takedown_id>/sent")
@auth.requires("letters")
def sent(takedown_id: int) -> Any:
    _takedown(takedown_id, "letters")
    form = request.form
    workflow.mark_sent(g.store, takedown_id, actor(), form.get("note", ""), recipient=form.get("recipient", ""),
                       channel=form.get("channel", ""))
    return _done(takedown_id, "sent")


@bp.post("/takedowns/<int:takedown_id>/removed")
@auth.requires("letters")
def removed(takedown_id: int) -> Any:
    row, alert = _takedown(takedown_id, "letters")
    checks = [c for c in takedowns.checks(g.store, takedown_id) if c["outcome"] in REMOVED_OUTCOMES]
    evidence: dict[str, Any] = {"note": request.form.get("note", "")}
    if checks:
        evidence.update(removal_check_id=checks[-1]["id"], checked_at=checks[-1]["checked_at"])
    elif not evidence["note"].strip():
        abort(400, description="No re-check has found the content gone yet: say how you know it was removed "
                               "(a note is kept with the record).")
    workflow.mark_removed(g.store, takedown_id, actor(), evidence)
    if alert["state"] in ("open", "acknowledged", "escalated", "takedown"):
        g.store.set_alert_state(int(alert["id"]), "resolved", actor(), f"content removed (takedown {takedown_id})")
    return _done(takedown_id, "removed")


@bp.post("/takedowns/<int:takedown_id>/withdraw")
@auth.requires("letters")
def withdraw(takedown_id: int) -> Any:
    _takedown(takedown_id, "letters")
    workflow.withdraw(g.store, takedown_id, actor(), request.form.get("reason", ""))
    return _done(takedown_id, "withdrawn")


@bp.post("/takedowns/<int:takedown_id>/type")
@auth.requires("letters")
def change_type(takedown_id: int) -> Any:
    row, alert = _takedown(takedown_id, "letters")
    new = workflow.change_type(g.store, int(alert["id"]), takedown_id, request.form.get("letter_type", ""), actor(),
                               settings=current_app.config["REPMON_SETTINGS"], profile=profile())
    return _done(int(new["id"]), "retyped")
