"""The triage queue: alerts filtered, searched, counted and paged for the web app."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from data.store import Store
from repmon.config import SEVERITIES

ACTIVE_STATES = ("open", "acknowledged", "escalated", "takedown")
SAFEGUARDING = "safeguarding"


@dataclass(frozen=True)
class QueueFilter:
    states: tuple[str, ...] = ACTIVE_STATES
    severity: str = ""
    category: str = ""
    source: str = ""
    person: str = ""          # a mention ref from the profile (staff-003, pupil-0042, qehs)
    assignee: str = ""
    since: str = ""           # YYYY-MM-DD, on the alert's creation day (UTC)
    until: str = ""
    search: str = ""          # words searched in item titles, texts and authors
    hide_safeguarding_matches: bool = False  # a search or person filter must not reveal what a redacted item holds


def fts_query(words: str) -> str:
    """Each word as a quoted FTS5 string, so punctuation in a search cannot be read as query syntax."""
    tokens = [t for t in re.split(r"\s+", words.strip()) if t][:20]
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def _where(f: QueueFilter) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.states:
        where.append(f"a.state IN ({','.join('?' * len(f.states))})")
        params.extend(f.states)
    if f.severity:
        where.append("a.severity = ?")
        params.append(f.severity)
    if f.category:
        where.append("EXISTS (SELECT 1 FROM json_each(a.categories) c WHERE c.value = ?)")
        params.append(f.category)
    if f.source:
        where.append("i.source = ?")
        params.append(f.source)
    if f.person:
        where.append("EXISTS (SELECT 1 FROM json_each(f.mentions) m WHERE json_extract(m.value, '$.ref') = ?)")
        params.append(f.person)
    if f.assignee:
        where.append("a.assignee = ?")
        params.append(f.assignee)
    if f.since:
        where.append("a.created_at >= ?")
        params.append(f.since)
    if f.until:
        where.append("a.created_at < date(?, '+1 day')")
        params.append(f.until)
    if f.search.strip():
        where.append("i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
        params.append(fts_query(f.search))
    if f.hide_safeguarding_matches and (f.search.strip() or f.person or f.source):
        where.append("NOT EXISTS (SELECT 1 FROM json_each(a.categories) c WHERE c.value = ?)")
        params.append(SAFEGUARDING)
    return (" WHERE " + " AND ".join(where)) if where else "", params


_ORDER = (" ORDER BY CASE a.severity " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(reversed(SEVERITIES)))
          + " END, a.created_at, a.id")


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for name in ("categories", "mentions", "flags"):
        if isinstance(out.get(name), str):
            out[name] = json.loads(out[name])
    return out


def queue(store: Store, f: QueueFilter, *, page: int = 1, page_size: int = 25) -> tuple[list[dict[str, Any]], int]:
    """One page of alerts (most severe, then oldest, first) and the number of alerts that match."""
    where, params = _where(f)
    base = " FROM alerts a JOIN items i ON i.id = a.item_id JOIN findings f ON f.id = a.finding_id" + where
    total_row = store._one("SELECT count(*) AS n" + base, params)
    total = int(total_row["n"]) if total_row else 0
    rows = store.db.query(
        "SELECT a.*, i.source, i.url, i.title, i.author, i.published, substr(i.text, 1, 400) AS snippet,"
        " f.mentions, f.flags" + base + _ORDER + " LIMIT ? OFFSET ?",
        [*params, page_size, max(page - 1, 0) * page_size])
    return [_decode(r) for r in rows], total


def state_counts(store: Store) -> dict[str, int]:
    return {str(r["state"]): int(r["n"]) for r in store.db.query(
        "SELECT state, count(*) AS n FROM alerts GROUP BY state")}


def sources(store: Store) -> list[str]:
    return [str(r["source"]) for r in store.db.query(
        "SELECT DISTINCT i.source FROM alerts a JOIN items i ON i.id = a.item_id ORDER BY 1")]


def set_assignee(store: Store, alert_id: int, assignee: str | None) -> None:
    store.db.execute("UPDATE alerts SET assignee = ? WHERE id = ?", [assignee, alert_id])


def related_items(store: Store, item: dict[str, Any], limit: int = 20) -> list[dict[str, Any]]:
    """Items that belong with this one: the same page or words elsewhere, the same thread or cluster,
    and other posts by the same author on the same source. Each with its alert id and why it is related."""
    columns = set(store.db["items"].columns_dict)
    clauses = ["i.canonical_url = :canonical", "i.content_hash = :hash"]
    if item.get("author"):
        clauses.append("(i.author = :author AND i.source = :source)")
    for extra in ("thread_id", "cluster_id"):
        if extra in columns and item.get(extra) is not None:
            clauses.append(f"i.{extra} = :{extra}")
    raw = item.get("raw") or {}
    thread = raw.get("thread") or raw.get("thread_id") or raw.get("parent_url") if isinstance(raw, dict) else None
    params: dict[str, Any] = {"id": item["id"], "canonical": item["canonical_url"], "hash": item["content_hash"],
                              "author": item.get("author"), "source": item["source"],
                              "thread_id": item.get("thread_id"), "cluster_id": item.get("cluster_id"),
                              "thread": str(thread) if thread else None, "limit": limit}
    if thread:
        clauses.append("(json_extract(i.raw, '$.thread') = :thread OR json_extract(i.raw, '$.thread_id') = :thread"
                       " OR json_extract(i.raw, '$.parent_url') = :thread OR i.canonical_url = :thread)")
    rows = store.db.query(
        "SELECT i.id, i.source, i.url, i.canonical_url, i.content_hash, i.title, i.author, i.fetched_at,"
        " a.id AS alert_id, a.state AS alert_state, a.categories AS categories FROM items i"
        " LEFT JOIN alerts a ON a.item_id = i.id WHERE i.id != :id AND (" + " OR ".join(clauses) + ")"
        " ORDER BY i.id DESC LIMIT :limit", params)
    out = []
    for row in rows:
        r = dict(row)
        r["categories"] = json.loads(r["categories"]) if r.get("categories") else []
        why = []
        if r["canonical_url"] == item["canonical_url"]:
            why.append("same page, another version")
        if r["content_hash"] == item["content_hash"]:
            why.append("same words at another address")
        if item.get("author") and r["author"] == item.get("author"):
            why.append("same author")
        r["why"] = ", ".join(why) or "same thread or cluster"
        out.append(r)
    return out
