"""The store: the only module that speaks SQL.

Everything else asks it for what it needs (``store.save_item(item)``,
``store.open_alerts()``), so the schema can move without touching the rest.
Every write that matters is one transaction; saving what is already stored
changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from data.db import open_db
from data.near_duplicates import assign_cluster
from repmon import clock
from repmon.config import SEVERITIES
from spiders.items import Item

ALERT_STATES = ("open", "acknowledged", "escalated", "takedown", "dismissed", "safe", "resolved")


def content_hash(title: str | None, text: str) -> str:
    """SHA-256 of the normalised title and text: the same words give the same hash."""
    norm = unicodedata.normalize("NFC", f"{title or ''}\n{text}")
    norm = re.sub(r"\s+", " ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _rowid(cursor: Any) -> int:
    """The id of the row an INSERT just made."""
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _row(row: dict[str, Any] | None, *json_fields: str) -> dict[str, Any] | None:
    if row is None:
        return None
    out = dict(row)
    for name in json_fields:
        if name in out and isinstance(out[name], str):
            out[name] = json.loads(out[name])
    return out


class Store:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    @classmethod
    def open(cls, path: str | Path) -> Store:
        return cls(open_db(path))

    def close(self) -> None:
        self.db.close()

    def _one(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> dict[str, Any] | None:
        for row in self.db.query(sql, params):
            return row
        return None

    # ---- evidence -------------------------------------------------------

    def find_evidence(self, url: str, sha256: str) -> dict[str, Any] | None:
        return _row(self._one("SELECT * FROM evidence WHERE url = ? AND sha256 = ?", [url, sha256]), "headers")

    def get_evidence(self, evidence_id: int) -> dict[str, Any] | None:
        return _row(self._one("SELECT * FROM evidence WHERE id = ?", [evidence_id]), "headers")

    def add_evidence(
        self, *, url: str, sha256: str, fetched_at: str, status: int | None, content_type: str | None,
        size: int, headers: dict[str, str], warc_path: str, warc_offset: int, warc_record_id: str,
    ) -> tuple[int, bool]:
        """Record one capture; return (id, created). A capture already recorded is not added again."""
        with self.db.atomic():
            existing = self.find_evidence(url, sha256)
            if existing:
                return existing["id"], False
            cur = self.db.execute(
                "INSERT INTO evidence (url, sha256, fetched_at, status, content_type, size, headers,"
                " warc_path, warc_offset, warc_record_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [url, sha256, fetched_at, status, content_type, size, _json(headers), warc_path, warc_offset, warc_record_id],
            )
            return _rowid(cur), True

    # ---- items ----------------------------------------------------------

    def save_item(self, item: Item) -> tuple[int, bool]:
        """Store an Item; return (id, created). The same canonical URL and content is stored once."""
        canonical = item.canonical_url or item.url
        digest = content_hash(item.title, item.text)
        with self.db.atomic():
            found = self._one("SELECT id FROM items WHERE canonical_url = ? AND content_hash = ?", [canonical, digest])
            if found:
                return found["id"], False
            cur = self.db.execute(
                "INSERT INTO items (source, url, canonical_url, content_hash, author, published, title, text, lang,"
                " fetched_at, evidence_id, raw, stored_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [item.source, item.url, canonical, digest, item.author, item.published, item.title, item.text,
                 item.lang, item.fetched_at or clock.iso(), item.evidence_id, _json(item.raw), clock.iso()],
            )
            item_id = _rowid(cur)
            assign_cluster(self.db, item_id, item.title, item.text)  # items.cluster_id: data/near_duplicates.py
            return item_id, True

    def get_item(self, item_id: int) -> dict[str, Any] | None:
        return _row(self._one("SELECT * FROM items WHERE id = ?", [item_id]), "raw")

    def items_with_content(self, content_hash: str) -> list[dict[str, Any]]:
        """Items holding the same words (same content hash) at any URL, oldest first: possible repeat postings."""
        return [_row(r, "raw") for r in self.db.query(  # type: ignore[misc]
            "SELECT * FROM items WHERE content_hash = ? ORDER BY id", [content_hash])]

    def count_items(self) -> int:
        row = self._one("SELECT count(*) AS n FROM items")
        return int(row["n"]) if row else 0

    def items_to_analyse(self, analyser: str) -> Iterator[dict[str, Any]]:
        """Items that have no finding from this analyser version yet, oldest first."""
        rows = list(self.db.query(
            "SELECT * FROM items WHERE id NOT IN (SELECT item_id FROM findings WHERE analyser = ?) ORDER BY id",
            [analyser],
        ))
        for row in rows:
            yield _row(row, "raw")  # type: ignore[misc]

    # ---- findings -------------------------------------------------------

    def save_finding(self, item_id: int, analyser: str, result: dict[str, Any]) -> tuple[int, bool]:
        """Store the analysis of an item (the ``repmon analyse`` output line); return (id, created)."""
        with self.db.atomic():
            found = self._one("SELECT id FROM findings WHERE item_id = ? AND analyser = ?", [item_id, analyser])
            if found:
                return found["id"], False
            cur = self.db.execute(
                "INSERT INTO findings (item_id, analyser, relevant, severity, mentions, flags, analysed_at)"
                " VALUES (?,?,?,?,?,?,?)",
                [item_id, analyser, int(bool(result["relevant"])), result["severity"],
                 _json(result.get("mentions", [])), _json(result.get("flags", [])), clock.iso()],
            )
            return _rowid(cur), True

    def get_finding(self, finding_id: int) -> dict[str, Any] | None:
        row = _row(self._one("SELECT * FROM findings WHERE id = ?", [finding_id]), "mentions", "flags")
        if row:
            row["relevant"] = bool(row["relevant"])
        return row

    def count_relevant(self) -> int:
        row = self._one("SELECT count(DISTINCT item_id) AS n FROM findings WHERE relevant = 1")
        return int(row["n"]) if row else 0

    # ---- alerts and their audit trail -----------------------------------

    def open_alert(self, item_id: int, finding_id: int, severity: str, categories: list[str],
                   actor: str = "repmon") -> tuple[int, bool]:
        """Open an alert for an item (one per item); return (id, created). Logged in alert_events."""
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r}")
        with self.db.atomic():
            found = self._one("SELECT id, severity FROM alerts WHERE item_id = ?", [item_id])
            if found:
                if SEVERITIES.index(severity) > SEVERITIES.index(found["severity"]):
                    # a newer analyser saw more in the item: the alert goes up (never down) and says why
                    self.db.execute(
                        "UPDATE alerts SET severity = ?, categories = ?, finding_id = ?, updated_at = ? WHERE id = ?",
                        [severity, _json(sorted(categories)), finding_id, clock.iso(), found["id"]])
                    self._event(found["id"], actor, "severity_raised",
                                {"from": found["severity"], "to": severity, "categories": sorted(categories)})
                return found["id"], False
            at = clock.iso()
            cur = self.db.execute(
                "INSERT INTO alerts (item_id, finding_id, severity, categories, state, created_at, updated_at)"
                " VALUES (?,?,?,?, 'open', ?, ?)",
                [item_id, finding_id, severity, _json(sorted(categories)), at, at],
            )
            alert_id = _rowid(cur)
            self._event(alert_id, actor, "opened", {"severity": severity, "categories": sorted(categories)}, at)
            return alert_id, True

    def alert_for_item(self, item_id: int) -> int | None:
        found = self._one("SELECT id FROM alerts WHERE item_id = ?", [item_id])
        return found["id"] if found else None

    def _event(self, alert_id: int, actor: str, action: str, detail: dict[str, Any], at: str | None = None) -> int:
        cur = self.db.execute(
            "INSERT INTO alert_events (alert_id, at, actor, action, detail) VALUES (?,?,?,?,?)",
            [alert_id, at or clock.iso(), actor, action, _json(detail)],
        )
        return _rowid(cur)

    def add_alert_event(self, alert_id: int, actor: str, action: str, detail: dict[str, Any] | None = None) -> int:
        with self.db.atomic():
            return self._event(alert_id, actor, action, detail or {})

    def set_alert_state(self, alert_id: int, state: str, actor: str, note: str = "") -> None:
        if state not in ALERT_STATES:
            raise ValueError(f"unknown alert state {state!r}; one of {', '.join(ALERT_STATES)}")
        with self.db.atomic():
            at = clock.iso()
            self.db.execute("UPDATE alerts SET state = ?, updated_at = ? WHERE id = ?", [state, at, alert_id])
            self._event(alert_id, actor, f"state:{state}", {"note": note} if note else {}, at)

    def alert_events(self, alert_id: int) -> list[dict[str, Any]]:
        return [_row(r, "detail") for r in self.db.query(  # type: ignore[misc]
            "SELECT * FROM alert_events WHERE alert_id = ? ORDER BY id", [alert_id])]

    _ALERT_VIEW = (
        "SELECT a.*, i.source, i.url, i.canonical_url, i.title, i.author, i.published, i.text, i.fetched_at,"
        " i.evidence_id, f.mentions, f.flags, f.relevant, e.sha256 AS evidence_sha256, e.fetched_at AS evidence_fetched_at,"
        " e.warc_path AS evidence_warc_path"
        " FROM alerts a JOIN items i ON i.id = a.item_id JOIN findings f ON f.id = a.finding_id"
        " LEFT JOIN evidence e ON e.id = i.evidence_id"
    )

    def get_alert(self, alert_id: int) -> dict[str, Any] | None:
        return _row(self._one(self._ALERT_VIEW + " WHERE a.id = ?", [alert_id]), "categories", "mentions", "flags")

    def alerts(self, *, since: str | None = None, states: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        """Alerts with their item and finding, most severe first, then oldest first."""
        where, params = [], []
        if since:
            where.append("a.created_at >= ?")
            params.append(since)
        if states:
            where.append(f"a.state IN ({','.join('?' * len(states))})")
            params.extend(states)
        order = " ORDER BY CASE a.severity " + " ".join(
            f"WHEN '{s}' THEN {i}" for i, s in enumerate(reversed(SEVERITIES))) + " END, a.created_at, a.id"
        sql = self._ALERT_VIEW + (" WHERE " + " AND ".join(where) if where else "") + order
        return [_row(r, "categories", "mentions", "flags") for r in self.db.query(sql, params)]  # type: ignore[misc]

    # ---- takedowns ------------------------------------------------------

    def save_takedown(self, *, alert_id: int, letter_type: str, recipient: str, deadline: str | None,
                      body: str, files: list[str], actor: str = "repmon") -> tuple[int, bool]:
        """Record a letter draft (one per alert and letter type); return (id, created)."""
        with self.db.atomic():
            found = self._one("SELECT id FROM takedowns WHERE alert_id = ? AND letter_type = ?", [alert_id, letter_type])
            if found:
                return found["id"], False
            at = clock.iso()
            cur = self.db.execute(
                "INSERT INTO takedowns (alert_id, letter_type, recipient, state, deadline, body, files, created_at)"
                " VALUES (?,?,?, 'draft', ?,?,?,?)",
                [alert_id, letter_type, recipient, deadline, body, _json(files), at],
            )
            takedown_id = _rowid(cur)
            self._event(alert_id, actor, "takedown_drafted", {"takedown_id": takedown_id, "letter_type": letter_type}, at)
            return takedown_id, True

    def find_takedown(self, alert_id: int, letter_type: str) -> dict[str, Any] | None:
        """The takedown drafted for this alert and letter type, if any."""
        return _row(self._one("SELECT * FROM takedowns WHERE alert_id = ? AND letter_type = ?",
                              [alert_id, letter_type]), "files")

    def takedowns(self, *, states: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM takedowns"
        params: list[Any] = []
        if states:
            sql += f" WHERE state IN ({','.join('?' * len(states))})"
            params.extend(states)
        return [_row(r, "files") for r in self.db.query(sql + " ORDER BY id", params)]  # type: ignore[misc]

    # ---- source runs ----------------------------------------------------

    def start_run(self, source: str) -> int:
        cur = self.db.execute("INSERT INTO source_runs (source, started_at, pid) VALUES (?, ?, ?)",
                              [source, clock.iso(), os.getpid()])
        return _rowid(cur)

    def finish_run(self, run_id: int, *, ok: bool, message: str = "", items_seen: int = 0, items_new: int = 0,
                   errors: int = 0, stats: dict[str, Any] | None = None) -> None:
        self.db.execute(
            "UPDATE source_runs SET finished_at = ?, status = ?, message = ?, items_seen = ?, items_new = ?,"
            " errors = ?, stats = ? WHERE id = ?",
            [clock.iso(), "ok" if ok else "error", message[:2000], items_seen, items_new, errors,
             _json(stats or {}), run_id],
        )

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        return _row(self._one("SELECT * FROM source_runs WHERE id = ?", [run_id]), "stats")

    def runs(self, *, since: str | None = None) -> list[dict[str, Any]]:
        sql, params = "SELECT * FROM source_runs", []
        if since:
            sql += " WHERE started_at >= ?"
            params.append(since)
        return [_row(r, "stats") for r in self.db.query(sql + " ORDER BY id", params)]  # type: ignore[misc]

    # ---- outbox (every e-mail goes through it) --------------------------

    def queue_message(self, *, kind: str, dedupe_key: str, recipients: list[str], subject: str,
                      message: bytes, alert_id: int | None = None) -> tuple[int, bool]:
        """Queue an e-mail (or a webhook call) once per dedupe_key; return (id, created)."""
        with self.db.atomic():
            found = self._one("SELECT id FROM outbox WHERE dedupe_key = ?", [dedupe_key])
            if found:
                return found["id"], False
            cur = self.db.execute(
                "INSERT INTO outbox (kind, dedupe_key, recipients, subject, message, created_at, alert_id)"
                " VALUES (?,?,?,?,?,?,?)",
                [kind, dedupe_key, _json(recipients), subject, message, clock.iso(), alert_id],
            )
            return _rowid(cur), True

    def pending_messages(self) -> list[dict[str, Any]]:
        return [_row(r, "recipients", "delivered") for r in self.db.query(  # type: ignore[misc]
            "SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY id")]

    def get_message(self, message_id: int) -> dict[str, Any] | None:
        return _row(self._one("SELECT * FROM outbox WHERE id = ?", [message_id]), "recipients", "delivered")

    def claim_messages(self, token: str, lease_seconds: int) -> list[dict[str, Any]]:
        """Claim every pending message that is due and not claimed by another run (claims expire after
        ``lease_seconds``); return them. Two runs flushing at once never get the same message."""
        now = clock.now()
        with self.db.atomic():
            self.db.execute(
                "UPDATE outbox SET claim_token = ?, claimed_until = ? WHERE sent_at IS NULL"
                " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
                " AND (claimed_until IS NULL OR claimed_until < ?)",
                [token, clock.iso(now + timedelta(seconds=lease_seconds)), clock.iso(now), clock.iso(now)])
        return [_row(r, "recipients", "delivered") for r in self.db.query(  # type: ignore[misc]
            "SELECT * FROM outbox WHERE claim_token = ? AND sent_at IS NULL ORDER BY id", [token])]

    def mark_sent(self, message_id: int, delivered: list[str] | None = None) -> None:
        self.db.execute(
            "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = '', claim_token = NULL,"
            " claimed_until = NULL, delivered = ? WHERE id = ?",
            [clock.iso(), _json(delivered or []), message_id])

    def mark_failed(self, message_id: int, error: str, *, retry_at: str | None = None,
                    delivered: list[str] | None = None) -> None:
        """Record a failed attempt; the message is due again at ``retry_at`` (at once when None).
        ``delivered``: recipients who already have it (they are not sent it again)."""
        sets, params = "", []
        if delivered is not None:
            sets, params = ", delivered = ?", [_json(delivered)]
        self.db.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claim_token = NULL,"
            f" claimed_until = NULL{sets} WHERE id = ?",
            [error[:1000], retry_at, *params, message_id])
