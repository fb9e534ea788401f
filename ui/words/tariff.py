"""The fee screens' words for the core's codes: categories, customer types, refusals."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from hallclient.money import format_unit_price, format_yuan
from hallclient.tariff.errors import AbolishedFeeError, TariffError, TariffProblem
from hallclient.tariff.rules import Category, PricedItem
from ui.kit.i18n import QT_TRANSLATE_NOOP

_CATEGORIES = {
    Category.GAS_VOLUME: QT_TRANSLATE_NOOP("Tariff", "Gas by volume"),
    Category.SERVICE_FEE: QT_TRANSLATE_NOOP("Tariff", "Service fee"),
    Category.MATERIAL: QT_TRANSLATE_NOOP("Tariff", "Material"),
    Category.DEPOSIT: QT_TRANSLATE_NOOP("Tariff", "Deposit"),
    Category.BACK_CHARGE: QT_TRANSLATE_NOOP("Tariff", "Back-charge"),
    Category.ABOLISHED: QT_TRANSLATE_NOOP("Tariff", "Abolished fee"),
}
_CUSTOMER_TYPES = {
    "residential": QT_TRANSLATE_NOOP("Tariff", "Residential"),
    "commercial": QT_TRANSLATE_NOOP("Tariff", "Commercial"),
    "industrial": QT_TRANSLATE_NOOP("Tariff", "Industrial"),
    "public_institution": QT_TRANSLATE_NOOP("Tariff", "Public institution"),
}
_PROBLEMS = {
    TariffProblem.UNKNOWN_ITEM: QT_TRANSLATE_NOOP(
        "Tariff", "This item is not in the tariff in force today; it cannot be charged."
    ),
    TariffProblem.NOT_FOR_CUSTOMER: QT_TRANSLATE_NOOP(
        "Tariff", "This item does not apply to this account's customer type."
    ),
    TariffProblem.BAD_QUANTITY: QT_TRANSLATE_NOOP(
        "Tariff",
        "Please enter a quantity above zero: whole numbers for pieces and services, "
        "up to three decimals for m³ and metres.",
    ),
    TariffProblem.UNKNOWN_ACCOUNT: QT_TRANSLATE_NOOP("Tariff", "No gas account has this number."),
    TariffProblem.PRICE_CHANGED: QT_TRANSLATE_NOOP(
        "Tariff", "The tariff in force has changed; please calculate the fee again."
    ),
    TariffProblem.ESTIMATE: QT_TRANSLATE_NOOP(
        "Tariff", "Tiered gas needs the customer's account before it can be charged."
    ),
}


_FREE = QT_TRANSLATE_NOOP("Tariff", "Free")
_ABOLISHED = QT_TRANSLATE_NOOP("Tariff", "Abolished")
_ABOLISHED_WHY = QT_TRANSLATE_NOOP(
    "Tariff", "{name} was abolished by {document} and must not be charged."
)


def _tr(source: str) -> str:
    return QCoreApplication.translate("Tariff", source)


def category_text(category: Category) -> str:
    return _tr(_CATEGORIES[category])


def customer_types_text(types: tuple[str, ...]) -> str:
    return "、".join(_tr(_CUSTOMER_TYPES.get(kind, kind)) for kind in types)


def tariff_problem_text(error: TariffError) -> str:
    if isinstance(error, AbolishedFeeError):
        return abolished_text(error.name, error.document)
    source = _PROBLEMS.get(error.problem)
    return _tr(source) if source else str(error)


def abolished_text(name: str, document: str) -> str:
    """Why the counter does not charge an abolished fee, in words the clerk can say."""
    return _tr(_ABOLISHED_WHY).format(name=name, document=document)


def unit_price_text(price: Decimal) -> str:
    """``￥2.881``: every decimal approved; ``Free`` (免费) for a price of 0."""
    return format_unit_price(price) if price else _tr(_FREE)


def amount_text(amount: Decimal) -> str:
    """A line's amount: ``￥50.00``, or ``Free`` (免费) for a free item's 0."""
    return format_yuan(amount) if amount else _tr(_FREE)


def item_price_text(item: PricedItem) -> str:
    """An item's price as the lookup lists it: ``Abolished`` for an abolished fee."""
    return _tr(_ABOLISHED) if item.abolished else unit_price_text(item.unit_price)
