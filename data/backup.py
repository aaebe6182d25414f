"""Online backups of the database (SQLite's backup API, safe while repmon runs), rotation,
a copy of the evidence files, and restore."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from repmon.errors import StoreError

PREFIX = "repmon-"
SUFFIX = ".db"


@dataclass
class Backup:
    path: Path
    size: int
    evidence_copied: int
    removed: list[Path]


def _check(path: Path) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise StoreError(f"{path}: the database fails its integrity check ({result}).")
        conn.execute("SELECT count(*) FROM _migrations").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable repmon database ({exc}).") from None
    finally:
        conn.close()


def list_backups(backup_dir: Path) -> list[Path]:
    """Backups in the folder, oldest first (names sort by time)."""
    if not backup_dir.is_dir():
        return []
    return sorted(p for p in backup_dir.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def backup(db_path: Path, backup_dir: Path, *, keep: int, evidence_dir: Path | None = None,
           now: datetime | None = None) -> Backup:
    """Copy the live database into backup_dir, check it, keep the newest `keep` backups,
    and copy evidence files the backup folder does not have yet (evidence is only added to)."""
    if not db_path.exists():
        raise StoreError(f"{db_path}: no database to back up. Check store.db_path.")
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{backup_dir}: cannot create the backup folder ({exc.strerror}). Check backup.dir.") from None
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{PREFIX}{stamp}{SUFFIX}"
    partial = target.with_suffix(".partial")
    _copy(db_path, partial)
    _check(partial)
    partial.replace(target)
    copied = _copy_evidence(evidence_dir, backup_dir / "evidence") if evidence_dir else 0
    backups = list_backups(backup_dir)
    removed = backups[:-keep] if keep > 0 else []
    for old in removed:
        old.unlink()
    return Backup(target, target.stat().st_size, copied, removed)


def _copy_evidence(evidence_dir: Path, target: Path) -> int:
    """Copy new or grown evidence files (a WARC being written grows until its run ends)."""
    if not evidence_dir.is_dir():
        return 0
    copied = 0
    for path in evidence_dir.rglob("*"):
        if not path.is_file():
            continue
        dest = target / path.relative_to(evidence_dir)
        if dest.exists() and dest.stat().st_size == path.stat().st_size:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
        copied += 1
    return copied


def restore(backup_file: Path, db_path: Path, *, now: datetime | None = None) -> Path | None:
    """Replace the database with a backup; the current file is kept beside it. Returns where it went."""
    if not backup_file.is_file():
        raise StoreError(f"{backup_file}: no such backup file. `repmon backup --list` shows the backups.")
    _check(backup_file)
    kept = None
    if db_path.exists():
        stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
        kept = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        _copy(db_path, kept)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _copy(backup_file, db_path)
    return kept


def _copy(source: Path, target: Path) -> None:
    """A consistent copy with SQLite's online backup (the source may be in use)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
