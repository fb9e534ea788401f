"""The fee screens' words for the core's codes: categories, customer types, refusals."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from hallclient.tariff.errors import TariffError, TariffProblem
from hallclient.tariff.rules import Category, price_places
from ui.kit.i18n import QT_TRANSLATE_NOOP

_CATEGORIES = {
    Category.GAS_VOLUME: QT_TRANSLATE_NOOP("Tariff", "Gas by volume"),
    Category.SERVICE_FEE: QT_TRANSLATE_NOOP("Tariff", "Service fee"),
    Category.MATERIAL: QT_TRANSLATE_NOOP("Tariff", "Material"),
    Category.DEPOSIT: QT_TRANSLATE_NOOP("Tariff", "Deposit"),
    Category.BACK_CHARGE: QT_TRANSLATE_NOOP("Tariff", "Back-charge"),
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


def _tr(source: str) -> str:
    return QCoreApplication.translate("Tariff", source)


def category_text(category: Category) -> str:
    return _tr(_CATEGORIES[category])


def customer_types_text(types: tuple[str, ...]) -> str:
    return "、".join(_tr(_CUSTOMER_TYPES.get(kind, kind)) for kind in types)


def tariff_problem_text(error: TariffError) -> str:
    source = _PROBLEMS.get(error.problem)
    return _tr(source) if source else str(error)


def unit_price_text(price: Decimal, category: Category) -> str:
    """``￥2.6100`` for gas (four places, as approved), ``￥50.00`` otherwise."""
    return f"￥{price:,.{price_places(category)}f}"
