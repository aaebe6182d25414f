"""What a person does with an alert: assign, note, escalate, dismiss, mark safe, reopen.

Every action is recorded in ``alert_events`` with who did it and when
(:meth:`Store.add_alert_event`, :meth:`Store.set_alert_state`); nothing is
deleted. Dismissing an alert as a false positive needs a reason and may
suppress its author, URL or a phrase, so that :func:`is_suppressed` keeps
the same thing from opening another alert.

States: open -> acknowledged (assigned) -> escalated / takedown;
any of those -> dismissed or safe; dismissed, safe or resolved -> open (reopen).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from data import queue, suppressions
from data.store import Store
from repmon.errors import InputError

ACTIVE = queue.ACTIVE_STATES
CLOSED = ("dismissed", "safe", "resolved")
MAX_NOTE = 4000


def _alert(store: Store, alert_id: int) -> dict[str, Any]:
    alert = store.get_alert(alert_id)
    if alert is None:
        raise InputError(f"there is no alert {alert_id}; check the id in the queue.")
    return alert


def _text(value: str, what: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InputError(f"give a {what}; it is kept in the alert's history.")
    if len(value) > MAX_NOTE:
        raise InputError(f"the {what} is {len(value)} characters; keep it under {MAX_NOTE}.")
    return value


def _require(alert: dict[str, Any], states: Iterable[str], action: str) -> None:
    states = tuple(states)
    if alert["state"] not in states:
        raise InputError(f"alert {alert['id']} is {alert['state']}; it can be {action} only when "
                         f"{' or '.join(states)}.")


def assign(store: Store, alert_id: int, assignee: str, actor: str) -> None:
    """Give the alert to a person (empty: unassign); an open alert becomes acknowledged."""
    alert = _alert(store, alert_id)
    assignee = (assignee or "").strip()
    queue.set_assignee(store, alert_id, assignee or None)
    store.add_alert_event(alert_id, actor, "assigned", {"assignee": assignee, "previous": alert.get("assignee") or ""})
    if assignee and alert["state"] == "open":
        store.set_alert_state(alert_id, "acknowledged", actor)


def add_note(store: Store, alert_id: int, note: str, actor: str) -> None:
    _alert(store, alert_id)
    store.add_alert_event(alert_id, actor, "note", {"note": _text(note, "note")})


def escalate(store: Store, alert_id: int, actor: str, note: str = "") -> None:
    """Pass the alert up (to the senior leader or safeguarding lead); a note says why."""
    alert = _alert(store, alert_id)
    _require(alert, ("open", "acknowledged", "takedown"), "escalated")
    store.set_alert_state(alert_id, "escalated", actor, _text(note, "note", required=False))


def dismiss(store: Store, alert_id: int, actor: str, reason: str,
            suppress: Mapping[str, str] | None = None) -> list[int]:
    """Dismiss as a false positive with a reason; optionally suppress {'author'|'url'|'phrase': value}.

    Returns the ids of the suppressions recorded.
    """
    alert = _alert(store, alert_id)
    _require(alert, ACTIVE, "dismissed")
    reason = _text(reason, "reason for dismissing")
    wanted = {k: v.strip() for k, v in (suppress or {}).items() if v and v.strip()}
    ids = []
    for kind, value in wanted.items():  # checked before anything is written
        if kind not in suppressions.KINDS:
            raise InputError(f"unknown suppression {kind!r}; use one of {', '.join(suppressions.KINDS)}.")
    with store.db.atomic():
        for kind, value in wanted.items():
            sid = suppressions.add(store, kind, value, reason, actor, alert_id)
            ids.append(sid)
            store.add_alert_event(alert_id, actor, "suppressed", {"kind": kind, "value": value, "suppression_id": sid})
        store.set_alert_state(alert_id, "dismissed", actor, reason)
    return ids


def mark_safe(store: Store, alert_id: int, actor: str, note: str = "") -> None:
    """Checked and nothing to do (true mention, no harm)."""
    alert = _alert(store, alert_id)
    _require(alert, ACTIVE, "marked safe")
    store.set_alert_state(alert_id, "safe", actor, _text(note, "note", required=False))


def reopen(store: Store, alert_id: int, actor: str, note: str = "") -> None:
    alert = _alert(store, alert_id)
    _require(alert, CLOSED, "reopened")
    store.set_alert_state(alert_id, "open", actor, _text(note, "note", required=False))


def set_takedown_state(store: Store, alert_id: int, actor: str, note: str = "") -> None:
    """A letter is under way for this alert (after drafting): the alert shows as 'takedown'."""
    alert = _alert(store, alert_id)
    if alert["state"] in ("open", "acknowledged", "escalated"):
        store.set_alert_state(alert_id, "takedown", actor, note)


def is_suppressed(store: Store, item: Mapping[str, Any], finding: Mapping[str, Any] | None = None) -> bool:
    """True when an active suppression matches the item: its author (any case), its URL or canonical URL,
    or a phrase found (any case) in its title or text. A critical finding (a threat, a pupil at risk) is
    never suppressed: dismissing one false positive must not hide a real threat from the same author."""
    if finding is not None and finding.get("severity") == "critical":
        return False
    rules = suppressions.active(store)
    if not rules:
        return False
    author = str(item.get("author") or "").strip().casefold()
    urls = {str(item.get("url") or ""), str(item.get("canonical_url") or "")} - {""}
    words = f"{item.get('title') or ''}\n{item.get('text') or ''}".casefold()
    for rule in rules:
        value = str(rule["value"])
        if rule["kind"] == "author" and author and value.casefold() == author:
            return True
        if rule["kind"] == "url" and value in urls:
            return True
        if rule["kind"] == "phrase" and value.casefold() in words:
            return True
    return False
