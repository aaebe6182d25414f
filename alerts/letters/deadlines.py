"""Deadlines for takedown letters, in UK time (Europe/London).

- **s.5 Defamation Act 2013** (SI 2013/3028 reg. 1(3)): "48 hours" leaves out
  hours falling on Saturdays, Sundays, Good Friday, Christmas Day and England &
  Wales bank holidays (:func:`add_working_hours`).
- **UK GDPR Art. 12(3)**: one month from receipt (:func:`add_calendar_month`):
  to the corresponding date of the next month, or the last day of that month
  when there is none; when that day is not a working day, the next working day
  (ICO guidance on time limits).

Bank holidays: the table below is the published list (https://www.gov.uk/bank-holidays,
"England and Wales", substitute days included) for the years it covers; for
other years the England and Wales rules are computed (:func:`rule_holidays`:
New Year's Day, Good Friday, Easter Monday, first and last Mondays of May, last
Monday of August, Christmas and Boxing Day, with substitute days). One-off
holidays (a coronation, a jubilee) go in the setting ``letters.bank_holidays``
(:func:`set_extra_holidays`), and moved ones are best added to the table.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from repmon.errors import ConfigError

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
    """A holiday setting cannot be read (kept for callers that catch it)."""


def easter(year: int) -> date:
    """Easter Sunday (Gregorian calendar; the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=last.weekday())


def rule_holidays(year: int) -> dict[date, str]:
    """England and Wales bank holidays by the usual rules (no one-off changes)."""
    out: dict[date, str] = {}
    new_year = date(year, 1, 1)
    out[new_year if new_year.weekday() < 5 else _monday_on_or_after(new_year)] = "New Year's Day" + ("" if new_year.weekday() < 5 else " (substitute day)")
    sunday = easter(year)
    out[sunday - timedelta(days=2)] = "Good Friday"
    out[sunday + timedelta(days=1)] = "Easter Monday"
    out[_monday_on_or_after(date(year, 5, 1))] = "Early May bank holiday"
    out[_last_monday(year, 5)] = "Spring bank holiday"
    out[_last_monday(year, 8)] = "Summer bank holiday"
    christmas, boxing = date(year, 12, 25), date(year, 12, 26)
    if christmas.weekday() < 5 and boxing.weekday() < 5:
        out[christmas], out[boxing] = "Christmas Day", "Boxing Day"
    elif christmas.weekday() == 4:  # Friday: Boxing Day on Saturday moves to Monday 28th
        out[christmas], out[date(year, 12, 28)] = "Christmas Day", "Boxing Day (substitute day)"
    elif christmas.weekday() == 5:  # Saturday: both move, to Monday 27th and Tuesday 28th
        out[date(year, 12, 27)], out[date(year, 12, 28)] = ("Christmas Day (substitute day)",
                                                            "Boxing Day (substitute day)")
    else:  # Sunday: Boxing Day on Monday 26th, Christmas moves to Tuesday 27th
        out[boxing], out[date(year, 12, 27)] = "Boxing Day", "Christmas Day (substitute day)"
    return out


_extra: dict[date, str] = {}


def set_extra_holidays(days: Iterable[str]) -> None:
    """Add one-off bank holidays (``YYYY-MM-DD``, from the setting ``letters.bank_holidays``)."""
    parsed: dict[date, str] = {}
    for text in days:
        try:
            parsed[date.fromisoformat(text.strip())] = "bank holiday (letters.bank_holidays)"
        except ValueError:
            raise ConfigError(f"setting 'letters.bank_holidays': {text!r} is not a date; write YYYY-MM-DD, "
                              "e.g. 2028-05-08.") from None
    _extra.clear()
    _extra.update(parsed)


def holidays(year: int) -> dict[date, str]:
    """Every bank holiday of ``year`` in England and Wales (Good Friday and Christmas Day included)."""
    base = {d: n for d, n in BANK_HOLIDAYS.items() if d.year == year} if year in COVERED_YEARS else rule_holidays(year)
    return base | {d: n for d, n in _extra.items() if d.year == year}


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a bank holiday, Good Friday or Christmas Day in England and Wales."""
    return day.weekday() < 5 and day not in holidays(day.year)


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
