"""Refusals of the payment and receipt services, each with a reason the UI words itself."""

from __future__ import annotations

import enum
from decimal import Decimal

from hallclient.errors import HallError


class ReceiptProblem(enum.StrEnum):
    EMPTY_CART = "empty_cart"
    NOTHING_TO_PAY = "nothing_to_pay"  # only free items (免费): no payment, no receipt
    BAD_AMOUNT = "bad_amount"  # a payment of zero, negative, or not to the fen
    NOT_BALANCED = "not_balanced"  # payments do not add up to the total
    MIXED_ACCOUNTS = "mixed_accounts"  # fees quoted for another account than the receipt's
    SHORT_TENDER = "short_tender"  # less cash handed over than the cash part
    TENDER_WITHOUT_CASH = "tender_without_cash"
    TWO_CASH_PAYMENTS = "two_cash_payments"
    BAD_REFERENCE = "bad_reference"
    BAD_KEY = "bad_key"  # an idempotency key that is not one the client makes
    KEY_REUSED = "key_reused"  # the same key came with a different payment
    UNKNOWN_VISIT = "unknown_visit"
    NOT_THE_VISITS_ACCOUNT = "not_the_visits_account"  # the visit serves another account
    UNKNOWN_RECEIPT = "unknown_receipt"
    ALREADY_VOID = "already_void"
    NOT_VOIDABLE = "not_voidable"  # a void itself, or a receipt of another counter


class ReceiptError(HallError):
    def __init__(self, problem: ReceiptProblem, detail: str = "") -> None:
        self.problem, self.detail = problem, detail
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)


class ShortTenderError(ReceiptError):
    """Less cash handed over than the cash part: the screen says how much is missing."""

    def __init__(self, due: Decimal, handed: Decimal) -> None:
        self.due, self.handed = due, handed
        super().__init__(ReceiptProblem.SHORT_TENDER, f"{handed} < {due}")

    @property
    def missing(self) -> Decimal:
        return self.due - self.handed


class SeriesGapKind(enum.StrEnum):
    MISSING_ON_SERVER = "missing_on_server"  # receipts this counter issued are not there
    DIFFERS_ON_SERVER = "differs_on_server"  # the server holds another receipt at the number


class SeriesStoppedError(HallError):
    """The counter's journal knows receipts of the series the server lacks, or holds otherwise:
    issuing on it stops (a number would be given twice) until IT restores them
    (``hallclient receipts restore-from-counter``)."""

    def __init__(self, series: str, kind: SeriesGapKind, numbers: tuple[int, ...]) -> None:
        self.series, self.kind, self.numbers = series, kind, numbers
        what = kind.value.replace("_", " ")
        super().__init__(
            f"series {series} stopped: receipts {number_ranges(numbers)} {what}; "
            "an administrator runs: hallclient receipts restore-from-counter"
        )


def number_ranges(numbers: tuple[int, ...]) -> str:
    """``1-3, 7`` for (1, 2, 3, 7): a long run of missing receipts in a few characters."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
