"""A hall with its queue categories and counters, and contexts at each counter."""

from __future__ import annotations

from dataclasses import replace

from db.engine import Database
from db.models import Counter, Hall
from hallclient import paths
from hallclient.access.audit import Where
from hallclient.clock import FixedClock
from hallclient.context import Context, CurrentUser
from hallclient.setup.refdata_install import install_reference
from hallclient.setup.reference import load_reference
from hallclient.uow import UnitOfWork, run_write
from tests.db.security_helpers import WHERE, context_for

COUNTERS = tuple(f"C{n:02d}" for n in range(1, 9))


def install_reference_data(database: Database) -> None:
    """Departments, queue categories, purposes and the demo tariff (missing rows only)."""
    reference = load_reference(paths.resources_dir() / "reference")
    run_write(database, lambda uow: install_reference(uow, reference))


def add_hall(database: Database, categories: dict[str, str] | None = None) -> None:
    """Reference data, hall H01 and counters C01-C08 (``categories``: per counter, "A;V")."""
    install_reference_data(database)

    def use_case(uow: UnitOfWork) -> None:
        uow.session.add(Hall(code=WHERE.hall_code, name="测试营业厅"))
        uow.session.flush()
        for code in COUNTERS:
            served = (categories or {}).get(code, "")
            uow.session.add(
                Counter(
                    hall_code=WHERE.hall_code, code=code, name=f"{code}号窗口", categories=served
                )
            )
        uow.commit()

    run_write(database, use_case)


def at_counter(user: CurrentUser, clock: FixedClock, counter: str) -> Context:
    return replace(context_for(user, clock), where=Where(WHERE.hall_code, counter))
