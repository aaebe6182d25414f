"""SQL for the takedown lifecycle: state changes with their audit trail, letter versions, removal checks.

The rules (which transition is allowed, who may do it) live in
:mod:`alerts.letters.workflow`; this module only reads and writes rows. Every
state change is one transaction that also writes a ``takedown_events`` row,
and it only applies when the takedown is still in the state the caller saw
(two people pressing "approve" at once: one wins, the other is told).
Nothing here deletes a row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from data.store import Store
from repmon import clock

# columns a transition may set besides state and updated_at
_COLUMNS = frozenset({"body", "files", "notes", "url", "quote", "recipient", "recipient_how", "deadline",
                      "approved_by", "approved_at", "approved_sha256", "sent_at", "closed_at", "replaced_by"})


def body_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _decode(row: Mapping[str, Any] | None, *fields: str) -> dict[str, Any] | None:
    if row is None:
        return None
    out = dict(row)
    for name in fields:
        if isinstance(out.get(name), str):
            out[name] = json.loads(out[name])
    return out


def _one(store: Store, sql: str, params: Sequence[Any]) -> dict[str, Any] | None:
    for row in store.db.query(sql, list(params)):
        return row
    return None


def get(store: Store, takedown_id: int) -> dict[str, Any] | None:
    return _decode(_one(store, "SELECT * FROM takedowns WHERE id = ?", [takedown_id]), "files")


def _event(store: Store, takedown_id: int, actor: str, action: str, from_state: str | None, to_state: str | None,
           detail: Mapping[str, Any], at: str) -> None:
    store.db.execute(
        "INSERT INTO takedown_events (takedown_id, at, actor, action, from_state, to_state, detail)"
        " VALUES (?,?,?,?,?,?,?)", [takedown_id, at, actor, action, from_state, to_state, _json(dict(detail))])


def record(store: Store, takedown_id: int, *, actor: str, action: str, from_states: Sequence[str],
           to_state: str | None = None, detail: Mapping[str, Any] | None = None,
           columns: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
    """Apply one change if the takedown is in one of ``from_states``; log it; return the new row, or None
    when the takedown is missing or in another state (nothing is changed then)."""
    columns = dict(columns or {})
    unknown = set(columns) - _COLUMNS
    if unknown:
        raise ValueError(f"takedowns has no settable column(s) {sorted(unknown)}")
    if "files" in columns:
        columns["files"] = _json(columns["files"])
    with store.db.atomic():
        row = get(store, takedown_id)
        if row is None or row["state"] not in from_states:
            return None
        at = clock.iso()
        new_state = to_state or row["state"]
        sets = ", ".join(f"{name} = ?" for name in ["state", "updated_at", *columns])
        store.db.execute(f"UPDATE takedowns SET {sets} WHERE id = ? AND state = ?",
                         [new_state, at, *columns.values(), takedown_id, row["state"]])
        _event(store, takedown_id, actor, action, row["state"], new_state, detail or {}, at)
        if "body" in columns:
            add_version(store, takedown_id, str(columns["body"]), actor, at)
        return get(store, takedown_id)


def log_event(store: Store, takedown_id: int, actor: str, action: str, detail: Mapping[str, Any] | None = None) -> None:
    """An event that changes no state (a removal check that found the content still up, a reply noted)."""
    with store.db.atomic():
        row = get(store, takedown_id)
        state = row["state"] if row else None
        _event(store, takedown_id, actor, action, state, state, detail or {}, clock.iso())


def add_version(store: Store, takedown_id: int, body: str, actor: str, at: str | None = None) -> int:
    """Keep a version of the letter's text; return its number (1 for the first draft)."""
    last = _one(store, "SELECT max(version) AS v FROM takedown_versions WHERE takedown_id = ?", [takedown_id])
    version = int(last["v"] or 0) + 1 if last else 1
    store.db.execute(
        "INSERT INTO takedown_versions (takedown_id, version, body, sha256, actor, at) VALUES (?,?,?,?,?,?)",
        [takedown_id, version, body, body_sha256(body), actor, at or clock.iso()])
    return version


def events(store: Store, takedown_id: int) -> list[dict[str, Any]]:
    return [_decode(r, "detail") for r in store.db.query(  # type: ignore[misc]
        "SELECT * FROM takedown_events WHERE takedown_id = ? ORDER BY id", [takedown_id])]


def versions(store: Store, takedown_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in store.db.query(
        "SELECT * FROM takedown_versions WHERE takedown_id = ? ORDER BY version", [takedown_id])]


def for_alert(store: Store, alert_id: int) -> list[dict[str, Any]]:
    return [_decode(r, "files") for r in store.db.query(  # type: ignore[misc]
        "SELECT * FROM takedowns WHERE alert_id = ? ORDER BY id", [alert_id])]


# ---- removal checks ------------------------------------------------------

def add_check(store: Store, takedown_id: int, *, url: str, outcome: str, http_status: int | None, reason: str,
              evidence_id: int | None) -> int:
    cur = store.db.execute(
        "INSERT INTO removal_checks (takedown_id, url, checked_at, outcome, http_status, reason, evidence_id)"
        " VALUES (?,?,?,?,?,?,?)", [takedown_id, url, clock.iso(), outcome, http_status, reason[:1000], evidence_id])
    assert cur.lastrowid is not None
    return int(cur.lastrowid)


def checks(store: Store, takedown_id: int) -> list[dict[str, Any]]:
    return [dict(r) for r in store.db.query(
        "SELECT * FROM removal_checks WHERE takedown_id = ? ORDER BY id", [takedown_id])]


def confirmed_removals(store: Store, since: str, until: str) -> list[dict[str, Any]]:
    """Takedowns marked removed in [since, until), with the time and who or what confirmed it."""
    return [_decode(r, "detail") for r in store.db.query(  # type: ignore[misc]
        "SELECT t.id, t.alert_id, t.letter_type, t.url, e.at, e.actor, e.detail FROM takedown_events e"
        " JOIN takedowns t ON t.id = e.takedown_id WHERE e.to_state = 'removed' AND e.action = 'removed'"
        " AND e.at >= ? AND e.at < ? ORDER BY e.at", [since, until])]
