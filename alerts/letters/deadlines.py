"""Deadlines for takedown letters, in UK time (Europe/London).

- **s.5 Defamation Act 2013** (SI 2013/3028 reg. 1(3)): "48 hours" leaves out
  hours falling on Saturdays, Sundays, Good Friday, Christmas Day and England &
  Wales bank holidays (:func:`add_working_hours`).
- **UK GDPR Art. 12(3)**: one month from receipt (:func:`add_calendar_month`):
  to the corresponding date of the next month, or the last day of that month
  when there is none; when that day is not a working day, the next working day
  (ICO guidance on time limits).

The bank-holiday table covers the years below and nothing else: a date outside
it raises :class:`HolidayTableError` rather than give a deadline that may be
wrong. Each year, add the next one from https://www.gov.uk/bank-holidays
("England and Wales"), substitute days included.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")

# England and Wales: bank holidays, Good Friday and Christmas Day, substitute days included
BANK_HOLIDAYS: dict[date, str] = {
    date(2025, 1, 1): "New Year's Day",
    date(2025, 4, 18): "Good Friday",
    date(2025, 4, 21): "Easter Monday",
    date(2025, 5, 5): "Early May bank holiday",
    date(2025, 5, 26): "Spring bank holiday",
    date(2025, 8, 25): "Summer bank holiday",
    date(2025, 12, 25): "Christmas Day",
    date(2025, 12, 26): "Boxing Day",
    date(2026, 1, 1): "New Year's Day",
    date(2026, 4, 3): "Good Friday",
    date(2026, 4, 6): "Easter Monday",
    date(2026, 5, 4): "Early May bank holiday",
    date(2026, 5, 25): "Spring bank holiday",
    date(2026, 8, 31): "Summer bank holiday",
    date(2026, 12, 25): "Christmas Day",
    date(2026, 12, 28): "Boxing Day (substitute day)",
    date(2027, 1, 1): "New Year's Day",
    date(2027, 3, 26): "Good Friday",
    date(2027, 3, 29): "Easter Monday",
    date(2027, 5, 3): "Early May bank holiday",
    date(2027, 5, 31): "Spring bank holiday",
    date(2027, 8, 30): "Summer bank holiday",
    date(2027, 12, 27): "Christmas Day (substitute day)",
    date(2027, 12, 28): "Boxing Day (substitute day)",
}
COVERED_YEARS = frozenset(day.year for day in BANK_HOLIDAYS)


class HolidayTableError(ValueError):
    """A deadline reaches a year the bank-holiday table does not cover."""


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a bank holiday, Good Friday or Christmas Day in England and Wales."""
    if day.year not in COVERED_YEARS:
        raise HolidayTableError(
            f"the bank-holiday table in alerts/letters/deadlines.py has no entries for {day.year}; "
            "add that year's England and Wales bank holidays from https://www.gov.uk/bank-holidays."
        )
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


def _uk(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("deadlines need an aware datetime (UTC or UK time)")
    return moment.astimezone(UK)


def _midnight_after(day: date) -> datetime:
    """The UK midnight that ends ``day``, in UTC (days are 23 or 25 hours long when the clocks change)."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=UK).astimezone(UTC)


def add_working_hours(start: datetime, hours: float) -> datetime:
    """``start`` plus ``hours``, counting only hours on working days (UK time); returned in UK time."""
    remaining = timedelta(hours=hours)
    now = _uk(start).astimezone(UTC)  # arithmetic in UTC: exact across clock changes
    while True:
        day = now.astimezone(UK).date()
        day_end = _midnight_after(day)
        if is_working_day(day):
            if now + remaining <= day_end:
                return (now + remaining).astimezone(UK)
            remaining -= day_end - now
        now = day_end


def end_of_day_after(start: datetime, days: int) -> datetime:
    """Midnight at the end of the ``days``-th calendar day after the day of ``start`` (UK time)."""
    return _midnight_after(_uk(start).date() + timedelta(days=days)).astimezone(UK)


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_calendar_month(start: datetime) -> datetime:
    """One calendar month after ``start`` (UK time): the end (23:59) of the deadline day."""
    received = _uk(start).date()
    year, month = (received.year + 1, 1) if received.month == 12 else (received.year, received.month + 1)
    day = min(received.day, calendar.monthrange(year, month)[1])
    due = next_working_day(date(year, month, day))
    return datetime.combine(due, time(23, 59), tzinfo=UK)


def add_days(start: datetime, days: int) -> datetime:
    """``start`` plus calendar days (a follow-up date, not a legal deadline)."""
    return (_uk(start).astimezone(UTC) + timedelta(days=days)).astimezone(UK)


@dataclass(frozen=True)
class Milestone:
    label: str
    when: datetime  # UK time


@dataclass(frozen=True)
class Schedule:
    """The deadline a letter sets (None when it sets none) and the dates to follow up on."""

    received: datetime  # the assumed time of receipt the dates are counted from
    deadline: datetime | None
    milestones: tuple[Milestone, ...] = ()
