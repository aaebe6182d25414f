"""Time as repmon records it: UTC, ISO 8601, second precision, 'Z' suffix."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from repmon.errors import ConfigError


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def today(tz: str) -> date:
    """Today's date where the school is (``schedule.timezone``), not in UTC."""
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown time zone {tz!r} in schedule.timezone; use a name such as 'Europe/London'.") from None
    return datetime.now(zone).date()


def iso(moment: datetime | None = None) -> str:
    """``2026-11-28T19:50:00Z`` for ``moment`` (default: now)."""
    moment = now() if moment is None else moment.astimezone(UTC)
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text: str) -> datetime:
    """Read a timestamp written by :func:`iso` (or any ISO 8601 with offset)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
