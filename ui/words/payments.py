"""The payment screens' words: payment methods, refusals of a payment, printer faults."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.domain import PaymentMethod
from hallclient.errors import DatabaseUnavailableError, HallError
from hallclient.money import format_yuan
from hallclient.receipts.errors import ReceiptError, ReceiptProblem, ShortTenderError
from hallclient.shifts.errors import ShiftError
from hallclient.tariff.errors import TariffError
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.words.problems import problem_text
from ui.words.shifts import shift_problem_text
from ui.words.tariff import tariff_problem_text

METHODS = {
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Payments", "Cash"),
    PaymentMethod.WECHAT: QT_TRANSLATE_NOOP("Payments", "WeChat Pay"),
    PaymentMethod.ALIPAY: QT_TRANSLATE_NOOP("Payments", "Alipay"),
    PaymentMethod.UNIONPAY: QT_TRANSLATE_NOOP("Payments", "UnionPay card"),
    PaymentMethod.BANK_TRANSFER: QT_TRANSLATE_NOOP("Payments", "Bank transfer"),
}
_REFUSALS = {
    ReceiptProblem.EMPTY_CART: QT_TRANSLATE_NOOP(
        "Payments", "The cart is empty: add the fees on the Fees page (Ctrl+2) first."
    ),
    ReceiptProblem.NOTHING_TO_PAY: QT_TRANSLATE_NOOP(
        "Payments",
        "Everything in the cart is free: there is nothing to charge and no receipt. "
        "Record the service when the visit ends (F9).",
    ),
    ReceiptProblem.BAD_AMOUNT: QT_TRANSLATE_NOOP(
        "Payments", "Each amount must be above zero and exact to the fen."
    ),
    ReceiptProblem.NOT_BALANCED: QT_TRANSLATE_NOOP(
        "Payments", "The payments do not add up to the total; please check the amounts."
    ),
    ReceiptProblem.SHORT_TENDER: QT_TRANSLATE_NOOP(
        "Payments", "The cash handed over is less than the cash to pay."
    ),
    ReceiptProblem.TENDER_WITHOUT_CASH: QT_TRANSLATE_NOOP(
        "Payments", "Cash handed over is entered, but nothing is paid in cash."
    ),
    ReceiptProblem.BAD_REFERENCE: QT_TRANSLATE_NOOP(
        "Payments", "A payment reference may have at most 64 characters."
    ),
    ReceiptProblem.KEY_REUSED: QT_TRANSLATE_NOOP(
        "Payments",
        "The earlier attempt of this payment had been charged after all (receipt in the number "
        "field); nothing was charged again. Press F5 to print it, then charge the rest anew.",
    ),
}
_MIXED = QT_TRANSLATE_NOOP(
    "Payments",
    "The cart holds fees quoted for another account than {account}, and a receipt is for "
    "one account. On the Fees page (Ctrl+2) remove the other account's lines (Delete) and "
    "charge these; then quote those fees for their own account.",
)
_MIXED_NO_ACCOUNT = QT_TRANSLATE_NOOP(
    "Payments",
    "The cart holds fees quoted for an account together with fees for no account, and a "
    "receipt is for one customer. On the Fees page (Ctrl+2) remove one kind (Delete), "
    "charge the rest, then the others.",
)
_NOT_THE_VISITS = QT_TRANSLATE_NOOP(
    "Payments",
    "This visit is for account {account}; a receipt for another account is refused. To "
    "serve another account, take it for the visit on the intake page (Ctrl+1, search, "
    "Enter): the change is recorded.",
)
_UNCONFIRMED = QT_TRANSLATE_NOOP(
    "Payments",
    "The database could not confirm the payment. Press F12 again: the same payment is "
    "sent again and charged at most once.",
)

_SHORT_CASH = QT_TRANSLATE_NOOP(
    "Payments",
    "Not enough cash: {due} is due in cash, {missing} is still missing. Please check the "
    "cash handed over and type it again.",
)
_NO_SHIFT = QT_TRANSLATE_NOOP(
    "Payments",
    "No shift is open at this counter, so no payment can be taken. Please open your shift "
    "on the Shift page (Ctrl+5) first.",
)
_OTHER_SHIFT = QT_TRANSLATE_NOOP(
    "Payments",
    "The shift open at this counter is {name}'s ({number}): it must be closed before you "
    "can take payments. Then open your own shift on the Shift page (Ctrl+5).",
)


def _tr(source: str) -> str:
    return QCoreApplication.translate("Payments", source)


def method_text(method: PaymentMethod) -> str:
    return _tr(METHODS[method])


def payment_problem_text(error: HallError) -> str:
    """A refusal of a payment; a lost connection leaves the outcome open (retry is safe)."""
    if text := _receipt_text(error):
        return text
    if isinstance(error, TariffError):
        return tariff_problem_text(error)
    if isinstance(error, ShiftError):
        return shift_problem_text(error)
    if isinstance(error, DatabaseUnavailableError):
        return _tr(_UNCONFIRMED)
    return problem_text(error)


def _receipt_text(error: HallError) -> str:
    """The words of a receipt refusal, or "" for one the tables here do not word."""
    if not isinstance(error, ReceiptError):
        return ""
    if error.problem is ReceiptProblem.MIXED_ACCOUNTS:
        return _tr(_MIXED).format(account=error.detail) if error.detail else _tr(_MIXED_NO_ACCOUNT)
    if error.problem is ReceiptProblem.NOT_THE_VISITS_ACCOUNT:
        return _tr(_NOT_THE_VISITS).format(account=error.detail)
    if isinstance(error, ShortTenderError):  # how much is missing, not only that it is
        return short_cash_text(error)
    return _tr(_REFUSALS[error.problem]) if error.problem in _REFUSALS else ""


def short_cash_text(error: ShortTenderError) -> str:
    return _tr(_SHORT_CASH).format(due=format_yuan(error.due), missing=format_yuan(error.missing))


def shift_note_text(clerk_name: str | None, clerk_no: str = "") -> str:
    """Why no payment can be taken here: no shift open (None), or another clerk's."""
    if clerk_name is None:
        return _tr(_NO_SHIFT)
    return _tr(_OTHER_SHIFT).format(name=clerk_name, number=clerk_no)
