"""All mapped tables, and the domain's words (``db.domain``) they store; import from here.

Importing this package registers every model on ``Base.metadata``.
"""

from db.domain import (
    AccountStatus,
    BillKind,
    CountPurpose,
    FollowUpStatus,
    MoveDirection,
    PaymentMethod,
    PrintStatus,
    PriorityReason,
    RatingLevel,
    RatingSource,
    ReadingKind,
    ReadingSource,
    ReceiptKind,
    ReferralStatus,
    Role,
    ScheduleStatus,
    ShiftStatus,
    TicketStatus,
    Urgency,
    VisitOutcome,
    VisitStage,
)
from db.models.accounts import Account
from db.models.base import Base
from db.models.intake import Ticket, TicketSequence, Visit
from db.models.ledger import Bill, BillLine, MeterReading, OutsidePayment, TierVolume
from db.models.ratings import FollowUpCase, Rating
from db.models.receipts import PrintJob, Receipt, ReceiptLine, ReceiptPayment, ReceiptSeries
from db.models.reference import Department, ServiceCategory, VisitPurpose
from db.models.referrals import InformantReport, Referral, ReferralEvent, ReferralSequence
from db.models.scripts import ScriptVersion, VisitScript
from db.models.security import Approval, AuditEntry, AuditHead
from db.models.shifts import CashCount, CashMove, DayClose, Shift, ShiftTally
from db.models.staff import Counter, Hall, User
from db.models.tariff import TariffBand, TariffItem, TariffLateFee, TariffSchedule

__all__ = [
    "Account",
    "AccountStatus",
    "Approval",
    "AuditEntry",
    "AuditHead",
    "Base",
    "Bill",
    "BillKind",
    "BillLine",
    "CashCount",
    "CashMove",
    "CountPurpose",
    "Counter",
    "DayClose",
    "Department",
    "FollowUpCase",
    "FollowUpStatus",
    "Hall",
    "InformantReport",
    "MeterReading",
    "MoveDirection",
    "OutsidePayment",
    "PaymentMethod",
    "PrintJob",
    "PrintStatus",
    "PriorityReason",
    "Rating",
    "RatingLevel",
    "RatingSource",
    "ReadingKind",
    "ReadingSource",
    "Receipt",
    "ReceiptKind",
    "ReceiptLine",
    "ReceiptPayment",
    "ReceiptSeries",
    "Referral",
    "ReferralEvent",
    "ReferralSequence",
    "ReferralStatus",
    "Role",
    "ScheduleStatus",
    "ScriptVersion",
    "ServiceCategory",
    "Shift",
    "ShiftStatus",
    "ShiftTally",
    "TariffBand",
    "TariffItem",
    "TariffLateFee",
    "TariffSchedule",
    "Ticket",
    "TicketSequence",
    "TicketStatus",
    "TierVolume",
    "Urgency",
    "User",
    "Visit",
    "VisitOutcome",
    "VisitPurpose",
    "VisitScript",
    "VisitStage",
]
