"""The demo data set (演示): reference data, one user per role, synthetic accounts.

Demo users all have documented passwords (see README) and must change them at
their first login: loaded into a real database they would be a back door (admin 9001
with the password printed in the README).  So a database with any user who is not one
of the demo users is refused, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from db.domain import Role
from db.engine import Database
from db.models import Account, Counter, Hall, User
from hallclient.access.passwords import hash_password
from hallclient.clock import DEFAULT_TIMEZONE, SystemClock, hall_today
from hallclient.errors import HallError
from hallclient.setup.demo_accounts import insert_accounts
from hallclient.setup.demo_ledger import build_ledger
from hallclient.setup.refdata_install import install_reference
from hallclient.setup.reference import ReferenceData
from hallclient.setup.workplace import counter_name
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoUser:
    employee_no: str
    display_name: str
    role: Role
    password: str
    department_code: str | None = None


DEMO_USERS = (
    DemoUser("1001", "王丽", Role.CLERK, "demo1001"),
    DemoUser("1002", "李强", Role.CLERK, "demo1002"),
    DemoUser("2001", "陈静", Role.SHIFT_MANAGER, "demo2001"),
    DemoUser("3001", "赵刚", Role.DEPARTMENT_STAFF, "demo3001", "emergency_repair"),
    DemoUser("4001", "孙敏", Role.AUDITOR, "demo4001"),
    DemoUser("9001", "周涛", Role.ADMIN, "demo9001"),
)
_DEMO_IDENTITIES = frozenset((u.employee_no, u.display_name, u.role) for u in DEMO_USERS)
DEMO_HALL = ("H01", "演示营业厅")
DEMO_SEED = 2026  # same seed, same accounts: screenshots and docs can name one
DEMO_COUNTERS = ("C01", "C02", "C03", "C04")


class RealUsersError(HallError):
    def __init__(self, employee_nos: list[str]) -> None:
        self.employee_nos = employee_nos
        shown = ", ".join(employee_nos[:3]) + (" …" if len(employee_nos) > 3 else "")
        super().__init__(
            f"this database has users of its own ({shown}): demo data is never loaded into "
            "a database that serves customers"
        )


def _refuse_real_users(uow: UnitOfWork) -> None:
    rows = uow.session.execute(select(User.employee_no, User.display_name, User.role))
    own = sorted(no for no, name, role in rows if (no, name, role) not in _DEMO_IDENTITIES)
    if own:
        raise RealUsersError(own)


def refuse_real_users(database: Database) -> None:
    """Refuse a database with a user who is not a demo user (:class:`RealUsersError`)."""
    with UnitOfWork(database) as uow:
        _refuse_real_users(uow)


def _install_reference(uow: UnitOfWork, reference: ReferenceData) -> None:
    _refuse_real_users(uow)
    install_reference(uow, reference)


def _add_hall_and_users(uow: UnitOfWork) -> None:
    _refuse_real_users(uow)  # again, in the transaction that adds them
    session = uow.session
    if session.get(Hall, DEMO_HALL[0]) is None:
        session.add(Hall(code=DEMO_HALL[0], name=DEMO_HALL[1]))
    existing = set(session.scalars(select(Counter.code).where(Counter.hall_code == DEMO_HALL[0])))
    for code in DEMO_COUNTERS:
        if code not in existing:
            session.add(Counter(hall_code=DEMO_HALL[0], code=code, name=counter_name(code)))
    known = set(session.scalars(select(User.employee_no)))
    for user in DEMO_USERS:
        if user.employee_no not in known:
            session.add(
                User(
                    employee_no=user.employee_no,
                    display_name=user.display_name,
                    role=user.role,
                    department_code=user.department_code,
                    password_hash=hash_password(user.password),
                    must_change_password=True,
                )
            )
    uow.commit()


def account_count(database: Database) -> int:
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(func.count()).select_from(Account)) or 0


def build_demo(
    database: Database,
    reference: ReferenceData,
    accounts: int,
    seed: int = DEMO_SEED,
    progress: Progress | None = None,
    *,
    today: dt.date | None = None,
    timezone: str = DEFAULT_TIMEZONE,
) -> None:
    """Load reference data, demo hall, users and ``accounts`` synthetic accounts with
    their ledger (readings and bills up to ``today``, the hall's today by default).

    Reference data and users are added where missing; accounts only into a
    database that has none (a second run never duplicates or mixes data sets).  A
    database with users of its own is refused (:class:`RealUsersError`), nothing written.
    """
    run_write(database, lambda uow: _install_reference(uow, reference))
    run_write(database, _add_hall_and_users)
    if accounts and account_count(database) == 0:
        insert_accounts(database, accounts, seed, progress)
        bills = build_ledger(database, seed, timezone, today or hall_today(SystemClock(), timezone))
        log.info("demo ledger: %d bills", bills)
    log.info("demo data ready (%d accounts requested)", accounts)
