"""What the social sources remember between runs: cursors, monthly read usage, posts and threads.

- ``social_cursors``: one JSON cursor per source and query (X ``since_id`` and
  an unfinished ``next_token``; Reddit the newest ``created_utc``/fullname and
  an unfinished ``after``), so each run fetches only what is new.
- ``social_usage``: reads and requests per source per calendar month (UTC),
  checked against the monthly read budget before every request.
- ``social_posts``: every platform post seen, its item, and its state (``live``,
  ``deleted``, ``removed``, ``missing``): deleted content is recorded here, never
  stored as a new item.
- ``social_threads``: matched threads whose replies are fetched again on later
  runs while they are active.
"""

from __future__ import annotations

import json
from typing import Any

from data.store import Store
from repmon import clock

POST_STATES = ("live", "deleted", "removed", "missing")


def month_of(stamp: str) -> str:
    """``2026-11`` for an ISO timestamp."""
    return stamp[:7]


class SocialStore:
    """The social tables of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    def _one(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        for row in self.db.query(sql, params):
            return row
        return None

    # ---- cursors --------------------------------------------------------

    def cursor(self, source: str, query: str) -> dict[str, Any]:
        row = self._one("SELECT cursor FROM social_cursors WHERE source = ? AND query = ?", [source, query])
        return json.loads(row["cursor"]) if row else {}

    def set_cursor(self, source: str, query: str, cursor: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO social_cursors (source, query, cursor, updated_at) VALUES (?,?,?,?)"
            " ON CONFLICT (source, query) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
            [source, query, json.dumps(cursor, sort_keys=True), clock.iso()],
        )

    def cursors(self, source: str) -> dict[str, dict[str, Any]]:
        return {r["query"]: json.loads(r["cursor"]) for r in self.db.query(
            "SELECT query, cursor FROM social_cursors WHERE source = ? ORDER BY query", [source])}

    # ---- monthly usage --------------------------------------------------

    def usage(self, source: str, month: str) -> dict[str, Any]:
        row = self._one("SELECT * FROM social_usage WHERE source = ? AND month = ?", [source, month])
        return dict(row) if row else {"source": source, "month": month, "reads": 0, "requests": 0,
                                      "read_limit": None, "unit": "requests", "updated_at": None}

    def add_usage(self, source: str, month: str, *, reads: int, requests: int, read_limit: int | None,
                  unit: str) -> None:
        """Count reads and requests for the month (one statement: a crash never loses a counted read)."""
        self.db.execute(
            "INSERT INTO social_usage (source, month, reads, requests, read_limit, unit, updated_at)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT (source, month) DO UPDATE SET"
            " reads = reads + excluded.reads, requests = requests + excluded.requests,"
            " read_limit = excluded.read_limit, unit = excluded.unit, updated_at = excluded.updated_at",
            [source, month, reads, requests, read_limit, unit, clock.iso()],
        )

    def usage_rows(self, month: str) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.query("SELECT * FROM social_usage WHERE month = ? ORDER BY source", [month])]

    # ---- posts ----------------------------------------------------------

    def post(self, source: str, post_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM social_posts WHERE source = ? AND post_id = ?", [source, post_id])

    def saw_post(self, source: str, post_id: str, *, thread_id: str | None, url: str, item_id: int | None,
                 evidence_id: int | None) -> None:
        """A live post was seen (again); its latest item is the one given."""
        now = clock.iso()
        self.db.execute(
            "INSERT INTO social_posts (source, post_id, thread_id, url, item_id, state, first_seen, last_seen,"
            " state_at, evidence_id) VALUES (?,?,?,?,?, 'live', ?,?,?,?)"
            " ON CONFLICT (source, post_id) DO UPDATE SET last_seen = excluded.last_seen,"
            " item_id = coalesce(excluded.item_id, item_id), url = excluded.url,"
            " evidence_id = coalesce(excluded.evidence_id, evidence_id)",
            [source, post_id, thread_id, url, item_id, now, now, now, evidence_id],
        )

    def mark_post(self, source: str, post_id: str, state: str, *, thread_id: str | None, url: str,
                  evidence_id: int | None) -> bool:
        """Record that a post is deleted, removed or missing; return True when that is news."""
        if state not in POST_STATES:
            raise ValueError(f"unknown post state {state!r}")
        now = clock.iso()
        with self.db.atomic():
            found = self.post(source, post_id)
            if found is None:
                self.db.execute(
                    "INSERT INTO social_posts (source, post_id, thread_id, url, item_id, state, first_seen,"
                    " last_seen, state_at, evidence_id) VALUES (?,?,?,?, NULL, ?,?,?,?,?)",
                    [source, post_id, thread_id, url, state, now, now, now, evidence_id],
                )
                return True
            if found["state"] == state:
                self.db.execute("UPDATE social_posts SET last_seen = ? WHERE source = ? AND post_id = ?",
                                [now, source, post_id])
                return False
            self.db.execute(
                "UPDATE social_posts SET state = ?, state_at = ?, last_seen = ?, evidence_id = ?"
                " WHERE source = ? AND post_id = ?",
                [state, now, now, evidence_id if evidence_id is not None else found["evidence_id"], source, post_id],
            )
            return True

    def posts(self, source: str, *, state: str | None = None) -> list[dict[str, Any]]:
        sql, params = "SELECT * FROM social_posts WHERE source = ?", [source]
        if state:
            sql += " AND state = ?"
            params.append(state)
        return [dict(r) for r in self.db.query(sql + " ORDER BY first_seen, post_id", params)]

    def post_state_of_item(self, item_id: int) -> dict[str, Any] | None:
        """The platform state of the post an item came from (for showing 'deleted since')."""
        return self._one("SELECT * FROM social_posts WHERE item_id = ?", [item_id])

    # ---- threads followed for replies -----------------------------------

    def follow_thread(self, source: str, thread_id: str, *, url: str, query: str, activity: str | None = None) -> None:
        now = clock.iso()
        self.db.execute(
            "INSERT INTO social_threads (source, thread_id, url, query, first_seen, last_activity)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT (source, thread_id) DO UPDATE SET"
            " last_activity = max(last_activity, excluded.last_activity)",
            [source, thread_id, url, query, now, activity or now],
        )

    def threads_to_check(self, source: str, *, active_since: str, limit: int) -> list[dict[str, Any]]:
        """Threads never checked, or active since a time; least recently checked first."""
        rows = self.db.query(
            "SELECT * FROM social_threads WHERE source = ? AND (last_checked IS NULL OR last_activity >= ?)"
            " ORDER BY coalesce(last_checked, ''), first_seen LIMIT ?", [source, active_since, limit])
        return [{**dict(r), "cursor": json.loads(r["cursor"])} for r in rows]

    def thread_checked(self, source: str, thread_id: str, cursor: dict[str, Any],
                       activity: str | None = None) -> None:
        self.db.execute(
            "UPDATE social_threads SET last_checked = ?, cursor = ?,"
            " last_activity = max(last_activity, coalesce(?, last_activity)) WHERE source = ? AND thread_id = ?",
            [clock.iso(), json.dumps(cursor, sort_keys=True), activity, source, thread_id],
        )

    def threads(self, source: str) -> list[dict[str, Any]]:
        return [{**dict(r), "cursor": json.loads(r["cursor"])} for r in self.db.query(
            "SELECT * FROM social_threads WHERE source = ? ORDER BY first_seen, thread_id", [source])]

    # ---- source runs ----------------------------------------------------

    def mark_run_disabled(self, run_id: int, message: str) -> None:
        """A source that could not run (no credentials, no library): not an error, but shown."""
        self.db.execute(
            "UPDATE source_runs SET finished_at = ?, status = 'disabled', message = ? WHERE id = ?",
            [clock.iso(), message[:2000], run_id],
        )
