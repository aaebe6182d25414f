"""School days, for the digest: Monday to Friday, in term, and not an England and Wales bank holiday.

Terms come from ``digest.term_dates`` as ``YYYY-MM-DD..YYYY-MM-DD`` ranges
(write each half term as its own range, so half-term breaks fall outside);
with none set, every weekday that is not a bank holiday counts. Bank holidays
are those of :mod:`alerts.letters.deadlines` (the published table, the rules
beyond it, and ``letters.bank_holidays``).
"""

from __future__ import annotations

from datetime import date, timedelta

from alerts.letters import deadlines
from repmon.config import Settings
from repmon.errors import ConfigError

LOOK_BACK_DAYS = 60  # longest gap between two school days (a summer holiday is shorter than this)


def terms(settings: Settings) -> list[tuple[date, date]]:
    out = []
    for text in settings["digest.term_dates"]:
        start, sep, end = text.partition("..")
        try:
            first, last = date.fromisoformat(start.strip()), date.fromisoformat(end.strip())
        except ValueError:
            first, last = date.max, date.min
        if not sep or last < first:
            raise ConfigError(f"setting 'digest.term_dates': {text!r} is not a term; write "
                              "YYYY-MM-DD..YYYY-MM-DD (first and last day), e.g. 2026-09-01..2026-10-23.")
        out.append((first, last))
    return out


def is_school_day(day: date, settings: Settings) -> bool:
    deadlines.set_extra_holidays(settings["letters.bank_holidays"])
    if not deadlines.is_working_day(day):
        return False
    spans = terms(settings)
    return not spans or any(first <= day <= last for first, last in spans)


def first_day_covered(day: date, settings: Settings) -> date:
    """The digest sent on school day ``day`` covers from the day after the previous school day, so Monday's
    digest also reports the weekend, and the first day of term the holiday (up to LOOK_BACK_DAYS)."""
    if not settings["digest.school_days_only"]:
        return day
    previous = day - timedelta(days=1)
    for _ in range(LOOK_BACK_DAYS):
        if is_school_day(previous, settings):
            return previous + timedelta(days=1)
        previous -= timedelta(days=1)
    return day - timedelta(days=LOOK_BACK_DAYS)
