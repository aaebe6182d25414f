"""One `repmon run` per database: an exclusive lock on a file beside the database.

The lock is an flock, so the kernel drops it when the process dies, even by
kill -9: a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path
from types import TracebackType

from repmon.errors import RepmonError


class AlreadyRunning(RepmonError):
    """Another process holds the service lock on this database."""


def lock_path(db_path: str | Path) -> Path:
    return Path(str(db_path) + ".lock")


class ServiceLock:
    """``with ServiceLock(db_path):`` — hold the database for one service, or raise AlreadyRunning."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._fd: int | None = None
        self._guard = threading.Lock()  # Service.stop() may run in two threads (a signal and a caller): one close

    def acquire(self) -> ServiceLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            pid = holder(self.db_path)
            who = f"process {pid}" if pid else "another process"
            raise AlreadyRunning(
                f"{self.db_path}: {who} is already running repmon on this database "
                f"(lock file {self.path}). Stop it first (e.g. `systemctl stop repmon`), "
                "or point this one at another database with store.db_path."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        os.fsync(fd)
        self._fd = fd
        return self

    def release(self) -> None:
        with self._guard:
            fd, self._fd = self._fd, None
        if fd is not None:  # closed once only: a second close could close a descriptor opened meanwhile elsewhere
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> ServiceLock:
        return self.acquire()

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.release()


def holder(db_path: str | Path) -> int | None:
    """The pid holding the lock on this database, or None when nobody holds it."""
    path = lock_path(db_path)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            text = path.read_text(encoding="ascii", errors="replace").strip()
            return int(text) if text.isdigit() else -1
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)
