"""Named schema migrations, applied in order, each once, each in one transaction.

Add a migration by appending a function to MIGRATIONS; never edit one that has
shipped (a database in a school may already have run it).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def m001_core(db: sqlite_utils.Database) -> None:
    for statement in _CORE.split(";\n"):
        if statement.strip():
            db.execute(statement)


_CORE = """
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    size INTEGER NOT NULL,
    headers TEXT NOT NULL DEFAULT '{}',
    warc_path TEXT NOT NULL,
    warc_offset INTEGER NOT NULL,
    warc_record_id TEXT NOT NULL,
    UNIQUE (url, sha256)
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    canonical_url TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    author TEXT,
    published TEXT,
    title TEXT,
    text TEXT NOT NULL,
    lang TEXT,
    fetched_at TEXT NOT NULL,
    evidence_id INTEGER REFERENCES evidence(id),
    raw TEXT NOT NULL DEFAULT '{}',
    stored_at TEXT NOT NULL,
    UNIQUE (canonical_url, content_hash)
);
CREATE INDEX items_source ON items(source);
CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    analyser TEXT NOT NULL,
    relevant INTEGER NOT NULL,
    severity TEXT NOT NULL,
    mentions TEXT NOT NULL,
    flags TEXT NOT NULL,
    analysed_at TEXT NOT NULL,
    UNIQUE (item_id, analyser)
);
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL UNIQUE REFERENCES items(id),
    finding_id INTEGER NOT NULL REFERENCES findings(id),
    severity TEXT NOT NULL,
    categories TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX alerts_state ON alerts(state, severity);
CREATE TABLE alert_events (
    id INTEGER PRIMARY KEY,
    alert_id INTEGER NOT NULL REFERENCES alerts(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX alert_events_alert ON alert_events(alert_id);
CREATE TABLE takedowns (
    id INTEGER PRIMARY KEY,
    alert_id INTEGER NOT NULL REFERENCES alerts(id),
    letter_type TEXT NOT NULL,
    recipient TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'draft',
    deadline TEXT,
    body TEXT NOT NULL,
    files TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    UNIQUE (alert_id, letter_type)
);
CREATE TABLE source_runs (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    message TEXT NOT NULL DEFAULT '',
    items_seen INTEGER NOT NULL DEFAULT 0,
    items_new INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    stats TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX source_runs_source ON source_runs(source, started_at);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    recipients TEXT NOT NULL,
    subject TEXT NOT NULL,
    message BLOB NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
)
"""


def m002_items_fts(db: sqlite_utils.Database) -> None:
    db.table("items").enable_fts(["title", "text", "author"], create_triggers=True)


MIGRATIONS: tuple[tuple[str, Callable[[sqlite_utils.Database], None]], ...] = (
    ("001_core", m001_core),
    ("002_items_fts", m002_items_fts),
    # Reserved, in this order, so parallel work does not collide:
    # 003 web collection (spiders/), 004 evidence capture, 005 social sources,
    # 006 social impersonation, 007 alerts/letters, 008 web app, 009 scheduler.
)


def apply(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations this database has not had yet; return their names."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row["name"] for row in db.query("SELECT name FROM _migrations")}
    applied = []
    for name, migrate in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            migrate(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
                [name],
            )
        applied.append(name)
    return applied
