"""N working days after a day, on the Chinese working calendar: a pure rule.

A working day is a weekday that is not a public holiday, or a weekend day that the
State Council's notice makes a working day (调休上班).  The holidays come from the
``chinesecalendar`` package, which covers each year once its notice is published
(usually in November for the year after).  Days of a year it does not cover yet are
counted Monday to Friday and the answer says it is *estimated*: a bad rating must
still open its case in December, before next year's notice; the manager's overview
shows the due day as provisional until a newer package covers the year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import chinese_calendar

_SATURDAY = 5


@dataclass(frozen=True)
class WorkingCalendar:
    holidays: frozenset[dt.date]  # days off, weekends within a holiday included
    working_weekends: frozenset[dt.date]  # Saturdays and Sundays worked (调休上班)
    first_year: int
    last_year: int

    def covers(self, day: dt.date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.working_weekends:
            return True
        return day.weekday() < _SATURDAY and day not in self.holidays


@dataclass(frozen=True)
class DueDay:
    day: dt.date
    estimated: bool  # some day counted lies in a year the calendar does not cover


def working_days_after(start: dt.date, count: int, calendar: WorkingCalendar) -> DueDay:
    """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
    if count < 1:
        raise ValueError(f"count must be at least 1, not {count}")
    day, left, estimated = start, count, False
    while left:
        day += dt.timedelta(days=1)
        estimated = estimated or not calendar.covers(day)
        if calendar.is_working_day(day):
            left -= 1
    return DueDay(day, estimated)


@cache
def chinese_working_calendar() -> WorkingCalendar:
    """The calendar as the installed ``chinesecalendar`` package knows it."""
    holidays = frozenset(chinese_calendar.holidays)
    worked = frozenset(day for day in chinese_calendar.workdays if day.weekday() >= _SATURDAY)
    years = [day.year for day in holidays]
    return WorkingCalendar(holidays, worked, min(years), max(years))
