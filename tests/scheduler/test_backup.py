"""Backups while the database is in use, rotation, evidence copies, and `repmon restore`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from data.backup import backup, list_backups
from data.lock import ServiceLock
from data.store import Store
from demo.run import write_settings
from repmon.cli import cli
from repmon.errors import StoreError
from spiders.items import Item

from tests.paths import EXAMPLE_PROFILE

T0 = datetime(2026, 11, 28, 2, 30, tzinfo=timezone.utc)


def _add(store: Store, n: int) -> None:
    store.save_item(Item(source="test", url=f"https://news.example/{n}", text=f"story {n}",
                         fetched_at="2026-11-28T09:00:00Z"))


def test_a_backup_of_a_database_in_use_holds_its_data_and_old_ones_rotate(file_store: Store, tmp_path: Path) -> None:
    _add(file_store, 1)
    evidence = tmp_path / "evidence"
    (evidence / "2026").mkdir(parents=True)
    (evidence / "2026" / "run-1.warc.gz").write_bytes(b"warc bytes")
    made = [backup(tmp_path / "repmon.db", tmp_path / "backups", keep=2, evidence_dir=evidence,
                   now=T0 + timedelta(days=d)) for d in range(3)]
    assert [p.name for p in list_backups(tmp_path / "backups")] == [made[1].path.name, made[2].path.name]
    assert made[2].removed == [made[0].path]
    assert (made[0].evidence_copied, made[1].evidence_copied) == (1, 0)  # unchanged files are not copied again
    copy = Store.open(made[2].path)
    try:
        assert copy.count_items() == 1
    finally:
        copy.close()


def test_backup_of_a_missing_database_says_which_setting(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="store.db_path"):
        backup(tmp_path / "nope.db", tmp_path / "backups", keep=3)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "repmon.toml"
    write_settings(path, {"profile.path": str(EXAMPLE_PROFILE), "store.db_path": str(tmp_path / "repmon.db"),
                          "store.evidence_dir": str(tmp_path / "evidence"), "backup.dir": str(tmp_path / "backups")})
    return path


def test_restore_brings_back_the_backup_and_keeps_the_current_database(config: Path, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "repmon.db")
    _add(store, 1)
    store.close()
    runner = CliRunner()
    made = runner.invoke(cli, ["--config", str(config), "backup"])
    assert made.exit_code == 0, made.output
    store = Store.open(tmp_path / "repmon.db")
    _add(store, 2)
    store.close()
    backup_file = list_backups(tmp_path / "backups")[-1]
    restored = runner.invoke(cli, ["--config", str(config), "restore", str(backup_file)])
    assert restored.exit_code == 0, restored.output
    store = Store.open(tmp_path / "repmon.db")
    try:
        assert store.count_items() == 1
    finally:
        store.close()
    kept = list(tmp_path.glob("repmon.db.before-restore-*"))
    assert len(kept) == 1 and "previous database is kept" in restored.output


def test_restore_is_refused_while_the_service_runs(config: Path, tmp_path: Path) -> None:
    Store.open(tmp_path / "repmon.db").close()
    made = backup(tmp_path / "repmon.db", tmp_path / "backups", keep=3)
    with ServiceLock(tmp_path / "repmon.db"):
        result = CliRunner().invoke(cli, ["--config", str(config), "restore", str(made.path)])
    assert result.exit_code == 1
    assert "already running repmon" in result.output


def test_restore_refuses_a_file_that_is_not_a_repmon_database(config: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    result = CliRunner().invoke(cli, ["--config", str(config), "restore", str(junk)])
    assert result.exit_code == 1
    assert "junk.db" in result.output and "Traceback" not in result.output
