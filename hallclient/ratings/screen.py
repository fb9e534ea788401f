"""Whether a screen facing the customer is attached to a counter: a setting of the counter.

Where one is, the customer rates the visit there and the clerk may not rate for them.
"""

from __future__ import annotations

from sqlalchemy import select

from db.engine import Database
from db.models import Counter
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.ratings.errors import RatingError, RatingProblem
from hallclient.text_input import clean_code
from hallclient.uow import UnitOfWork, run_write


def _counter(uow: UnitOfWork, hall_code: str, counter_code: str) -> Counter | None:
    return uow.session.scalar(
        select(Counter).where(Counter.hall_code == hall_code, Counter.code == counter_code)
    )


def screen_attached(uow: UnitOfWork, hall_code: str, counter_code: str) -> bool:
    counter = _counter(uow, hall_code, counter_code)
    return counter is not None and counter.customer_screen


def counter_has_screen(database: Database, context: Context) -> bool:
    """Whether this counter (the context's) has a customer screen."""
    context.require(Action.SERVE_CUSTOMERS)
    with UnitOfWork(database) as uow:
        return screen_attached(uow, context.where.hall_code, context.where.counter_code)


def set_customer_screen(
    database: Database, context: Context, counter_code: str, attached: bool
) -> None:
    """Attach (or detach) a customer screen to a counter of this hall; journaled."""
    context.require(Action.MANAGE_USERS)
    code = clean_code(counter_code, "counter", 16)

    def use_case(uow: UnitOfWork) -> None:
        counter = _counter(uow, context.where.hall_code, code)
        if counter is None:
            raise RatingError(RatingProblem.UNKNOWN_COUNTER, code)
        if counter.customer_screen != attached:
            counter.customer_screen = attached
            details = {"attached": attached}
            context.record(uow, "counter.customer_screen", "counter", code, details)
        uow.commit()

    run_write(database, use_case)
