"""Retention: purge what a school's records policy says need not be kept, and record each purge.

Four rules, each off when set to 0:
- items that analysis found irrelevant (and the evidence only they used), and social
  accounts seen but not flagged as impersonating anyone, after N days;
- alerts dismissed as false positives or marked safe, with their item, after M days;
- incidents (every other alert) with their item, letters and evidence after K years;
- the log of source runs after R days (each source's latest run is kept).
Purges are the one place repmon deletes; each is written to the `purges` table.
A WARC file goes when no evidence row still points into it (records of several
items share a file), so purged pages can outlive their rows until then.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from data.store import Store
from repmon import clock

# Alert states that mean "this was not a problem"; see alerts/triage.py.
DISMISSED_STATES = ("dismissed", "false_positive", "safe")
# Tables that only describe evidence (screenshots, capture log, timestamps): they do not keep it alive.
_EVIDENCE_LOGS = ("screenshots", "evidence_captures", "evidence_timestamps", "evidence_purges")
# Takedowns that never left the building (a dismissed alert with one of these is still dismissable).
UNSENT_TAKEDOWN_STATES = ("draft", "withdrawn")


@dataclass
class PurgeResult:
    items: int = 0
    alerts: int = 0
    evidence: int = 0
    runs: int = 0
    accounts: int = 0
    files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"purged {self.items} irrelevant items, {self.alerts} alerts, {self.evidence} evidence records, "
                f"{len(self.files)} evidence files, {self.runs} old run records, {self.accounts} social accounts not flagged")


def _references(db: Any, table: str) -> list[tuple[str, str, bool, bool]]:
    """(table, column, nullable, cascades) for every foreign key pointing at `table`."""
    found = []
    for other in db.table_names():
        if other.startswith(("sqlite_", "_")) or "_fts" in other:
            continue
        columns = {c[1]: c for c in db.execute(f"PRAGMA table_info([{other}])").fetchall()}
        for fk in db.execute(f"PRAGMA foreign_key_list([{other}])").fetchall():
            if fk[2] == table:
                column = fk[3]
                nullable = not columns[column][3]
                found.append((other, column, nullable, str(fk[6]).upper() == "CASCADE"))
    return found


def _delete(store: Store, table: str, ids: list[int], reason: str) -> int:
    """Delete rows and whatever depends on them; nullable references to them are cleared instead.

    Evidence rows go only through data.evidence_log.purge_evidence, which logs who and why first
    (the evidence table refuses any other delete). Append-only logs that refuse having a
    reference cleared lose the referring row instead.
    """
    if not ids:
        return 0
    db = store.db
    if table == "evidence":
        from data.evidence_log import purge_evidence

        for evidence_id in ids:
            for other, column, nullable, cascades in _references(db, "evidence"):
                if other != "screenshots" and not cascades:
                    _unlink(store, other, column, nullable, [evidence_id], reason)
            purge_evidence(store, evidence_id, actor="retention", reason=reason)
        return len(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for other, column, nullable, cascades in _references(db, table):
            if not cascades and other != table:
                _unlink(store, other, column, nullable, chunk, reason)
        db.execute(f"DELETE FROM [{table}] WHERE rowid IN ({','.join('?' * len(chunk))})", chunk)
    return len(ids)


def _unlink(store: Store, table: str, column: str, nullable: bool, ids: list[int], reason: str) -> None:
    marks = ",".join("?" * len(ids))
    if nullable:
        try:
            store.db.execute(f"UPDATE [{table}] SET [{column}] = NULL WHERE [{column}] IN ({marks})", ids)
            return
        except sqlite3.IntegrityError:  # an append-only log: its rows go with what they describe
            pass
    dependants = [r[0] for r in store.db.execute(f"SELECT rowid FROM [{table}] WHERE [{column}] IN ({marks})", ids)]
    _delete(store, table, dependants, reason)


def _record(store: Store, rule: str, subject: str, detail: dict[str, Any]) -> None:
    store.db.execute("INSERT INTO purges (at, rule, subject, detail) VALUES (?, ?, ?, ?)",
                     [clock.iso(), rule, subject, json.dumps(detail, sort_keys=True)])


def purge(store: Store, *, irrelevant_days: int, dismissed_days: int, incident_years: int,
          run_log_days: int = 0, evidence_dir: Path | None = None, now: datetime | None = None) -> PurgeResult:
    now = now or clock.now()
    result = PurgeResult()
    db = store.db
    if irrelevant_days > 0:
        cutoff = clock.iso(now - timedelta(days=irrelevant_days))
        ids = [r[0] for r in db.execute(
            "SELECT i.id FROM items i WHERE i.stored_at < ?"
            " AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.item_id = i.id)"
            " AND EXISTS (SELECT 1 FROM findings f WHERE f.item_id = i.id)"
            " AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.item_id = i.id AND f.relevant = 1)",
            [cutoff]).fetchall()]
        if ids:
            with db.atomic():
                result.items = _delete(store, "items", ids, f"retention: irrelevant after {irrelevant_days} days")
                _record(store, "retention.irrelevant_days", f"{len(ids)} irrelevant items",
                        {"days": irrelevant_days, "stored_before": cutoff, "first_id": min(ids), "last_id": max(ids)})
    if dismissed_days > 0:
        cutoff = clock.iso(now - timedelta(days=dismissed_days))
        marks = ",".join("?" * len(DISMISSED_STATES))
        unsent = ",".join("?" * len(UNSENT_TAKEDOWN_STATES))
        rows = list(db.query(
            f"SELECT id, item_id, state, severity, created_at, updated_at FROM alerts a WHERE state IN ({marks})"
            f" AND updated_at < ? AND NOT EXISTS (SELECT 1 FROM takedowns t WHERE t.alert_id = a.id"
            f" AND t.state NOT IN ({unsent}))",
            [*DISMISSED_STATES, cutoff, *UNSENT_TAKEDOWN_STATES]))
        result.alerts += _purge_alerts(store, rows, "retention.dismissed_days", dismissed_days)
    if incident_years > 0:
        cutoff = clock.iso(now - timedelta(days=round(365.25 * incident_years)))
        rows = list(db.query("SELECT id, item_id, state, severity, created_at, updated_at FROM alerts"
                             " WHERE created_at < ?", [cutoff]))
        result.alerts += _purge_alerts(store, rows, "retention.incident_years", incident_years)
    if irrelevant_days > 0 and store.db["social_accounts"].exists():
        result.accounts = _purge_unflagged_accounts(store, clock.iso(now - timedelta(days=irrelevant_days)))
    if run_log_days > 0:
        result.runs = _purge_run_log(store, clock.iso(now - timedelta(days=run_log_days)))
    days = [d for d in (irrelevant_days, dismissed_days, round(365.25 * incident_years)) if d > 0]
    if days:
        cutoff = clock.iso(now - timedelta(days=min(days)))
        result.evidence = _purge_orphan_evidence(store, cutoff)
        if evidence_dir is not None:
            result.files = _purge_orphan_files(store, evidence_dir, now - timedelta(days=min(days)))
    return result


def _purge_alerts(store: Store, rows: list[dict[str, Any]], rule: str, limit: int) -> int:
    for row in rows:
        with store.db.atomic():
            reason = f"{rule}: alert {row['id']} ({row['state']}) past {limit}"
            _delete(store, "alerts", [row["id"]], reason)
            _delete(store, "items", [row["item_id"]], reason)
            _record(store, rule, f"alert {row['id']}", {
                "limit": limit, "state": row["state"], "severity": row["severity"],
                "created_at": row["created_at"], "updated_at": row["updated_at"], "item_id": row["item_id"]})
    return len(rows)


def _purge_unflagged_accounts(store: Store, cutoff: str) -> int:
    """Social accounts seen, judged not to impersonate anyone, and not seen since the cutoff."""
    cur = store.db.execute("DELETE FROM social_accounts WHERE alert_id IS NULL AND last_seen < ?", [cutoff])
    if cur.rowcount:
        _record(store, "retention.irrelevant_days", f"{cur.rowcount} social accounts not flagged",
                {"last_seen_before": cutoff})
    return int(cur.rowcount)


def _purge_run_log(store: Store, cutoff: str) -> int:
    """Old source-run records, keeping each source's latest (status needs it)."""
    cur = store.db.execute(
        "DELETE FROM source_runs WHERE started_at < ? AND status != 'running'"
        " AND id NOT IN (SELECT max(id) FROM source_runs GROUP BY source)", [cutoff])
    if cur.rowcount:
        _record(store, "retention.run_log_days", f"{cur.rowcount} run records", {"started_before": cutoff})
    return int(cur.rowcount)


def _purge_orphan_evidence(store: Store, cutoff: str) -> int:
    refs = [r for r in _references(store.db, "evidence") if r[0] not in _EVIDENCE_LOGS]
    conditions = " AND ".join(f"NOT EXISTS (SELECT 1 FROM [{t}] x WHERE x.[{c}] = e.id)" for t, c, _, _ in refs)
    sql = "SELECT e.id FROM evidence e WHERE e.fetched_at < ?" + (f" AND {conditions}" if conditions else "")
    ids = [r[0] for r in store.db.execute(sql, [cutoff]).fetchall()]
    if ids:
        with store.db.atomic():
            _delete(store, "evidence", ids, f"retention: no item or alert uses it; fetched before {cutoff}")
            _record(store, "retention", f"{len(ids)} evidence records no longer used",
                    {"fetched_before": cutoff, "first_id": min(ids), "last_id": max(ids)})
    return len(ids)


def _purge_orphan_files(store: Store, evidence_dir: Path, before: datetime) -> list[str]:
    if not evidence_dir.is_dir():
        return []
    used = {str(Path(r[0]).resolve()) for r in store.db.execute("SELECT DISTINCT warc_path FROM evidence").fetchall()}
    removed = []
    for path in sorted(evidence_dir.rglob("*.warc*")):
        if str(path.resolve()) in used or path.stat().st_mtime >= before.timestamp():
            continue
        path.unlink()
        removed.append(str(path))
    if removed:
        _record(store, "retention", f"{len(removed)} evidence files no longer used", {"files": removed})
    return removed
