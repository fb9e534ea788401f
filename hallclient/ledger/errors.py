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


class ReadingFault(enum.StrEnum):
    """Why a reading was refused, so that a screen can say it in the clerk's words."""

    FIRST_READING = "first_reading"  # the account's first: nothing to bill
    NO_EARLIER = "no_earlier"  # a meter change or rollover needs a reading before it
    START_WITHOUT_CHANGE = "start_without_change"
    BELOW_LAST = "below_last"  # (figure, last figure)
    START_NEEDED = "start_needed"
    OLD_BELOW_LAST = "old_below_last"  # (old meter's figure, last figure)
    BELOW_START = "below_start"  # (figure, start figure)
    NOT_A_NUMBER = "not_a_number"  # (field)
    OUT_OF_RANGE = "out_of_range"  # (field, value)
    SAME_METER = "same_meter"  # (meter)
    OTHER_METER = "other_meter"  # (meter, the account's meter)
    IN_FUTURE = "in_future"  # (day)
    NOT_AFTER_LAST = "not_after_last"  # (the last reading's day)
    METER_ELSEWHERE = "meter_elsewhere"  # (meter, the account it is on)
    OPENING_BELOW_ZERO = "opening_below_zero"


_READING_DETAILS = {
    ReadingFault.FIRST_READING: "the account's first reading",
    ReadingFault.NO_EARLIER: "no earlier reading to change from",
    ReadingFault.START_WITHOUT_CHANGE: "a start figure needs a meter change",
    ReadingFault.BELOW_LAST: "{0} is below the last {1}",
    ReadingFault.START_NEEDED: "a meter change needs the start reading",
    ReadingFault.OLD_BELOW_LAST: "old meter {0} below {1}",
    ReadingFault.BELOW_START: "{0} is below the start {1}",
    ReadingFault.NOT_A_NUMBER: "{0}: not a number",
    ReadingFault.OUT_OF_RANGE: "{0}: {1}",
    ReadingFault.SAME_METER: "meter change to the same meter {0}",
    ReadingFault.OTHER_METER: "meter {0} is not the account's {1}",
    ReadingFault.IN_FUTURE: "{0} is in the future",
    ReadingFault.NOT_AFTER_LAST: "not after the last reading of {0}",
    ReadingFault.METER_ELSEWHERE: "meter {0} is on {1}",
    ReadingFault.OPENING_BELOW_ZERO: "opening figures below zero",
}


class LedgerError(HallError):
    """A refusal; ``detail`` names the account, bill, receipt or value concerned.

    A refused reading also carries its :class:`ReadingFault` and the values it names
    (``detail`` is then the fault in English, for the readers' file and the logs)."""

    def __init__(
        self,
        problem: LedgerProblem,
        detail: str = "",
        *,
        fault: ReadingFault | None = None,
        values: tuple[str, ...] = (),
    ) -> None:
        self.problem, self.detail, self.fault, self.values = problem, detail, fault, values
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)


def reading_refused(fault: ReadingFault, *values: object) -> LedgerError:
    named = tuple(str(value) for value in values)
    return LedgerError(
        LedgerProblem.BAD_READING, _READING_DETAILS[fault].format(*named), fault=fault, values=named
    )
