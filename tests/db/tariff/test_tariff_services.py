"""Schedules from draft to retired, and the pricing service against them, on both databases."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import event, text

from db.domain import Role
from hallclient.access.approvals import ApprovalError, ApprovalRequest, grant_approval
from hallclient.access.permissions import ApprovalKind, PermissionDeniedError
from hallclient.clock import FixedClock
from hallclient.tariff import pricing, review, schedules, store
from hallclient.tariff.errors import TariffError, TariffProblem
from hallclient.tariff.importing import ImportedItem, ImportedTariff
from hallclient.tariff.review import Change
from hallclient.tariff.rules import Category
from hallclient.uow import UnitOfWork
from tests.db.ledger_helpers import add_ledger_account
from tests.db.security_helpers import EMPLOYEE_NO, PASSWORD, START, add_users, context_for, journal
from tests.db.tariff_helpers import ALL_TYPES, TARIFF, approve, draft, in_force, with_price

TODAY = dt.date(2026, 11, 26)  # START in the hall's time zone


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def people(database):
    return add_users(database)


@pytest.fixture
def admin(people, clock):
    return context_for(people[Role.ADMIN], clock)


@pytest.fixture
def clerk(people, clock):
    return context_for(people[Role.CLERK], clock)


def _problem(call, *args, **kwargs) -> TariffProblem:
    with pytest.raises(TariffError) as caught:
        call(*args, **kwargs)
    return caught.value.problem


def _add_account(database, ytd_volume_m3=250, ytd_as_of=dt.date(2026, 1, 1), **values) -> str:
    return add_ledger_account(database, used=ytd_volume_m3, year=ytd_as_of, **values)


def test_a_draft_is_in_force_only_after_a_second_person_approves(database, admin, clerk):
    code = draft(database, admin).code
    assert (
        _problem(pricing.quote, database, clerk, "S105", Decimal(1)) is TariffProblem.UNKNOWN_ITEM
    )
    approve(database, admin, code)
    quote = pricing.quote(database, clerk, "S105", Decimal(1))
    assert quote.amount == Decimal("30.00")
    assert quote.lines[0].schedule_code == code
    actions = [action for _, action, object_id in journal(database) if object_id == code]
    assert actions == ["tariff.draft_created", "tariff.approved"]


def test_an_approval_for_another_schedule_does_not_count(database, admin):
    first, second = draft(database, admin), draft(database, admin)
    request = ApprovalRequest(ApprovalKind.APPROVE_TARIFF, first.code, "已核对")
    grant = grant_approval(database, admin, request, EMPLOYEE_NO[Role.SHIFT_MANAGER], PASSWORD)
    with pytest.raises(ApprovalError):
        schedules.approve(database, admin, second.code, grant.approval_id)
    assert schedules.approve(database, admin, first.code, grant.approval_id).status == "approved"


def test_two_schedules_in_force_for_one_item_are_refused_naming_both(database, admin):
    current = in_force(database, admin)
    newer = draft(
        database, admin, with_price(TARIFF, "S105", "35.00"), effective_from=dt.date(2027, 1, 1)
    )
    with pytest.raises(TariffError) as caught:
        approve(database, admin, newer.code)
    assert caught.value.problem is TariffProblem.OVERLAP
    assert current.code in caught.value.detail and newer.code in caught.value.detail
    schedules.end_on(database, admin, current.code, dt.date(2026, 12, 31))
    approve(database, admin, newer.code)
    on_new_years_day = pricing.quote(database, admin, "S105", Decimal(1), on=dt.date(2027, 1, 1))
    on_new_years_eve = pricing.quote(database, admin, "S105", Decimal(1), on=dt.date(2026, 12, 31))
    assert (on_new_years_eve.amount, on_new_years_day.amount) == (Decimal(30), Decimal(35))


@pytest.mark.parametrize("day", [dt.date(2025, 12, 31), dt.date(2027, 1, 1)])
def test_outside_its_dates_a_schedule_prices_nothing(database, admin, clerk, day):
    in_force(
        database, admin, effective_from=dt.date(2026, 1, 1), effective_to=dt.date(2026, 12, 31)
    )
    assert _problem(pricing.quote, database, clerk, "S105", Decimal(1), on=day) is (
        TariffProblem.UNKNOWN_ITEM
    )


def test_a_retired_schedule_prices_nothing(database, admin, clerk):
    code = in_force(database, admin).code
    schedules.retire(database, admin, code)
    assert (
        _problem(pricing.quote, database, clerk, "S105", Decimal(1)) is TariffProblem.UNKNOWN_ITEM
    )
    assert (admin.user.employee_no, "tariff.retired", code) in journal(database)


def test_the_last_day_is_never_set_in_the_past(database, admin):
    code = in_force(database, admin).code
    yesterday = TODAY - dt.timedelta(days=1)
    assert _problem(schedules.end_on, database, admin, code, yesterday) is TariffProblem.BAD_DATE
    assert schedules.end_on(database, admin, code, TODAY).effective_to == TODAY


def test_a_clerk_cannot_create_approve_or_retire(database, admin, clerk):
    code = draft(database, admin).code
    with pytest.raises(PermissionDeniedError):
        draft(database, clerk)
    with pytest.raises(PermissionDeniedError):
        schedules.approve(database, clerk, code, 1)
    with pytest.raises(PermissionDeniedError):
        schedules.discard(database, clerk, code)


def test_items_and_bands_refuse_changes_behind_the_apps_back(database, admin):
    in_force(database, admin)
    for statement in ("UPDATE tariff_items SET unit_price = 1", "DELETE FROM tariff_bands"):
        with pytest.raises(Exception, match="append-only"), database.connection() as conn:
            conn.execute(text(statement))


def test_confirm_refuses_an_edited_amount_an_estimate_and_a_withdrawn_price(database, admin, clerk):
    code = in_force(database, admin).code
    account = _add_account(database)
    quote = pricing.quote(database, clerk, "G101", Decimal(100), account_no=account)
    with UnitOfWork(database) as uow:
        assert pricing.confirm(uow, quote) == quote
        edited = replace(quote, amount=quote.amount - Decimal("0.01"))
        assert _problem(pricing.confirm, uow, edited) is TariffProblem.PRICE_CHANGED
        estimate = pricing.quote(database, clerk, "G101", Decimal(100))
        assert _problem(pricing.confirm, uow, estimate) is TariffProblem.ESTIMATE
    schedules.retire(database, admin, code)
    with UnitOfWork(database) as uow:
        assert _problem(pricing.confirm, uow, quote) is TariffProblem.UNKNOWN_ITEM


def test_a_large_household_splits_from_its_year_to_date_volume(database, admin, clerk):
    in_force(database, admin)
    account = _add_account(database, ytd_volume_m3=250, household_size=5)
    quote = pricing.quote(database, clerk, "G101", Decimal(200), account_no=account)
    # household of 5: limits 360 and 720; 250 used → 110 in tier 1, 90 in tier 2
    assert [(line.band, line.quantity) for line in quote.lines] == [(1, 110), (2, 90)]
    assert quote.amount == Decimal("287.10") + Decimal("281.70")


def test_last_tier_years_volume_counts_as_nothing_used_in_the_next(database, admin, clerk):
    in_force(database, admin)
    account = _add_account(database, ytd_volume_m3=900, ytd_as_of=dt.date(2025, 1, 1))
    quote = pricing.quote(
        database, clerk, "G101", Decimal(10), account_no=account, on=dt.date(2026, 1, 2)
    )
    assert [(line.band, line.quantity) for line in quote.lines] == [(1, 10)]


def test_an_item_for_other_customers_is_refused(database, admin, clerk):
    in_force(database, admin)
    account = _add_account(database, customer_type="commercial")
    assert _problem(pricing.quote, database, clerk, "M101", Decimal(1), account_no=account) is (
        TariffProblem.NOT_FOR_CUSTOMER
    )


@pytest.mark.parametrize("quantity", ["0", "-1", "1.5", "NaN", "1000001"])
def test_a_bad_quantity_is_refused(database, admin, clerk, quantity):
    in_force(database, admin)
    assert _problem(pricing.quote, database, clerk, "S105", Decimal(quantity)) is (
        TariffProblem.BAD_QUANTITY
    )


def test_review_lists_what_a_draft_changes(database, admin):
    in_force(database, admin)
    changed = with_price(TARIFF, "S105", "35.00")
    newer = draft(
        database,
        admin,
        replace(changed, items=changed.items[:2]),
        effective_from=dt.date(2027, 1, 1),
    )
    result = review.review(database, admin, newer.code)
    kinds = {change.code: change.change for change in result.changes}
    assert kinds == {"G101": Change.SAME, "S105": Change.CHANGED, "M101": Change.REMOVED}
    assert next(c for c in result.changes if c.code == "S105").fields == ("unit_price",)


def test_export_gives_back_what_was_imported(database, admin):
    code = draft(database, admin).code
    exported = review.export_tariff(database, admin, code)
    assert sorted(exported.items, key=lambda i: i.code) == sorted(
        TARIFF.items, key=lambda i: i.code
    )
    assert exported.bands == TARIFF.bands


def test_a_schedule_approved_while_prices_are_read_is_not_filed_under_the_old_set(
    database, admin, clerk
):
    """The set of schedules in force is read twice when it is new (ids, then whole): an
    approval between the two must not file its items under the set read first."""
    in_force(database, admin)
    extra = ImportedItem(
        "X901", "新增服务", Category.SERVICE_FEE, "次", Decimal("5.00"), ALL_TYPES, ""
    )
    later = draft(database, admin, ImportedTariff((extra,), ()), effective_from=TODAY)
    request = ApprovalRequest(ApprovalKind.APPROVE_TARIFF, later.code, "物价局批复已核对")
    grant = grant_approval(database, admin, request, EMPLOYEE_NO[Role.SHIFT_MANAGER], PASSWORD)
    approved: list[str] = []

    def approve_meanwhile(_conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        if not approved and statement.lstrip().startswith(
            "SELECT tariff_schedules.id, tariff_schedules.code"
        ):
            approved.append(later.code)  # from another connection, as another PC would
            worker = threading.Thread(
                target=schedules.approve, args=(database, admin, later.code, grant.approval_id)
            )
            worker.start()
            worker.join()

    store._LOADED.clear()
    event.listen(database.engine, "before_cursor_execute", approve_meanwhile)
    try:  # PostgreSQL's second statement sees the approval; SQLite's snapshot does not
        pricing.pricer(database, clerk)
    finally:
        event.remove(database.engine, "before_cursor_execute", approve_meanwhile)
    assert approved == [later.code]
    assert "X901" in pricing.pricer(database, clerk).items  # today, read again: the new set
    yesterday = TODAY - dt.timedelta(days=1)
    assert _problem(pricing.quote, database, clerk, "X901", Decimal(1), on=yesterday) is (
        TariffProblem.UNKNOWN_ITEM
    )
