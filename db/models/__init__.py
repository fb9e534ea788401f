"""All mapped tables; import from here so every model is registered on ``Base.metadata``."""

from db.models.accounts import Account
from db.models.base import Base
from db.models.intake import (
    Ticket,
    TicketSequence,
    TicketStatus,
    Visit,
    VisitOutcome,
    VisitStage,
)
from db.models.receipts import (
    PaymentMethod,
    PrintJob,
    PrintStatus,
    Receipt,
    ReceiptKind,
    ReceiptLine,
    ReceiptPayment,
    ReceiptSeries,
)
from db.models.reference import Department, ServiceCategory, VisitPurpose
from db.models.referrals import (
    InformantReport,
    Referral,
    ReferralEvent,
    ReferralSequence,
    ReferralStatus,
    Urgency,
)
from db.models.scripts import ScriptVersion, VisitScript
from db.models.security import Approval, AuditEntry, AuditHead
from db.models.shifts import (
    CashCount,
    CashMove,
    CountPurpose,
    DayClose,
    MoveDirection,
    Shift,
    ShiftStatus,
    ShiftTally,
)
from db.models.staff import Counter, Hall, Role, User
from db.models.tariff import ScheduleStatus, TariffBand, TariffItem, TariffSchedule

__all__ = [
    "Account",
    "Approval",
    "AuditEntry",
    "AuditHead",
    "Base",
    "CashCount",
    "CashMove",
    "CountPurpose",
    "Counter",
    "DayClose",
    "Department",
    "Hall",
    "InformantReport",
    "MoveDirection",
    "PaymentMethod",
    "PrintJob",
    "PrintStatus",
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
    "TariffSchedule",
    "Ticket",
    "TicketSequence",
    "TicketStatus",
    "Urgency",
    "User",
    "Visit",
    "VisitOutcome",
    "VisitPurpose",
    "VisitScript",
    "VisitStage",
]
