"""The domain's words: the enums the ORM, the rules and the UI share.

They name what a row stores (a stage, a status, a method of payment) and what the
rules and the screens reason about, so they live here, below the models and free of
SQLAlchemy: a pure rule module imports them without loading the ORM (an
import-linter contract and ``tests/unit/test_pure_rules.py`` keep it so).  The
models import them from here, and ``db.models`` re-exports them.  The database
stores their values: never rename a value.
"""

from __future__ import annotations

import enum

# Staff: who logs in, and what each may do (db.models.staff)


class Role(enum.StrEnum):
    CLERK = "clerk"
    SHIFT_MANAGER = "shift_manager"
    DEPARTMENT_STAFF = "department_staff"
    AUDITOR = "auditor"
    ADMIN = "admin"


# Gas accounts (db.models.accounts)


class AccountStatus(enum.StrEnum):
    NORMAL = "normal"
    SUSPENDED = "suspended"  # gas stopped (停气): only the fees of reconnection are charged
    CLOSED = "closed"  # the account is closed (销户)


# The front door: queue tickets and visits (db.models.intake)


class TicketStatus(enum.StrEnum):
    WAITING = "waiting"
    CALLED = "called"  # at a counter now (recall repeats the call)
    NO_SHOW = "no_show"  # skipped; may be recalled for a while
    TRANSFERRED = "transferred"  # waiting again, in another category or for another counter
    DONE = "done"


class PriorityReason(enum.StrEnum):
    """Why a kiosk ticket goes ahead (the green channel, 绿色通道): who it serves."""

    ELDERLY = "elderly"
    DISABLED = "disabled"
    PREGNANT = "pregnant"


class VisitStage(enum.StrEnum):
    CALLED = "called"
    GREETED = "greeted"
    SERVING = "serving"
    CHARGING = "charging"
    REFERRING = "referring"
    CLOSING = "closing"
    CLOSED = "closed"


class VisitOutcome(enum.StrEnum):
    RESOLVED = "resolved"
    CHARGED = "charged"
    REFERRED = "referred"
    PENDING = "pending"
    NO_SHOW = "no_show"


# The tariff (db.models.tariff)


class ScheduleStatus(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    RETIRED = "retired"
    DISCARDED = "discarded"  # a draft nobody approved; kept for the record


# The ledger: readings and bills (db.models.ledger)


class ReadingSource(enum.StrEnum):
    READER = "reader"  # the meter readers' file (抄表)
    SELF = "self"  # the customer's own reading, told at the counter (自报)


class ReadingKind(enum.StrEnum):
    OPENING = "opening"  # the first reading of an account: nothing before it to bill
    REGULAR = "regular"
    METER_CHANGE = "meter_change"  # a new meter: counts from its start reading (换表)
    ROLLOVER = "rollover"  # the dials passed their maximum and began again (表盘归零)


class BillKind(enum.StrEnum):
    READING = "reading"  # the consumption between two readings, priced by the tariff
    CARRIED = "carried"  # brought over from the previous system (承前), migration 0010


# Receipts, payments and printing (db.models.receipts)


class ReceiptKind(enum.StrEnum):
    SALE = "sale"
    VOID = "void"  # reverses an earlier receipt of the same series; the original stays


class PaymentMethod(enum.StrEnum):
    CASH = "cash"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    UNIONPAY = "unionpay"
    BANK_TRANSFER = "bank_transfer"


class PrintStatus(enum.StrEnum):
    PENDING = "pending"  # waiting for the printer (or for a retry after a fault)
    SENDING = "sending"  # handed to the printer; a crash here leaves the outcome unknown
    PRINTED = "printed"
    LOST = "lost"  # interrupted, and the clerk saw no paper: a 重打 copy replaces it


# Shifts and cash (db.models.shifts)


class ShiftStatus(enum.StrEnum):
    OPEN = "open"  # receipts and cash moves are accepted
    SUBMITTED = "submitted"  # counted and closed by the clerk; waits for the manager
    RETURNED = "returned"  # sent back by the manager for a recount
    APPROVED = "approved"  # final


class CountPurpose(enum.StrEnum):
    FLOAT = "float"  # the opening float
    CLOSE = "close"  # the cash counted at a close (one set per round)


class MoveDirection(enum.StrEnum):
    IN = "in"
    OUT = "out"


# Referrals (db.models.referrals)


class Urgency(enum.StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"
    EMERGENCY = "emergency"


class ReferralStatus(enum.StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"  # done, with its result
    RETURNED = "returned"  # sent back to the hall, with the reason
    TAKEN_UP = "taken_up"  # returned, then taken up again by the counter, with what it did


# The customer's rating and the follow-up of a bad one (db.models.ratings)


class RatingLevel(enum.StrEnum):
    """The five answers the service standard asks for, best first."""

    VERY_SATISFIED = "very_satisfied"  # 非常满意
    SATISFIED = "satisfied"  # 满意
    FAIRLY_SATISFIED = "fairly_satisfied"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意
    VERY_DISSATISFIED = "very_dissatisfied"  # 非常不满意


class RatingSource(enum.StrEnum):
    """Who gave the rating."""

    CUSTOMER_SCREEN = "customer_screen"  # the customer, on the screen facing them
    CLERK = "clerk"  # the clerk, recording what the customer answered
    TIMEOUT = "timeout"  # nobody answered in time: not rated


class FollowUpStatus(enum.StrEnum):
    """A bad rating's case for the shift manager; each state follows the one before."""

    OPENED = "opened"
    CALLED_BACK = "called_back"  # the customer was called back
    CAUSE_RECORDED = "cause_recorded"  # why the service fell short
    FIXED = "fixed"  # what was put right
    CLOSED = "closed"  # with its result
