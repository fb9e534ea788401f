"""What the shift services return: plain frozen data, never rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from db.domain import MoveDirection, ShiftStatus
from db.models.shifts import Shift
from hallclient.shifts.figures import ShiftFigures, Tally

__all__ = ["MoveDirection", "MoveView", "ShiftReading", "ShiftView"]  # MoveDirection: for the UI


@dataclass(frozen=True)
class ShiftView:
    id: int
    hall_code: str
    counter_code: str
    clerk_employee_no: str
    clerk_name: str
    business_day: date
    opened_at: datetime
    status: ShiftStatus
    opening_float: Decimal
    count_round: int
    closed_at: datetime | None
    decided_by: str

    @property
    def is_open(self) -> bool:
        return self.status is ShiftStatus.OPEN

    @classmethod
    def of(cls, shift: Shift) -> ShiftView:
        return cls(
            shift.id,
            shift.hall_code,
            shift.counter_code,
            shift.clerk_employee_no,
            shift.clerk_name,
            shift.business_day,
            shift.opened_at,
            shift.status,
            shift.opening_float,
            shift.count_round,
            shift.closed_at,
            shift.decided_by,
        )


@dataclass(frozen=True)
class MoveView:
    direction: MoveDirection
    amount: Decimal
    reason: str
    moved_at: datetime
    employee_no: str


@dataclass(frozen=True)
class SeriesHead:
    """A receipt series' chain head: its last number (of a shift or a day) and that hash."""

    series: str
    last_number: int
    head_hash: str


@dataclass(frozen=True)
class ShiftReading:
    """An X reading (the shift as it stands) or, with tallies, a Z report (as submitted)."""

    shift: ShiftView
    figures: ShiftFigures
    moves: tuple[MoveView, ...]
    float_count: dict[Decimal, int]
    cash_count: dict[Decimal, int]  # the latest close count (empty before a close)
    tallies: tuple[Tally, ...] = ()
    taken_at: datetime | None = None
    heads: tuple[SeriesHead, ...] = ()  # the shift's last receipt of each series
    return_reason: str = ""  # a shift returned for a recount: the manager's reason
