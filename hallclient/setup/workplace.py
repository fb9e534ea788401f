"""The hall and counter this PC works as, from the settings."""

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
    """Find this PC's hall and counter, registering them on first use."""
    session = uow.session
    hall = session.get(Hall, hall_code)
    if hall is None:
        hall = Hall(code=hall_code, name=hall_name)
        session.add(hall)
        log.info("registered hall %s (%s)", hall_code, hall_name)
    counter = session.scalar(
        select(Counter).where(Counter.hall_code == hall_code, Counter.code == counter_code)
    )
    if counter is None:
        counter = Counter(hall_code=hall_code, code=counter_code, name=counter_name(counter_code))
        session.add(counter)
        log.info("registered counter %s in hall %s", counter_code, hall_code)
    uow.commit()
    return Workplace(hall.code, hall.name, counter.code, counter.name)
