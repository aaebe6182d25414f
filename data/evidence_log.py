"""What the evidence tables hold beyond the WARC rows: screenshots, the capture log, timestamps, purges.

All of it is only ever added to (migration 004 puts triggers on the tables
that refuse UPDATE, and DELETE of evidence unless a purge was recorded first).

- ``screenshots``: one row per PNG taken of a page (path, SHA-256, time).
- ``evidence_captures``: one row per time a flagged or reported URL was
  fetched for evidence, whatever came of it: ``kept`` (new WARC record),
  ``unchanged`` (same body as a record already kept), ``gone`` (404 or 410),
  ``withheld`` (possible child abuse material: hash and text only, no WARC,
  no screenshot), ``media_not_kept`` (an image, video or audio URL: never
  downloaded), ``refused`` (address rules) or ``error``.
- ``evidence_timestamps``: RFC 3161 tokens for an evidence or screenshot hash.
- ``evidence_purges``: who removed which evidence row and why (retention).
"""

from __future__ import annotations

import json
from typing import Any

from data.store import Store
from repmon import clock

CAPTURE_OUTCOMES = ("kept", "unchanged", "gone", "withheld", "media_not_kept", "refused", "error")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _rows(store: Store, sql: str, params: list[Any], *json_fields: str) -> list[dict[str, Any]]:
    out = []
    for row in store.db.query(sql, params):
        row = dict(row)
        for name in json_fields:
            if isinstance(row.get(name), str):
                row[name] = json.loads(row[name])
        out.append(row)
    return out


def _insert(store: Store, table: str, values: dict[str, Any]) -> int:
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cur = store.db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values()))
    assert cur.lastrowid is not None
    return int(cur.lastrowid)


# ---- screenshots -----------------------------------------------------------

def add_screenshot(store: Store, *, item_id: int | None, evidence_id: int | None, url: str, final_url: str,
                   path: str, sha256: str, taken_at: str, width: int, height: int, browser: str) -> int:
    with store.db.atomic():
        return _insert(store, "screenshots", {
            "item_id": item_id, "evidence_id": evidence_id, "url": url, "final_url": final_url, "path": path,
            "sha256": sha256, "taken_at": taken_at, "width": width, "height": height, "browser": browser})


def screenshots_for_item(store: Store, item_id: int) -> list[dict[str, Any]]:
    return _rows(store, "SELECT * FROM screenshots WHERE item_id = ? ORDER BY id", [item_id])


def get_screenshot(store: Store, screenshot_id: int) -> dict[str, Any] | None:
    rows = _rows(store, "SELECT * FROM screenshots WHERE id = ?", [screenshot_id])
    return rows[0] if rows else None


# ---- the capture log -------------------------------------------------------

def log_capture(store: Store, *, url: str, actor: str, reason: str, outcome: str, item_id: int | None = None,
                alert_id: int | None = None, evidence_id: int | None = None, final_url: str | None = None,
                http_status: int | None = None, sha256: str | None = None,
                detail: dict[str, Any] | None = None, at: str | None = None) -> int:
    if outcome not in CAPTURE_OUTCOMES:
        raise ValueError(f"unknown capture outcome {outcome!r}")
    with store.db.atomic():
        return _insert(store, "evidence_captures", {
            "url": url, "final_url": final_url, "item_id": item_id, "alert_id": alert_id,
            "evidence_id": evidence_id, "at": at or clock.iso(), "actor": actor, "reason": reason,
            "outcome": outcome, "http_status": http_status, "sha256": sha256, "detail": _json(detail or {})})


def captures_for_item(store: Store, item_id: int) -> list[dict[str, Any]]:
    return _rows(store, "SELECT * FROM evidence_captures WHERE item_id = ? ORDER BY id", [item_id], "detail")


# ---- evidence rows an item's case holds ------------------------------------

def evidence_for_item(store: Store, item: dict[str, Any]) -> list[dict[str, Any]]:
    """Every evidence row of an item: its own capture, later re-captures, and anything kept at its URL."""
    urls = sorted({item["url"], item.get("canonical_url") or item["url"]})
    marks = ",".join("?" for _ in urls)
    return _rows(store, (
        "SELECT * FROM evidence WHERE id = ? OR url IN (" + marks + ") OR id IN "
        "(SELECT evidence_id FROM evidence_captures WHERE item_id = ? AND evidence_id IS NOT NULL)"
        " OR id IN (SELECT evidence_id FROM screenshots WHERE item_id = ? AND evidence_id IS NOT NULL)"
        " ORDER BY fetched_at, id"), [item.get("evidence_id") or 0, *urls, item["id"], item["id"]], "headers")


def findings_for_item(store: Store, item_id: int) -> list[dict[str, Any]]:
    rows = _rows(store, "SELECT * FROM findings WHERE item_id = ? ORDER BY id", [item_id], "mentions", "flags")
    for row in rows:
        row["relevant"] = bool(row["relevant"])
    return rows


def alert_for_item(store: Store, item_id: int) -> int | None:
    rows = _rows(store, "SELECT id FROM alerts WHERE item_id = ?", [item_id])
    return int(rows[0]["id"]) if rows else None


def alerts_in_states(store: Store, states: list[str]) -> list[dict[str, Any]]:
    """Alerts in these states with their item's URL, oldest first."""
    if not states:
        return []
    marks = ",".join("?" for _ in states)
    return _rows(store, (
        "SELECT a.id AS alert_id, a.state, a.item_id, i.url, i.canonical_url, i.evidence_id FROM alerts a"
        " JOIN items i ON i.id = a.item_id WHERE a.state IN (" + marks + ") ORDER BY a.id"), list(states))


# ---- timestamps ------------------------------------------------------------

def add_timestamp(store: Store, *, subject: str, subject_id: int, sha256: str, tsa_url: str, gen_time: str,
                  serial: str, token: bytes) -> int:
    with store.db.atomic():
        return _insert(store, "evidence_timestamps", {
            "subject": subject, "subject_id": subject_id, "sha256": sha256, "tsa_url": tsa_url,
            "gen_time": gen_time, "serial": serial, "token": token, "requested_at": clock.iso()})


def timestamps_for(store: Store, subject: str, subject_ids: list[int]) -> list[dict[str, Any]]:
    if not subject_ids:
        return []
    marks = ",".join("?" for _ in subject_ids)
    return _rows(store, f"SELECT * FROM evidence_timestamps WHERE subject = ? AND subject_id IN ({marks}) ORDER BY id",
                 [subject, *subject_ids])


# ---- purges (retention) ----------------------------------------------------

def purge_evidence(store: Store, evidence_id: int, *, actor: str, reason: str) -> None:
    """Remove one evidence row (and its screenshots) after recording who and why.

    The capture log keeps the purged row's id (it is a log, so it is never
    edited). The WARC record itself stays in its file (files are only
    appended to); the retention job removes whole WARC files once none of
    their rows remain.
    """
    if not reason.strip():
        raise ValueError("a purge needs a reason (for example 'retention: case closed 2026-01-01')")
    with store.db.atomic():
        _insert(store, "evidence_purges", {"evidence_id": evidence_id, "at": clock.iso(), "actor": actor,
                                           "reason": reason})
        store.db.execute("DELETE FROM screenshots WHERE evidence_id = ?", [evidence_id])
        store.db.execute("UPDATE items SET evidence_id = NULL WHERE evidence_id = ?", [evidence_id])
        store.db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
