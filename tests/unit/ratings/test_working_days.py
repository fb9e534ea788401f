"""N working days after a day: holidays skipped, adjusted Saturdays worked, and a year the
calendar does not cover counted Monday to Friday and said to be estimated."""

from __future__ import annotations

import datetime as dt

import pytest

from hallclient.ratings.working_days import (
    DueDay,
    WorkingCalendar,
    chinese_working_calendar,
    working_days_after,
)

D = dt.date


def test_fifteen_working_days_span_national_day_and_its_adjusted_saturday():
    # 2026: 1-7 October off; Saturday 10 October is worked (调休上班)
    calendar = chinese_working_calendar()
    assert not calendar.is_working_day(D(2026, 10, 5))  # a Monday of the holiday
    assert calendar.is_working_day(D(2026, 10, 10))  # a Saturday, worked
    due = working_days_after(D(2026, 9, 25), 15, calendar)
    # 28-30 Sep (3), 8-10 Oct (6, Saturday 10th included), 12-16 (11), 19-22 (15)
    assert (due.day, due.estimated) == (D(2026, 10, 22), False)


def test_the_adjusted_saturday_counts_and_the_sunday_after_does_not():
    calendar = chinese_working_calendar()
    assert working_days_after(D(2026, 10, 8), 2, calendar).day == D(2026, 10, 10)
    assert working_days_after(D(2026, 10, 8), 3, calendar).day == D(2026, 10, 12)


def test_national_day_2025_with_its_adjusted_sunday_and_saturday():
    # 2025: 1-8 October off; Sunday 28 September and Saturday 11 October are worked
    calendar = chinese_working_calendar()
    assert calendar.is_working_day(D(2025, 9, 28)) and calendar.is_working_day(D(2025, 10, 11))
    assert not any(calendar.is_working_day(D(2025, 10, day)) for day in range(1, 9))
    due = working_days_after(D(2025, 9, 26), 15, calendar)
    # Sun 28 (1), 29-30 (3), 9-11 Oct (6, Saturday 11th included), 13-17 (11), 20-23 (15)
    assert due == DueDay(D(2025, 10, 23), False)
    assert working_days_after(D(2025, 9, 26), 1, calendar).day == D(2025, 9, 28)
    holidays_only = WorkingCalendar(calendar.holidays, frozenset(), 2025, 2025)
    assert working_days_after(D(2025, 9, 26), 15, holidays_only).day == D(2025, 10, 27)


def _known_until(last_year: int) -> WorkingCalendar:
    """The package's calendar as it was before the notice of ``last_year + 1``."""
    full = chinese_working_calendar()
    return WorkingCalendar(
        frozenset(day for day in full.holidays if day.year <= last_year),
        frozenset(day for day in full.working_weekends if day.year <= last_year),
        full.first_year,
        last_year,
    )


def test_the_package_covers_the_years_in_use():
    calendar = chinese_working_calendar()
    assert calendar.first_year <= 2024
    assert calendar.last_year >= 2026


def test_a_year_the_calendar_does_not_cover_is_counted_monday_to_friday_as_an_estimate():
    due = working_days_after(D(2026, 12, 20), 15, _known_until(2026))
    # 21-25 Dec (5), 28-31 Dec (9), Friday 1 January 2027 counted: no notice yet (10), 4-8 Jan
    assert (due.day, due.estimated) == (D(2027, 1, 8), True)


def test_days_inside_the_calendar_are_not_an_estimate_even_near_its_end():
    due = working_days_after(D(2026, 12, 1), 15, _known_until(2026))
    assert (due.day, due.estimated) == (D(2026, 12, 22), False)


def test_a_calendar_of_its_own_decides_alone():
    calendar = WorkingCalendar(
        holidays=frozenset({D(2030, 5, 1), D(2030, 5, 2)}),
        working_weekends=frozenset({D(2030, 5, 4)}),
        first_year=2030,
        last_year=2030,
    )
    # Tue 30 April; Wed 1 and Thu 2 May off; Fri 3 (1); Sat 4 worked (2); Mon 6 (3)
    assert working_days_after(D(2030, 4, 30), 3, calendar) == DueDay(D(2030, 5, 6), False)


def test_at_least_one_working_day_is_asked_for():
    with pytest.raises(ValueError, match="at least 1"):
        working_days_after(D(2026, 1, 5), 0, chinese_working_calendar())
