"""What a draft would change: its items against those in force on its first day."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from db.engine import Database
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.tariff.imported import (
    ImportedBand,
    ImportedItem,
    ImportedLateFee,
    ImportedTariff,
)
from hallclient.tariff.rules import LateFeeRule, PricedItem
from hallclient.tariff.schedules import ScheduleSummary, find_schedule, summarize
from hallclient.tariff.store import items_in_force, load_items, load_late_fees
from hallclient.uow import UnitOfWork

COMPARED = (
    "name",
    "category",
    "unit",
    "unit_price",
    "customer_types",
    "note",
    "tiers",
    "abolished_by",
)


class Change(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"  # in force now, not in the draft: it could no longer be charged
    CHANGED = "changed"
    SAME = "same"


@dataclass(frozen=True)
class ItemChange:
    code: str
    change: Change
    before: PricedItem | None
    after: PricedItem | None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Review:
    schedule: ScheduleSummary
    compared_with: tuple[str, ...]  # codes of the schedules in force on its first day
    changes: tuple[ItemChange, ...]  # every item, SAME ones included, ordered by code
    late_fees: tuple[LateFeeRule, ...] = ()  # the schedule's own late-fee rules

    def count(self, change: Change) -> int:
        return sum(1 for item in self.changes if item.change is change)


def compare(before: list[PricedItem], after: list[PricedItem]) -> list[ItemChange]:
    old = {item.code: item for item in before}
    new = {item.code: item for item in after}
    changes = []
    for code in sorted(old.keys() | new.keys()):
        was, now = old.get(code), new.get(code)
        if was is None:
            changes.append(ItemChange(code, Change.ADDED, None, now))
        elif now is None:
            changes.append(ItemChange(code, Change.REMOVED, was, None))
        else:
            fields = tuple(f for f in COMPARED if getattr(was, f) != getattr(now, f))
            changes.append(
                ItemChange(code, Change.CHANGED if fields else Change.SAME, was, now, fields)
            )
    return changes


def export_tariff(database: Database, context: Context, code: str) -> ImportedTariff:
    """A schedule's items and bands in the import format (for ``tariff export``)."""
    context.require(Action.LOOK_UP_FEES)
    with UnitOfWork(database) as uow:
        schedule = find_schedule(uow, code)
        items = load_items(uow.session, [schedule])
        fees = load_late_fees(uow.session, [schedule]).values()
    return ImportedTariff(
        tuple(
            ImportedItem(
                item.code,
                item.name,
                item.category,
                item.unit,
                item.unit_price,
                item.customer_types,
                item.note,
                item.abolished_by,
            )
            for item in items
        ),
        tuple(
            ImportedBand(
                item.code,
                band.number,
                band.up_to_m3,
                band.unit_price,
                band.uplift_per_person_m3,
                band.uplift_cap_m3,
            )
            for item in items
            if item.tiers
            for band in item.tiers.bands
        ),
        tuple(ImportedLateFee(f.customer_type, f.daily_rate, f.grace_days) for f in fees),
    )


def review(database: Database, context: Context, code: str) -> Review:
    """The schedule's items compared with what is in force on its first day."""
    context.require(Action.LOOK_UP_FEES)
    with UnitOfWork(database) as uow:
        schedule = find_schedule(uow, code)
        draft = load_items(uow.session, [schedule])
        current = [
            item
            for item in items_in_force(uow.session, schedule.effective_from)
            if item.schedule.code != code
        ]
        compared = tuple(sorted({item.schedule.code for item in current}))
        fees = tuple(load_late_fees(uow.session, [schedule]).values())
        return Review(summarize(uow, schedule), compared, tuple(compare(current, draft)), fees)
