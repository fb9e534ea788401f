"""A ticket the customer takes at the kiosk: a category, perhaps an account, perhaps the
green channel.

The number is the category's gapless number of the day (the same sequence a clerk's
F7 draws from).  An account number must be one of the hall's ledger, else nothing is
issued: a customer who mistyped it is told so and tries again or skips it.  How many
wait ahead is counted in the issuing transaction, in the order counters call.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import select

from db.domain import PriorityReason
from db.engine import Database
from db.models import Account, Hall, Ticket
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.errors import HallError
from hallclient.intake.queue import CALLABLE, CALLING_ORDER, add_ticket, category_of
from hallclient.text_input import TextInputError, clean_code
from hallclient.uow import UnitOfWork, run_write


class KioskProblem(enum.StrEnum):
    NO_SUCH_ACCOUNT = "no_such_account"
    BAD_ACCOUNT_NO = "bad_account_no"


class KioskError(HallError):
    def __init__(self, problem: KioskProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)


@dataclass(frozen=True)
class KioskTicket:
    """What the ticket shows, printed or on screen."""

    label: str
    category_code: str
    category_zh: str
    category_en: str
    people_ahead: int
    issued_at: dt.datetime
    service_day: dt.date
    hall_code: str
    hall_name: str
    priority_reason: PriorityReason | None
    account_given: bool

    @property
    def qr_text(self) -> str:
        """The ticket as its QR code carries it (no account number: the paper is left about)."""
        return f"HALL:{self.hall_code};DAY:{self.service_day.isoformat()};TICKET:{self.label}"


def account_number(typed: str) -> str | None:
    """The account number as looked up (full-width digits folded), or None when empty."""
    try:
        number = clean_code(typed, "account_no", 20)
    except TextInputError:
        raise KioskError(KioskProblem.BAD_ACCOUNT_NO) from None
    return number or None


def _people_ahead(uow: UnitOfWork, ticket: Ticket) -> int:
    """The category's tickets still to be called before ``ticket``, in calling order."""
    order = uow.session.scalars(
        select(Ticket.id)
        .where(
            Ticket.hall_code == ticket.hall_code,
            Ticket.service_day == ticket.service_day,
            Ticket.category_code == ticket.category_code,
            Ticket.status.in_(CALLABLE),
        )
        .order_by(*CALLING_ORDER)
    ).all()
    return order.index(ticket.id)


def _hall_name(uow: UnitOfWork, hall_code: str, fallback: str) -> str:
    hall = uow.session.get(Hall, hall_code)
    return hall.name if hall is not None else fallback


def issue_kiosk_ticket(
    database: Database,
    context: Context,
    category_code: str,
    *,
    account_no: str = "",
    priority_reason: PriorityReason | None = None,
    hall_name: str = "",
) -> KioskTicket:
    """Issue and commit the ticket, journaled as the kiosk's (the account number is left
    out of the journal: whether one was given is enough, and the journal is read widely)."""
    context.require(Action.ISSUE_TICKETS)
    number = account_number(account_no)

    def use_case(uow: UnitOfWork) -> KioskTicket:
        category = category_of(uow, category_code)
        if (
            number is not None
            and uow.session.scalar(select(Account.id).where(Account.account_no == number)) is None
        ):
            raise KioskError(KioskProblem.NO_SUCH_ACCOUNT, number)
        ticket = add_ticket(
            uow, context, category, account_no=number, priority_reason=priority_reason
        )
        shown = KioskTicket(
            ticket.label,
            category.code,
            category.name_zh,
            category.name_en,
            _people_ahead(uow, ticket),
            ticket.issued_at,
            ticket.service_day,
            ticket.hall_code,
            _hall_name(uow, ticket.hall_code, hall_name),
            priority_reason,
            number is not None,
        )
        details = {
            "label": ticket.label,
            "category": category.code,
            "priority_reason": priority_reason.value if priority_reason else "",
            "account_given": number is not None,
        }
        context.record(uow, "ticket.kiosk_issued", "ticket", str(ticket.id), details)
        uow.commit()
        return shown

    return run_write(database, use_case)
