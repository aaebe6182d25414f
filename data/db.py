"""Open the database: one SQLite file, WAL mode, migrated to the current schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from data import migrations
from repmon.errors import StoreError


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at ``path``; ':memory:' for tests."""
    try:
        if str(path) == ":memory:":
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        else:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 30000")
        if str(path) != ":memory:":
            db.enable_wal()
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: cannot open the database ({exc}). If the file is not a repmon database, "
            "set store.db_path to another file; to recover, restore a backup."
        ) from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the database ({exc}). Check store.db_path and folder permissions.") from None
    return db
