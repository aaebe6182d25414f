"""Counts for the web app's dashboard: mentions and alerts per day and week by category, source health."""

from __future__ import annotations

from typing import Any

from data.store import Store


def mentions_per_day(store: Store, since: str) -> list[dict[str, Any]]:
    """Relevant items per day (by when they were collected), with their flag categories ('' when unflagged)."""
    return [dict(r) for r in store.db.query(
        "SELECT substr(i.fetched_at, 1, 10) AS day, COALESCE(json_extract(fl.value, '$.category'), '') AS category,"
        " count(DISTINCT i.id) AS n FROM findings f JOIN items i ON i.id = f.item_id"
        " LEFT JOIN json_each(f.flags) fl WHERE f.relevant = 1 AND i.fetched_at >= ? GROUP BY 1, 2 ORDER BY 1",
        [since])]


def alerts_per_day(store: Store, since: str) -> list[dict[str, Any]]:
    """Alerts opened per day by category (an alert with two categories counts in each)."""
    return [dict(r) for r in store.db.query(
        "SELECT substr(a.created_at, 1, 10) AS day, c.value AS category, count(*) AS n"
        " FROM alerts a, json_each(a.categories) c WHERE a.created_at >= ? GROUP BY 1, 2 ORDER BY 1", [since])]


def source_health(store: Store) -> list[dict[str, Any]]:
    """Each source's latest run, and its latest failed run if any."""
    rows = store.db.query(
        "SELECT r.* FROM source_runs r JOIN (SELECT source, max(id) AS id FROM source_runs GROUP BY source) l"
        " ON l.id = r.id ORDER BY r.source")
    out = []
    for row in rows:
        r = dict(row)
        err = store._one("SELECT started_at, message FROM source_runs WHERE source = ? AND status = 'error'"
                         " ORDER BY id DESC LIMIT 1", [r["source"]])
        r["last_error_at"] = err["started_at"] if err else None
        r["last_error"] = err["message"] if err else ""
        out.append(r)
    return out
