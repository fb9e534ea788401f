"""Reading schedules, items and bands from the database into the pure shapes of ``rules``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import BindParameter, Date, bindparam, or_, select
from sqlalchemy.orm import Session

from db.domain import ScheduleStatus
from db.models import TariffBand, TariffItem, TariffLateFee, TariffSchedule
from hallclient.tariff.errors import TariffError, TariffProblem
from hallclient.tariff.rules import (
    Band,
    Category,
    LateFeeRule,
    PricedItem,
    ScheduleRef,
    TierPlan,
)


def schedule_ref(schedule: TariffSchedule) -> ScheduleRef:
    return ScheduleRef(
        schedule.code,
        schedule.title,
        schedule.approval_doc_no,
        schedule.issuing_body,
        schedule.effective_from,
        schedule.effective_to,
    )


def parse_month_day(text: str) -> tuple[int, int]:
    """``"01-01"`` → (1, 1); a day that exists in every year (not 02-29), or ValueError."""
    month, _, day = text.partition("-")
    if not (len(month) == 2 and len(day) == 2 and month.isdigit() and day.isdigit()):
        raise ValueError(f"{text!r} is not a month and day like 01-01")
    dt.date(2025, int(month), int(day))  # 2025 is not a leap year
    return int(month), int(day)


def in_force_clause(on: dt.date | BindParameter[dt.date]):  # type: ignore[no-untyped-def]
    return (
        (TariffSchedule.status == ScheduleStatus.APPROVED)
        & (TariffSchedule.effective_from <= on)
        & or_(TariffSchedule.effective_to.is_(None), TariffSchedule.effective_to >= on)
    )


def schedules_in_force(session: Session, on: dt.date) -> list[TariffSchedule]:
    query = select(TariffSchedule).where(in_force_clause(on)).order_by(TariffSchedule.code)
    return list(session.scalars(query))


def load_items(session: Session, schedules: Sequence[TariffSchedule]) -> list[PricedItem]:
    """The items of these schedules with their tier plans, ordered by code."""
    by_id = {schedule.id: schedule for schedule in schedules}
    rows = list(session.scalars(select(TariffItem).where(TariffItem.schedule_id.in_(by_id))))
    bands: dict[int, list[TariffBand]] = defaultdict(list)
    item_ids = [row.id for row in rows]
    for band in session.scalars(select(TariffBand).where(TariffBand.item_id.in_(item_ids))):
        bands[band.item_id].append(band)
    items = [_priced(row, by_id[row.schedule_id], bands.get(row.id, [])) for row in rows]
    return sorted(items, key=lambda item: item.code)


_IN_FORCE_STAMPS = (  # built once: every payment reads it
    select(TariffSchedule.id, TariffSchedule.effective_from, TariffSchedule.effective_to)
    .where(in_force_clause(bindparam("on", type_=Date)))
    .order_by(TariffSchedule.code)
)
_LOADED: dict[tuple[object, ...], tuple[list[PricedItem], dict[str, LateFeeRule]]] = {}
_LOADED_MAX = 8


def items_in_force(session: Session, on: dt.date) -> list[PricedItem]:
    """Every item that may be charged on ``on``; one schedule per item code, or a refusal."""
    return tariff_in_force(session, on)[0]


def tariff_in_force(
    session: Session, on: dt.date
) -> tuple[list[PricedItem], dict[str, LateFeeRule]]:
    """The items that may be charged on ``on`` and the late-fee rule of each customer type.

    Items and bands are append-only (database triggers), so the items of the same
    schedules read the same every time: they are kept per database and set of schedules
    in force, with their dates (ending a schedule changes them).  Which schedules are
    in force is read every time, in the caller's transaction: one small query of ids
    and dates (every payment makes it).  When that set is new, the schedules are read
    whole and the items kept under *their* ids and dates: on PostgreSQL each statement
    sees its own snapshot, and a schedule approved between the two statements must not
    file the new set's items under the old set's key.
    """
    session.flush()  # the stamps are a Core query, which does not flush by itself
    url = str(session.get_bind().engine.url)
    stamps = session.connection().execute(_IN_FORCE_STAMPS, {"on": on})
    cached = _LOADED.get((url, *(tuple(row) for row in stamps)))
    if cached is not None:
        return cached
    schedules = schedules_in_force(session, on)
    loaded = _checked(load_items(session, schedules)), load_late_fees(session, schedules)
    if len(_LOADED) >= _LOADED_MAX:
        _LOADED.clear()
    _LOADED[(url, *((s.id, s.effective_from, s.effective_to) for s in schedules))] = loaded
    return loaded


def load_late_fees(session: Session, schedules: Sequence[TariffSchedule]) -> dict[str, LateFeeRule]:
    """The late-fee rules of these schedules by customer type; two for one type are refused
    (approval refuses it; a hand-edited database may not)."""
    by_id = {schedule.id: schedule for schedule in schedules}
    rules: dict[str, LateFeeRule] = {}
    query = select(TariffLateFee).where(TariffLateFee.schedule_id.in_(by_id))
    for row in session.scalars(query.order_by(TariffLateFee.id)):
        rule = LateFeeRule(
            row.customer_type, row.daily_rate, row.grace_days, schedule_ref(by_id[row.schedule_id])
        )
        other = rules.setdefault(rule.customer_type, rule)
        if other is not rule:
            raise TariffError(
                TariffProblem.OVERLAP,
                f"late fee {rule.customer_type}: {other.schedule.code}, {rule.schedule.code}",
            )
    return rules


def _checked(items: list[PricedItem]) -> list[PricedItem]:
    seen: dict[str, PricedItem] = {}
    for item in items:
        other = seen.setdefault(item.code, item)
        if other is not item:  # approval refuses this; a hand-edited database may not
            raise TariffError(
                TariffProblem.OVERLAP, f"{item.code}: {other.schedule.code}, {item.schedule.code}"
            )
    return items


def _priced(row: TariffItem, schedule: TariffSchedule, bands: list[TariffBand]) -> PricedItem:
    return PricedItem(
        row.code,
        row.name,
        row.pinyin_initials,
        Category(row.category),
        row.unit,
        row.unit_price,
        tuple(filter(None, row.customer_types.split(";"))),
        row.note,
        schedule_ref(schedule),
        _plan(schedule, bands),
        row.abolished_by,
    )


def _plan(schedule: TariffSchedule, bands: list[TariffBand]) -> TierPlan | None:
    if not bands:
        return None
    month, day = parse_month_day(schedule.tier_year_start)
    ordered = sorted(bands, key=lambda band: band.band)
    return TierPlan(
        tuple(
            Band(b.band, b.up_to_m3, b.unit_price, b.uplift_per_person_m3, b.uplift_cap_m3)
            for b in ordered
        ),
        month,
        day,
        schedule.household_base,
    )
