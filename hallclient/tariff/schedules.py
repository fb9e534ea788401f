"""The life of a tariff schedule: draft → approved → retired (or a draft discarded).

An admin imports a draft; a second person (shift manager or another admin) grants
the approval in the approval dialog, and the admin approves with it.  Approving is
refused while another approved schedule would be in force for one of the same items
on one of the same days; the message names both.  Items and bands are never changed
(database triggers): a price change is a new schedule.  The only change an approved
schedule accepts is its last day, set once it is known, never in the past -- that is
how one schedule hands over to the next without a gap.  Every step is journaled.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select

from db.domain import ScheduleStatus
from db.engine import Database
from db.models import TariffBand, TariffItem, TariffLateFee, TariffSchedule
from hallclient.access.approvals import use_approval
from hallclient.access.permissions import Action, ApprovalKind
from hallclient.context import Context
from hallclient.pinyin import initials
from hallclient.tariff.errors import TariffError, TariffProblem
from hallclient.tariff.imported import ImportedTariff
from hallclient.tariff.rules import LATE_FEE_CODE
from hallclient.tariff.store import parse_month_day
from hallclient.uow import UnitOfWork, run_write

CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")


@dataclass(frozen=True)
class ScheduleHeader:
    code: str
    title: str
    approval_doc_no: str
    issuing_body: str
    effective_from: dt.date
    effective_to: dt.date | None = None
    tier_year_start: str = "01-01"
    household_base: int = 4


@dataclass(frozen=True)
class ScheduleSummary:
    code: str
    title: str
    approval_doc_no: str
    issuing_body: str
    effective_from: dt.date
    effective_to: dt.date | None
    status: ScheduleStatus
    items: int
    created_by: str
    approved_by: str | None
    is_demo: bool


def header_problems(header: ScheduleHeader) -> list[str]:
    """What is wrong with a schedule's header, as ``field: problem`` lines."""
    problems = [] if CODE.fullmatch(header.code) else ["code: letters, digits, - or _"]
    for field in ("title", "approval_doc_no", "issuing_body"):
        if not getattr(header, field).strip():
            problems.append(f"{field}: required")
    if header.effective_to is not None and header.effective_to < header.effective_from:
        problems.append("effective_to: before effective_from")
    try:
        parse_month_day(header.tier_year_start)
    except ValueError as error:
        problems.append(f"tier_year_start: {error}")
    if not 1 <= header.household_base <= 20:
        problems.append("household_base: 1 to 20 people")
    return problems


def summarize(uow: UnitOfWork, schedule: TariffSchedule) -> ScheduleSummary:
    count = uow.session.scalar(
        select(func.count()).select_from(TariffItem).where(TariffItem.schedule_id == schedule.id)
    )
    return ScheduleSummary(
        schedule.code,
        schedule.title,
        schedule.approval_doc_no,
        schedule.issuing_body,
        schedule.effective_from,
        schedule.effective_to,
        schedule.status,
        count or 0,
        schedule.created_by,
        schedule.approved_by,
        schedule.is_demo,
    )


def find_schedule(uow: UnitOfWork, code: str, *, lock: bool = False) -> TariffSchedule:
    query = select(TariffSchedule).where(TariffSchedule.code == code)
    schedule = uow.session.scalar(query.with_for_update() if lock else query)
    if schedule is None:
        raise TariffError(TariffProblem.UNKNOWN_SCHEDULE, code)
    return schedule


def _expect(schedule: TariffSchedule, *statuses: ScheduleStatus) -> None:
    if schedule.status not in statuses:
        raise TariffError(TariffProblem.WRONG_STATUS, f"{schedule.code} is {schedule.status}")


def create_draft(
    database: Database,
    context: Context,
    header: ScheduleHeader,
    tariff: ImportedTariff,
    source: str = "",
) -> ScheduleSummary:
    """Write an imported tariff as a new draft schedule (nothing else changes)."""
    context.require(Action.MANAGE_TARIFF)
    if problems := header_problems(header):
        raise TariffError(TariffProblem.BAD_HEADER, "; ".join(problems))

    def use_case(uow: UnitOfWork) -> ScheduleSummary:
        if uow.session.scalar(select(TariffSchedule.id).where(TariffSchedule.code == header.code)):
            raise TariffError(TariffProblem.DUPLICATE_CODE, header.code)
        schedule = TariffSchedule(
            **vars(header),
            status=ScheduleStatus.DRAFT,
            source=source[:200],
            created_by=context.user.employee_no,
            created_at=context.clock.now(),
        )
        uow.session.add(schedule)
        uow.session.flush()
        add_items(uow, schedule, tariff)
        details = {
            "items": len(tariff.items),
            "bands": len(tariff.bands),
            "late_fees": len(tariff.late_fees),
            "source": source,
        }
        context.record(uow, "tariff.draft_created", "tariff_schedule", header.code, details)
        summary = summarize(uow, schedule)
        uow.commit()
        return summary

    return run_write(database, use_case)


def add_items(uow: UnitOfWork, schedule: TariffSchedule, tariff: ImportedTariff) -> None:
    rows = {
        item.code: TariffItem(
            schedule_id=schedule.id,
            code=item.code,
            name=item.name,
            pinyin_initials=initials(item.name),
            category=item.category.value,
            unit=item.unit,
            unit_price=item.unit_price,
            customer_types=";".join(item.customer_types),
            note=item.note,
            abolished_by=item.abolished_by,
        )
        for item in tariff.items
    }
    uow.session.add_all(rows.values())
    uow.session.flush()
    uow.session.add_all(
        TariffBand(
            item_id=rows[band.item_code].id,
            band=band.band,
            up_to_m3=band.up_to_m3,
            unit_price=band.unit_price,
            uplift_per_person_m3=band.uplift_per_person_m3,
            uplift_cap_m3=band.uplift_cap_m3,
        )
        for band in tariff.bands
    )
    uow.session.add_all(
        TariffLateFee(
            schedule_id=schedule.id,
            customer_type=fee.customer_type,
            daily_rate=fee.daily_rate,
            grace_days=fee.grace_days,
        )
        for fee in tariff.late_fees
    )


def _overlaps(a_from: dt.date, a_to: dt.date | None, b_from: dt.date, b_to: dt.date | None) -> bool:
    return (b_to is None or a_from <= b_to) and (a_to is None or b_from <= a_to)


def _priced(uow: UnitOfWork, schedule_id: int) -> set[str]:
    """What a schedule prices: its item codes and the late fee of each customer type."""
    codes = set(
        uow.session.scalars(select(TariffItem.code).where(TariffItem.schedule_id == schedule_id))
    )
    late = uow.session.scalars(
        select(TariffLateFee.customer_type).where(TariffLateFee.schedule_id == schedule_id)
    )
    return codes | {f"{LATE_FEE_CODE}:{customer_type}" for customer_type in late}


def _check_no_overlap(uow: UnitOfWork, schedule: TariffSchedule) -> None:
    """Refuse if another approved schedule shares an item (or a customer type's late fee)
    and a day with this one."""
    codes = _priced(uow, schedule.id)
    approved = uow.session.scalars(
        select(TariffSchedule).where(TariffSchedule.status == ScheduleStatus.APPROVED)
    )
    for other in approved:
        if not _overlaps(
            schedule.effective_from, schedule.effective_to, other.effective_from, other.effective_to
        ):
            continue
        shared = codes & _priced(uow, other.id)
        if shared:
            listed = ", ".join(sorted(shared)[:5]) + (" …" if len(shared) > 5 else "")
            raise TariffError(
                TariffProblem.OVERLAP,
                f"{schedule.code} and {other.code} ({other.approval_doc_no}) "
                f"would both be in force for {listed}",
            )


def approve(database: Database, context: Context, code: str, approval_id: int) -> ScheduleSummary:
    """Put a draft in force, with a second person's approval granted for this schedule."""
    context.require(Action.MANAGE_TARIFF)

    def use_case(uow: UnitOfWork) -> ScheduleSummary:
        schedule = find_schedule(uow, code, lock=True)
        _expect(schedule, ScheduleStatus.DRAFT)
        _check_no_overlap(uow, schedule)
        use_approval(uow, context, approval_id, ApprovalKind.APPROVE_TARIFF, code)
        schedule.status = ScheduleStatus.APPROVED
        schedule.approved_by, schedule.approved_at = context.user.employee_no, context.clock.now()
        details = {"approval": approval_id, "approval_doc_no": schedule.approval_doc_no}
        context.record(uow, "tariff.approved", "tariff_schedule", code, details)
        summary = summarize(uow, schedule)
        uow.commit()
        return summary

    return run_write(database, use_case)


def end_on(database: Database, context: Context, code: str, last_day: dt.date) -> ScheduleSummary:
    """Set the last day an approved schedule is in force: not before today, never later."""
    context.require(Action.MANAGE_TARIFF)

    def use_case(uow: UnitOfWork) -> ScheduleSummary:
        schedule = find_schedule(uow, code, lock=True)
        _expect(schedule, ScheduleStatus.APPROVED)
        current = schedule.effective_to
        if last_day < max(context.today(), schedule.effective_from):
            raise TariffError(TariffProblem.BAD_DATE, f"{last_day}: not in the past")
        if current is not None and last_day > current:
            raise TariffError(TariffProblem.BAD_DATE, f"{last_day}: after {current}")
        schedule.effective_to = last_day
        details = {"last_day": last_day.isoformat(), "was": current.isoformat() if current else ""}
        context.record(uow, "tariff.end_set", "tariff_schedule", code, details)
        summary = summarize(uow, schedule)
        uow.commit()
        return summary

    return run_write(database, use_case)


def _close(
    database: Database, context: Context, code: str, source: ScheduleStatus, target: ScheduleStatus
) -> ScheduleSummary:
    context.require(Action.MANAGE_TARIFF)

    def use_case(uow: UnitOfWork) -> ScheduleSummary:
        schedule = find_schedule(uow, code, lock=True)
        _expect(schedule, source)
        schedule.status = target
        schedule.closed_by, schedule.closed_at = context.user.employee_no, context.clock.now()
        context.record(uow, f"tariff.{target.value}", "tariff_schedule", code)
        summary = summarize(uow, schedule)
        uow.commit()
        return summary

    return run_write(database, use_case)


def retire(database: Database, context: Context, code: str) -> ScheduleSummary:
    """Withdraw an approved schedule at once: it is in force on no day any more."""
    return _close(database, context, code, ScheduleStatus.APPROVED, ScheduleStatus.RETIRED)


def discard(database: Database, context: Context, code: str) -> ScheduleSummary:
    """Set aside a draft nobody will approve (it stays on record)."""
    return _close(database, context, code, ScheduleStatus.DRAFT, ScheduleStatus.DISCARDED)


def list_schedules(database: Database, context: Context) -> list[ScheduleSummary]:
    context.require(Action.LOOK_UP_FEES)
    with UnitOfWork(database) as uow:
        schedules = uow.session.scalars(
            select(TariffSchedule).order_by(TariffSchedule.effective_from, TariffSchedule.code)
        )
        return [summarize(uow, schedule) for schedule in schedules]
