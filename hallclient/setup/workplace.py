"""The hall and counter this PC works as, and the names of any hall and counter.

The names have one source: the ``halls`` and ``counters`` tables.  The settings name
this PC's hall and counter by code; the settings' ``hall.name`` is only the name a hall
is registered under the first time a PC works in it (a hall already registered keeps
its name, and a differing setting is logged and ignored).  Everything printed names a
hall and counter from these tables: a receipt by the codes it was issued under
(:func:`workplace_of`), everything else by this PC's workplace.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from db.models import Counter, Hall
from hallclient.uow import UnitOfWork

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Workplace:
    hall_code: str
    hall_name: str
    counter_code: str
    counter_name: str


def counter_name(code: str) -> str:
    """What a customer is told: C03 → "3 号窗口"; a code without digits stays as it is."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return f"{int(digits)} 号窗口" if digits else f"{code} 号窗口"


def ensure_workplace(
    uow: UnitOfWork, hall_code: str, hall_name: str, counter_code: str
) -> Workplace:
    """Find this PC's hall and counter, registering them on first use (``hall_name`` is
    the name of a hall registered here; a hall already registered keeps its own)."""
    session = uow.session
    hall = session.get(Hall, hall_code)
    if hall is None:
        session.add(Hall(code=hall_code, name=hall_name))
        log.info("registered hall %s (%s)", hall_code, hall_name)
    elif hall.name != hall_name:
        log.info(
            "hall %s is registered as %s: the setting %s is not used",
            hall_code,
            hall.name,
            hall_name,
        )
    counter = session.scalar(
        select(Counter).where(Counter.hall_code == hall_code, Counter.code == counter_code)
    )
    if counter is None:
        session.add(
            Counter(hall_code=hall_code, code=counter_code, name=counter_name(counter_code))
        )
        log.info("registered counter %s in hall %s", counter_code, hall_code)
    session.flush()
    workplace = workplace_of(uow, hall_code, counter_code)
    uow.commit()
    return workplace


def workplace_of(uow: UnitOfWork, hall_code: str, counter_code: str) -> Workplace:
    """The names registered for a hall and counter code; a code never registered (a
    database older than its workplace rows) is named as a new registration would be."""
    hall = uow.session.scalar(select(Hall.name).where(Hall.code == hall_code))
    counter = uow.session.scalar(
        select(Counter.name).where(Counter.hall_code == hall_code, Counter.code == counter_code)
    )
    return Workplace(
        hall_code,
        hall if hall is not None else hall_code,
        counter_code,
        counter if counter is not None else counter_name(counter_code),
    )


@dataclass(frozen=True)
class CounterView:
    code: str
    name: str
    active: bool
    categories: str  # the queue categories it calls, ";"-separated; empty: all of them
    customer_screen: bool = False  # a screen faces the customer: they rate the visit there


def hall_counters(uow: UnitOfWork, hall_code: str) -> list[CounterView]:
    """The hall's counters by code, as registered (each PC registers its own)."""
    rows = uow.session.scalars(
        select(Counter).where(Counter.hall_code == hall_code).order_by(Counter.code)
    )
    return [
        CounterView(row.code, row.name, row.active, row.categories, row.customer_screen)
        for row in rows
    ]
