"""What the scheduler and `repmon status` ask of the store: runs left behind by a crash,
each source's last outcome and failing streak, next run times, and recent counts."""

from __future__ import annotations

import os
from typing import Any

from data.store import Store
from repmon import clock

# A run ends as ok or error (Store.finish_run), or as one of these when its process stopped first.
INTERRUPTED = "interrupted"  # the process died (kill -9, crash, power cut); found at the next start
ABANDONED = "abandoned"  # the service was asked to stop and could not wait for it
DISABLED = "disabled"  # the source is not configured (e.g. no credentials); not a failure


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_interrupted(store: Store) -> list[dict[str, Any]]:
    """Mark runs whose process is gone as interrupted; return them (oldest first)."""
    stale = [r for r in store.db.query("SELECT id, source, pid, started_at FROM source_runs WHERE status = 'running'")
             if not _alive(r["pid"]) or r["pid"] == os.getpid()]
    for run in stale:
        store.db.execute(
            "UPDATE source_runs SET status = ?, finished_at = ?, message = ? WHERE id = ? AND status = 'running'",
            [INTERRUPTED, clock.iso(), "the process running it stopped before it finished "
             "(crash, kill or power cut); it was run again at the next start", run["id"]],
        )
    return stale


def mark_abandoned(store: Store, run_ids: list[int], reason: str) -> None:
    for run_id in run_ids:
        store.db.execute(
            "UPDATE source_runs SET status = ?, finished_at = ?, message = ? WHERE id = ? AND status = 'running'",
            [ABANDONED, clock.iso(), reason[:2000], run_id],
        )


def record_disabled(store: Store, source: str, message: str) -> int:
    run_id = store.start_run(source)
    store.db.execute("UPDATE source_runs SET status = ?, finished_at = ?, message = ? WHERE id = ?",
                     [DISABLED, clock.iso(), message[:2000], run_id])
    return run_id


def running_ids(store: Store, pid: int) -> list[int]:
    return [r["id"] for r in store.db.query(
        "SELECT id FROM source_runs WHERE status = 'running' AND pid = ?", [pid])]


def last_run(store: Store, source: str) -> dict[str, Any] | None:
    rows = list(store.db.query(
        "SELECT * FROM source_runs WHERE source = ? ORDER BY id DESC LIMIT 1", [source]))
    return rows[0] if rows else None


def failing_since(store: Store, source: str) -> dict[str, Any] | None:
    """The first failed run after the source's last good one, when its latest finished run failed.

    Disabled and still-running runs neither break nor start a failing streak.
    """
    finished = list(store.db.query(
        "SELECT id, status, started_at, message FROM source_runs WHERE source = ?"
        " AND status NOT IN ('running', ?) ORDER BY id DESC", [source, DISABLED]))
    if not finished or finished[0]["status"] == "ok":
        return None
    first = finished[0]
    for run in finished:
        if run["status"] == "ok":
            break
        first = run
    return {"since": first["started_at"], "latest": finished[0]}


def next_run_times(store: Store) -> dict[str, float]:
    """Job id -> next run (Unix time) from APScheduler's job table, if the service has created it."""
    if not store.db["apscheduler_jobs"].exists():
        return {}
    return {r["id"]: r["next_run_time"] for r in store.db.query(
        "SELECT id, next_run_time FROM apscheduler_jobs") if r["next_run_time"] is not None}


def counts_since(store: Store, since: str) -> dict[str, Any]:
    items = store.db.execute("SELECT count(*) FROM items WHERE stored_at >= ?", [since]).fetchone()[0]
    by_severity = {r["severity"]: r["n"] for r in store.db.query(
        "SELECT severity, count(*) AS n FROM alerts WHERE created_at >= ? GROUP BY severity", [since])}
    return {"items": items, "alerts": sum(by_severity.values()), "alerts_by_severity": by_severity}
