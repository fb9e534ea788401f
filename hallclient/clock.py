"""Time: the core asks a clock, so tests can move time; everything stored is UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Asia/Shanghai"


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to (tests, demos)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta


def local(moment: datetime, timezone: str) -> datetime:
    """A stored UTC moment in the hall's time zone, for display."""
    return moment.astimezone(ZoneInfo(timezone))


def hall_today(clock: Clock, timezone: str) -> date:
    """The calendar day in the hall: the day a tariff is in force, a shift belongs to."""
    return local(clock.now(), timezone).date()
