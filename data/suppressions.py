"""Suppressions: an author, URL or phrase that a person has said never to alert on again.

Added when an alert is dismissed as a false positive; lifted (never deleted),
with who and when kept on the row.
"""

from __future__ import annotations

from typing import Any

from data.store import Store
from repmon import clock
from repmon.errors import InputError

KINDS = ("author", "url", "phrase")


def add(store: Store, kind: str, value: str, reason: str, actor: str, alert_id: int | None = None) -> int:
    """Record a suppression; return its id. The same active kind and value is recorded once."""
    if kind not in KINDS:
        raise InputError(f"unknown suppression {kind!r}; use one of {', '.join(KINDS)}.")
    value = value.strip()
    if not value:
        raise InputError(f"the {kind} to suppress is empty; give the exact {kind}.")
    if kind == "phrase" and len(value) < 4:
        raise InputError(f"the phrase {value!r} is too short to suppress safely; give at least 4 characters.")
    with store.db.atomic():
        found = store._one("SELECT id FROM suppressions WHERE kind = ? AND value = ? AND lifted_at IS NULL",
                           [kind, value])
        if found:
            return int(found["id"])
        cur = store.db.execute(
            "INSERT INTO suppressions (kind, value, reason, alert_id, actor, created_at) VALUES (?,?,?,?,?,?)",
            [kind, value[:500], reason[:1000], alert_id, actor, clock.iso()])
        assert cur.lastrowid is not None
        return int(cur.lastrowid)


def active(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.db.query("SELECT * FROM suppressions WHERE lifted_at IS NULL ORDER BY id")]


def all_suppressions(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.db.query("SELECT * FROM suppressions ORDER BY id DESC")]


def lift(store: Store, suppression_id: int, actor: str) -> None:
    store.db.execute("UPDATE suppressions SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL",
                     [clock.iso(), actor, suppression_id])
