"""Refusals of the tariff services, each with a reason code the UI words itself."""

from __future__ import annotations

import enum

from hallclient.errors import HallError


class TariffProblem(enum.StrEnum):
    UNKNOWN_ITEM = "unknown_item"  # no item of that code in a schedule in force that day
    ABOLISHED = "abolished"  # a fee a state document abolished: never charged (不准乱收费)
    NOT_FOR_CUSTOMER = "not_for_customer"  # the account's customer type is not listed
    BAD_QUANTITY = "bad_quantity"
    UNKNOWN_ACCOUNT = "unknown_account"
    PRICE_CHANGED = "price_changed"  # a quote no longer matches the schedule in force
    ESTIMATE = "estimate"  # a tiered quote without an account cannot be charged
    BAD_HEADER = "bad_header"
    DUPLICATE_CODE = "duplicate_code"
    UNKNOWN_SCHEDULE = "unknown_schedule"
    WRONG_STATUS = "wrong_status"
    OVERLAP = "overlap"  # two schedules would be in force for one item on one day
    BAD_DATE = "bad_date"


class TariffError(HallError):
    """A refusal; ``detail`` names the item, schedules or field concerned."""

    def __init__(self, problem: TariffProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)


class AbolishedFeeError(TariffError):
    """An abolished fee was asked for: its name and the document that abolished it."""

    def __init__(self, code: str, name: str, document: str) -> None:
        self.name, self.document = name, document
        super().__init__(TariffProblem.ABOLISHED, f"{code}: {document}")
