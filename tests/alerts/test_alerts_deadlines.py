"""alerts.letters.deadlines: working hours (s.5) and calendar months (Art. 12(3)) in England and Wales."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from repmon.errors import ConfigError

from alerts.letters.deadlines import (
    BANK_HOLIDAYS, UK, add_calendar_month, add_working_hours, holidays, is_working_day, rule_holidays,
    set_extra_holidays,
)


def uk(*args: int) -> datetime:
    return datetime(*args, tzinfo=UK)


@pytest.mark.parametrize(("received", "due"), [
    # a plain weekend: Friday 15 h + Monday 24 h + Tuesday 9 h
    (uk(2026, 11, 27, 9, 0), uk(2026, 12, 1, 9, 0)),
    # Christmas Day (Fri), the weekend and the Boxing Day substitute (Mon 28) are not counted
    (uk(2026, 12, 24, 10, 0), uk(2026, 12, 30, 10, 0)),
    # Good Friday and Easter Monday 2026 (and the weekend between)
    (uk(2026, 4, 2, 15, 0), uk(2026, 4, 8, 15, 0)),
    # received on a Saturday: the count starts on Monday at midnight
    (uk(2026, 11, 28, 20, 0), uk(2026, 12, 2, 0, 0)),
])
def test_48_working_hours(received, due):
    assert add_working_hours(received, 48) == due


def test_working_hours_are_real_hours_across_a_clock_change():
    # clocks go back on Sunday 25 October 2026; the weekend is not counted either way
    assert add_working_hours(uk(2026, 10, 23, 12, 0), 48) == uk(2026, 10, 27, 12, 0)


@pytest.mark.parametrize(("received", "due"), [
    (uk(2026, 3, 10, 14, 0), date(2026, 4, 10)),   # the corresponding date
    (uk(2027, 1, 31, 12, 0), date(2027, 3, 1)),    # no 31 Feb: 28 Feb 2027 is a Sunday, so Monday 1 March
    (uk(2026, 11, 28, 12, 0), date(2026, 12, 29)), # 28 Dec 2026 is the Boxing Day substitute: next working day
])
def test_one_calendar_month(received, due):
    assert add_calendar_month(received).date() == due


def test_the_bank_holiday_table_holds_eight_weekdays_a_year():
    for year in (2025, 2026, 2027):
        days = [d for d in BANK_HOLIDAYS if d.year == year]
        assert len(days) == 8
        assert all(d.weekday() < 5 for d in days)


def test_the_rules_reproduce_the_published_table():
    for year in (2025, 2026, 2027):
        assert rule_holidays(year) == {d: n for d, n in BANK_HOLIDAYS.items() if d.year == year}


def test_years_past_the_table_follow_the_rules():
    assert sorted(holidays(2028)) == [date(2028, 1, 3), date(2028, 4, 14), date(2028, 4, 17), date(2028, 5, 1),
                                      date(2028, 5, 29), date(2028, 8, 28), date(2028, 12, 25), date(2028, 12, 26)]
    # 2032: Christmas on a Saturday, both days move
    assert {date(2032, 12, 27), date(2032, 12, 28)} <= set(holidays(2032))
    assert add_working_hours(uk(2027, 12, 31, 9, 0), 48).date() == date(2028, 1, 5)  # 3 Jan 2028 is a holiday


def test_one_off_holidays_come_from_settings():
    try:
        set_extra_holidays(["2028-06-05"])
        assert not is_working_day(date(2028, 6, 5))
        with pytest.raises(ConfigError, match="letters.bank_holidays"):
            set_extra_holidays(["5 June"])
    finally:
        set_extra_holidays([])
    assert is_working_day(date(2028, 6, 5))
