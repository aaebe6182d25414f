"""Time as repmon records it: UTC, ISO 8601, second precision, 'Z' suffix."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(moment: datetime | None = None) -> str:
    """``2026-11-28T19:50:00Z`` for ``moment`` (default: now)."""
    moment = now() if moment is None else moment.astimezone(UTC)
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text: str) -> datetime:
    """Read a timestamp written by :func:`iso` (or any ISO 8601 with offset)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
