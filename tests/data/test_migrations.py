"""Opening a database: named migrations applied once, WAL on file stores, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from data import migrations
from data.store import Store
from repmon.errors import StoreError

ALL_MIGRATIONS = [name for name, _ in migrations.MIGRATIONS]


def migration_rows(store: Store) -> list[dict[str, str]]:
    return list(store.db.query("SELECT name, applied_at FROM _migrations ORDER BY name"))


def test_a_new_database_records_every_migration_by_name(file_store: Store) -> None:
    assert [row["name"] for row in migration_rows(file_store)] == ALL_MIGRATIONS


def test_reopening_a_database_applies_nothing(tmp_path: Path) -> None:
    first = Store.open(tmp_path / "repmon.db")
    recorded = migration_rows(first)
    first.close()

    again = Store.open(tmp_path / "repmon.db")
    try:
        assert migration_rows(again) == recorded
        assert migrations.apply(again.db) == []
    finally:
        again.close()


def test_only_the_missing_migrations_run_on_an_older_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "repmon.db"
    old = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    assert migrations.apply(old) == ALL_MIGRATIONS[:1]
    old.close()
    monkeypatch.undo()

    newer = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    try:
        assert migrations.apply(newer) == ALL_MIGRATIONS[1:]
    finally:
        newer.close()


def test_a_file_store_uses_wal(file_store: Store) -> None:
    assert file_store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_foreign_keys_are_enforced(store: Store) -> None:
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_file_that_is_not_a_database_is_a_store_error_that_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"These are the governors' minutes, not a database.\n" * 100)

    with pytest.raises(StoreError) as caught:
        Store.open(path)

    message = str(caught.value)
    assert str(path) in message
    assert "cannot open the database" in message
    assert "set store.db_path to another file" in message
    assert caught.value.__suppress_context__  # one line for the user, no chained traceback


def test_a_database_folder_that_cannot_be_created_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where a folder should be", encoding="utf-8")

    with pytest.raises(StoreError, match="Check store.db_path"):
        Store.open(blocker / "repmon.db")
