"""A small tariff for the service tests: tiered residential gas, 过户费, a meter."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace
from decimal import Decimal

from db.domain import Role
from db.engine import Database
from hallclient.access.approvals import ApprovalRequest, grant_approval
from hallclient.access.permissions import ApprovalKind
from hallclient.context import Context, CurrentUser
from hallclient.tariff import schedules
from hallclient.tariff.importing import ImportedBand, ImportedItem, ImportedTariff
from hallclient.tariff.rules import Category
from hallclient.tariff.schedules import ScheduleHeader, ScheduleSummary
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD

ALL_TYPES = ("residential", "commercial", "industrial", "public_institution")
GAS = ImportedItem(
    "G101", "居民生活用气", Category.GAS_VOLUME, "m³", Decimal("2.61"), ("residential",), ""
)
TRANSFER = ImportedItem(
    "S105", "过户费", Category.SERVICE_FEE, "户", Decimal("30.00"), ALL_TYPES, ""
)
METER = ImportedItem(
    "M101", "燃气表具(G2.5)", Category.MATERIAL, "个", Decimal("280.00"), ("residential",), ""
)
BANDS = (
    ImportedBand("G101", 1, Decimal(300), Decimal("2.61"), Decimal(60)),
    ImportedBand("G101", 2, Decimal(600), Decimal("3.13"), Decimal(120)),
    ImportedBand("G101", 3, None, Decimal("3.92"), Decimal(120)),
)
TARIFF = ImportedTariff((GAS, TRANSFER, METER), BANDS)
_codes = itertools.count(1)


def header(
    effective_from: dt.date = dt.date(2026, 1, 1), effective_to: dt.date | None = None
) -> ScheduleHeader:
    number = next(_codes)
    return ScheduleHeader(
        f"T-{number}",
        f"测试收费标准{number}",
        f"测价〔2026〕{number}号",
        "测试市发展和改革委员会",
        effective_from,
        effective_to,
    )


def with_price(tariff: ImportedTariff, code: str, price: str) -> ImportedTariff:
    items = tuple(
        replace(item, unit_price=Decimal(price)) if item.code == code else item
        for item in tariff.items
    )
    return replace(tariff, items=items)


def draft(
    database: Database, admin: Context, tariff: ImportedTariff = TARIFF, **dates: dt.date | None
) -> ScheduleSummary:
    return schedules.create_draft(database, admin, header(**dates), tariff, "test.csv")  # type: ignore[arg-type]


def approve(
    database: Database, admin: Context, code: str, approver: Role = Role.SHIFT_MANAGER
) -> ScheduleSummary:
    """A second person grants the approval; the admin approves with it."""
    request = ApprovalRequest(ApprovalKind.APPROVE_TARIFF, code, "物价局批复已核对")
    grant = grant_approval(database, admin, request, EMPLOYEE_NO[approver], PASSWORD)
    return schedules.approve(database, admin, code, grant.approval_id)


def in_force(
    database: Database, admin: Context, tariff: ImportedTariff = TARIFF, **dates: dt.date | None
) -> ScheduleSummary:
    return approve(database, admin, draft(database, admin, tariff, **dates).code)


def people_context(people: dict[Role | str, CurrentUser], role: Role, clock) -> Context:
    from tests.db.security_helpers import context_for

    return context_for(people[role], clock)
