"""Times as people read them in e-mails and letters (the store keeps UTC ISO 8601, see repmon.clock)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from repmon import clock
from repmon.errors import ConfigError

UK = "Europe/London"


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown time zone {name!r}; use a name such as {UK!r} (schedule.timezone).") from None


def local(moment: str | datetime, tz: str = UK) -> datetime:
    """``moment`` (an ISO 8601 string or an aware datetime) in the time zone ``tz``."""
    value = clock.parse(moment) if isinstance(moment, str) else moment
    return value.astimezone(zone(tz))


def human(moment: str | datetime | None, tz: str = UK, *, with_time: bool = True) -> str:
    """``Wednesday 30 December 2026, 10:00 (GMT)``; '' for a missing or unreadable time."""
    if not moment:
        return ""
    try:
        value = local(moment, tz)
    except ValueError:
        return ""
    day = f"{value:%A} {value.day} {value:%B %Y}"
    return f"{day}, {value:%H:%M} ({value:%Z})" if with_time else day
