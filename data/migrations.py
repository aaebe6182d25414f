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


def m006_social_impersonation(db: sqlite_utils.Database) -> None:
    """Accounts looked at for impersonation: one row per platform account, its verdict and alert (data/accounts.py)."""
    db.execute("""
        CREATE TABLE social_accounts (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            account_key TEXT NOT NULL,
            handle TEXT NOT NULL,
            display_name TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            created_at TEXT,
            followers INTEGER,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            verdict TEXT NOT NULL,
            score REAL NOT NULL DEFAULT 0,
            reasons TEXT NOT NULL DEFAULT '[]',
            alert_id INTEGER,            -- no foreign key: retention may delete the alert, the account stays known
            UNIQUE (platform, account_key)
        )""")
    db.execute("CREATE INDEX social_accounts_verdict ON social_accounts(verdict)")


def m007_alerts_letters(db: sqlite_utils.Database) -> None:
    """Takedown lifecycle and audit, letter versions, removal checks; outbox retry, claim and partial delivery."""
    for statement in _ALERTS_LETTERS.split(";\n"):
        if statement.strip():
            db.execute(statement)


_ALERTS_LETTERS = """
ALTER TABLE takedowns ADD COLUMN updated_at TEXT;
ALTER TABLE takedowns ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE takedowns ADD COLUMN url TEXT NOT NULL DEFAULT '';
ALTER TABLE takedowns ADD COLUMN quote TEXT NOT NULL DEFAULT '';
ALTER TABLE takedowns ADD COLUMN recipient_how TEXT NOT NULL DEFAULT '';
ALTER TABLE takedowns ADD COLUMN approved_by TEXT;
ALTER TABLE takedowns ADD COLUMN approved_at TEXT;
ALTER TABLE takedowns ADD COLUMN approved_sha256 TEXT;
ALTER TABLE takedowns ADD COLUMN sent_at TEXT;
ALTER TABLE takedowns ADD COLUMN closed_at TEXT;
ALTER TABLE takedowns ADD COLUMN replaced_by INTEGER REFERENCES takedowns(id);
CREATE INDEX takedowns_state ON takedowns(state);
CREATE TABLE takedown_events (
    id INTEGER PRIMARY KEY,
    takedown_id INTEGER NOT NULL REFERENCES takedowns(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX takedown_events_takedown ON takedown_events(takedown_id);
CREATE TABLE takedown_versions (
    id INTEGER PRIMARY KEY,
    takedown_id INTEGER NOT NULL REFERENCES takedowns(id),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (takedown_id, version)
);
CREATE TABLE removal_checks (
    id INTEGER PRIMARY KEY,
    takedown_id INTEGER NOT NULL REFERENCES takedowns(id),
    url TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    outcome TEXT NOT NULL,
    http_status INTEGER,
    reason TEXT NOT NULL DEFAULT '',
    evidence_id INTEGER REFERENCES evidence(id)
);
CREATE INDEX removal_checks_takedown ON removal_checks(takedown_id, checked_at);
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN claim_token TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
ALTER TABLE outbox ADD COLUMN delivered TEXT NOT NULL DEFAULT '[]';
ALTER TABLE outbox ADD COLUMN alert_id INTEGER;
CREATE INDEX outbox_pending ON outbox(sent_at, next_attempt_at)
"""


def m008_web_app(db: sqlite_utils.Database) -> None:
    """Triage web app: users, login attempts, sessions, suppressions, who an alert is assigned to."""
    for statement in _WEB_APP.split(";\n"):
        if statement.strip():
            db.execute(statement)


_WEB_APP = """
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
);
CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    at TEXT NOT NULL,
    ok INTEGER NOT NULL,
    remote TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX login_attempts_name ON login_attempts(name, at);
CREATE TABLE web_sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE TABLE suppressions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('author', 'url', 'phrase')),
    value TEXT NOT NULL,
    reason TEXT NOT NULL,
    alert_id INTEGER REFERENCES alerts(id),
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL,
    lifted_at TEXT,
    lifted_by TEXT
);
ALTER TABLE alerts ADD COLUMN assignee TEXT
"""


def m009_scheduler(db: sqlite_utils.Database) -> None:
    """Which process a source run belongs to (to tell a crash from a run in progress), and the purge audit."""
    db.execute("ALTER TABLE source_runs ADD COLUMN pid INTEGER")
    db.execute(
        "CREATE TABLE purges (id INTEGER PRIMARY KEY, at TEXT NOT NULL, rule TEXT NOT NULL,"
        " subject TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}')"
    )
    db.execute("CREATE INDEX purges_at ON purges(at)")


def m003_web_collection(db: sqlite_utils.Database) -> None:
    """HTTP validators and the seen-store (data/seen.py), the search budget (data/search_budget.py),
    near-duplicate clusters (data/near_duplicates.py)."""
    for statement in _WEB_COLLECTION.split(";\n"):
        if statement.strip():
            db.execute(statement)


_WEB_COLLECTION = """
CREATE TABLE page_validators (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    sha256 TEXT,
    links TEXT NOT NULL DEFAULT '[]',
    checked_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE TABLE search_budget (
    engine TEXT NOT NULL,
    day TEXT NOT NULL,
    results INTEGER NOT NULL DEFAULT 0,
    requests INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (engine, day)
);
ALTER TABLE items ADD COLUMN cluster_id INTEGER;
UPDATE items SET cluster_id = id;
CREATE INDEX items_cluster ON items(cluster_id);
CREATE TABLE item_fingerprints (
    fingerprint INTEGER NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    PRIMARY KEY (fingerprint, item_id)
) WITHOUT ROWID;
CREATE INDEX item_fingerprints_item ON item_fingerprints(item_id)
"""


def m005_social_sources(db: sqlite_utils.Database) -> None:
    """Social sources: cursors per source and query, monthly read usage, posts and threads followed."""
    for statement in _SOCIAL_SOURCES.split(";\n"):
        if statement.strip():
            db.execute(statement)


_SOCIAL_SOURCES = """
CREATE TABLE social_cursors (
    source TEXT NOT NULL,
    query TEXT NOT NULL,
    cursor TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source, query)
);
CREATE TABLE social_usage (
    source TEXT NOT NULL,
    month TEXT NOT NULL,
    reads INTEGER NOT NULL DEFAULT 0,
    requests INTEGER NOT NULL DEFAULT 0,
    read_limit INTEGER,
    unit TEXT NOT NULL DEFAULT 'requests',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (source, month)
);
CREATE TABLE social_posts (
    source TEXT NOT NULL,
    post_id TEXT NOT NULL,
    thread_id TEXT,
    url TEXT NOT NULL DEFAULT '',
    item_id INTEGER REFERENCES items(id),
    state TEXT NOT NULL DEFAULT 'live',
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    state_at TEXT NOT NULL,
    evidence_id INTEGER REFERENCES evidence(id),
    PRIMARY KEY (source, post_id)
);
CREATE INDEX social_posts_item ON social_posts(item_id);
CREATE TABLE social_threads (
    source TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    query TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_activity TEXT NOT NULL,
    last_checked TEXT,
    cursor TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (source, thread_id)
)
"""


def m004_evidence_capture(db: sqlite_utils.Database) -> None:
    """Screenshots, the capture log (every fetch of a flagged URL, kept or not), RFC 3161 timestamps,
    and triggers that keep evidence append-only (a row leaves only through a recorded purge)."""
    for statement in _EVIDENCE_CAPTURE.split(";\n--\n"):
        if statement.strip():
            db.execute(statement)


_EVIDENCE_CAPTURE = """
CREATE TABLE screenshots (
    id INTEGER PRIMARY KEY,
    item_id INTEGER REFERENCES items(id),
    evidence_id INTEGER REFERENCES evidence(id),
    url TEXT NOT NULL,
    final_url TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    browser TEXT NOT NULL DEFAULT ''
);
--
CREATE INDEX screenshots_item ON screenshots(item_id);
--
CREATE TABLE evidence_captures (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    final_url TEXT,
    item_id INTEGER REFERENCES items(id),
    alert_id INTEGER REFERENCES alerts(id),
    evidence_id INTEGER,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT NOT NULL,
    outcome TEXT NOT NULL,
    http_status INTEGER,
    sha256 TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
--
CREATE INDEX evidence_captures_item ON evidence_captures(item_id, at);
--
CREATE INDEX evidence_captures_alert ON evidence_captures(alert_id, at);
--
CREATE TABLE evidence_timestamps (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    tsa_url TEXT NOT NULL,
    gen_time TEXT NOT NULL,
    serial TEXT NOT NULL,
    token BLOB NOT NULL,
    requested_at TEXT NOT NULL
);
--
CREATE INDEX evidence_timestamps_subject ON evidence_timestamps(subject, subject_id);
--
CREATE TABLE evidence_purges (
    id INTEGER PRIMARY KEY,
    evidence_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT NOT NULL
);
--
CREATE TRIGGER evidence_append_only_update BEFORE UPDATE ON evidence
BEGIN
    SELECT RAISE(ABORT, 'evidence is only ever added to: an evidence row cannot be changed; capture again instead');
END;
--
CREATE TRIGGER evidence_append_only_delete BEFORE DELETE ON evidence
WHEN NOT EXISTS (SELECT 1 FROM evidence_purges WHERE evidence_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'evidence is only ever added to: record the purge in evidence_purges (who, why) before deleting a row');
END;
--
CREATE TRIGGER screenshots_append_only_update BEFORE UPDATE ON screenshots
BEGIN
    SELECT RAISE(ABORT, 'evidence is only ever added to: a screenshot row cannot be changed; take another instead');
END;
--
CREATE TRIGGER screenshots_append_only_delete BEFORE DELETE ON screenshots
WHEN OLD.evidence_id IS NULL OR NOT EXISTS (SELECT 1 FROM evidence_purges WHERE evidence_id = OLD.evidence_id)
BEGIN
    SELECT RAISE(ABORT, 'evidence is only ever added to: a screenshot leaves only with its purged evidence row');
END;
--
CREATE TRIGGER evidence_captures_append_only_update BEFORE UPDATE ON evidence_captures
BEGIN
    SELECT RAISE(ABORT, 'evidence is only ever added to: the capture log cannot be changed');
END;
--
CREATE TRIGGER evidence_timestamps_append_only_update BEFORE UPDATE ON evidence_timestamps
BEGIN
    SELECT RAISE(ABORT, 'evidence is only ever added to: a timestamp token cannot be changed');
END;
--
CREATE TRIGGER evidence_purges_append_only BEFORE UPDATE ON evidence_purges
BEGIN
    SELECT RAISE(ABORT, 'the purge log is only ever added to');
END;
--
CREATE TRIGGER evidence_purges_never_deleted BEFORE DELETE ON evidence_purges
BEGIN
    SELECT RAISE(ABORT, 'the purge log is only ever added to');
END
"""


MIGRATIONS: tuple[tuple[str, Callable[[sqlite_utils.Database], None]], ...] = (
    ("001_core", m001_core),
    ("002_items_fts", m002_items_fts),
    ("003_web_collection", m003_web_collection),
    ("004_evidence_capture", m004_evidence_capture),
    ("005_social_sources", m005_social_sources),
    ("006_social_impersonation", m006_social_impersonation),
    ("007_alerts_letters", m007_alerts_letters),
    ("008_web_app", m008_web_app),
    ("009_scheduler", m009_scheduler),
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
