"""Open the database: one SQLite file, WAL mode, migrated to the current schema."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from data import migrations
from repmon.errors import StoreError


class Database(sqlite_utils.Database):
    """sqlite-utils' Database whose transactions take the write lock when they begin.

    With several connections (the scheduler runs jobs in threads, the web app
    serves requests), a deferred transaction that reads and then writes fails
    at once with "database is locked" if another connection wrote in between;
    BEGIN IMMEDIATE waits for the other writer instead (busy_timeout).
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        if self.conn.in_transaction:
            with super().atomic() as db:  # a savepoint inside the open transaction
                yield db
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at ``path``; ':memory:' for tests."""
    try:
        if str(path) == ":memory:":
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        else:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        db = Database(conn)
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
