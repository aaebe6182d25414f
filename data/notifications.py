"""SQL for immediate alerts: which outbox message already covers a story, so one story is e-mailed once.

A story is the item's near-duplicate cluster (``items.cluster_id``, kept by
:mod:`data.near_duplicates`).
"""

from __future__ import annotations

from data.near_duplicates import cluster_of
from data.store import Store


def cluster_key(store: Store, item_id: int) -> str:
    """``cluster:<id>`` of the item's near-duplicate cluster (``item:<id>`` for an item not stored)."""
    try:
        return f"cluster:{cluster_of(store, item_id)}"
    except KeyError:
        return f"item:{item_id}"


def first_notified(store: Store, dedupe_key: str) -> dict[str, object] | None:
    """The outbox row already queued for this story, if any."""
    for row in store.db.query("SELECT id, alert_id, sent_at FROM outbox WHERE dedupe_key = ?", [dedupe_key]):
        return dict(row)
    return None
