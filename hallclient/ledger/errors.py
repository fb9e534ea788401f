"""Refusals of the ledger's services, each with a reason code the UI words itself."""

from __future__ import annotations

import enum

from hallclient.errors import HallError


class LedgerProblem(enum.StrEnum):
    ACCOUNT_INACTIVE = "account_inactive"  # suspended or closed: no gas, no bills
    UNKNOWN_ACCOUNT = "unknown_account"
    UNKNOWN_BILL = "unknown_bill"
    BILL_PAID = "bill_paid"  # paid already (at a counter or outside the hall)
    BILLS_OUT_OF_ORDER = "bills_out_of_order"  # an older open bill is left out
    LATE_FEE_MISSING = "late_fee_missing"  # an overdue bill without its late fee or a waiver
    BILL_CHANGED = "bill_changed"  # the bill or its late fee is not what was quoted
    TIER_VOLUME_CHANGED = "tier_volume_changed"  # gas bought meanwhile: quote again
    NOT_ON_TOP = "not_on_top"  # a later purchase or bill was priced on top of this one
    NO_GAS_ITEM = "no_gas_item"  # no single gas item in force for the customer type
    BAD_READING = "bad_reading"
    NOTHING_TO_WAIVE = "nothing_to_waive"


class LedgerError(HallError):
    """A refusal; ``detail`` names the account, bill, receipt or value concerned."""

    def __init__(self, problem: LedgerProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
