"""The overview's charts (QtCharts): the day's takings by payment method and by fee category.

Chart values are floats for drawing only; every figure a person reads is a label
formatted from the Decimal amounts.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QPainter

from db.domain import PaymentMethod
from hallclient.money import format_yuan
from ui.kit.i18n import QT_TRANSLATE_NOOP

CATEGORIES = {
    "bills": QT_TRANSLATE_NOOP("Charts", "Bills paid"),
    "late_fees": QT_TRANSLATE_NOOP("Charts", "Late fees"),
    "gas_volume": QT_TRANSLATE_NOOP("Charts", "Prepaid gas"),
    "service_fee": QT_TRANSLATE_NOOP("Charts", "Service fees"),
    "material": QT_TRANSLATE_NOOP("Charts", "Materials"),
    "deposit": QT_TRANSLATE_NOOP("Charts", "Deposits"),
    "back_charge": QT_TRANSLATE_NOOP("Charts", "Back charges"),
}


SHORT_METHODS = {  # the bars' labels: the full names are cut off in English
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Charts", "Cash"),
    PaymentMethod.WECHAT: QT_TRANSLATE_NOOP("Charts", "WeChat"),
    PaymentMethod.ALIPAY: QT_TRANSLATE_NOOP("Charts", "Alipay"),
    PaymentMethod.UNIONPAY: QT_TRANSLATE_NOOP("Charts", "UnionPay"),
    PaymentMethod.BANK_TRANSFER: QT_TRANSLATE_NOOP("Charts", "Transfer"),
}


def category_text(category: str) -> str:
    source = CATEGORIES.get(category)
    return QCoreApplication.translate("Charts", source) if source else category


def _view(chart: QChart, name: str) -> QChartView:
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: Tab goes past it
    return view


class DayCharts:
    """Two chart views whose series and axes are made once and refilled for each day.

    Nothing is removed from or re-added to a chart: the chart owns its series and axes
    for its whole life, so no Python wrapper ever outlives (or deletes) what Qt owns.
    """

    def __init__(self) -> None:
        self.methods = _view(QChart(), "chartMethods")
        self.categories = _view(QChart(), "chartCategories")
        self._values = QBarSet("")
        self._bars = QBarSeries()
        self._bars.append(self._values)
        self._bars.setLabelsVisible(True)
        self._names, self._scale = QBarCategoryAxis(), QValueAxis()
        self._scale.setLabelFormat("%.0f")
        bars = self.methods.chart()
        bars.addSeries(self._bars)
        bars.addAxis(self._names, Qt.AlignmentFlag.AlignBottom)
        bars.addAxis(self._scale, Qt.AlignmentFlag.AlignLeft)
        self._bars.attachAxis(self._names)
        self._bars.attachAxis(self._scale)
        bars.legend().hide()
        self._pie = QPieSeries()
        self.categories.chart().addSeries(self._pie)

    def show(
        self, by_method: dict[PaymentMethod, Decimal], by_category: dict[str, Decimal]
    ) -> None:
        """The day's takings; a day without any says so in both titles, on an axis of 0–100."""
        taken = any(by_method.values())
        self.methods.chart().setTitle(
            QCoreApplication.translate("Charts", "Taken by payment method")
            if taken
            else QCoreApplication.translate("Charts", "Nothing taken on this day")
        )
        values = [float(a) for a in by_method.values()]  # drawing only: never a money figure
        self._values.remove(0, self._values.count())
        self._values.append(values)
        self._names.clear()
        self._names.append([_tr(SHORT_METHODS[m]) for m in by_method])
        top = max([*values, 0.0])  # a day of refunds only draws no bar below the axis
        self._scale.setRange(0, top * 1.1 if top > 0 else 100.0)
        self._scale.applyNiceNumbers()  # round steps (0, 500, 1000 …), not 684, 1368
        self._bars.setLabelsVisible(taken)
        self.categories.chart().setTitle(
            QCoreApplication.translate("Charts", "Taken by kind of income")
            if taken
            else QCoreApplication.translate("Charts", "No income on this day")
        )
        self._pie.clear()
        for category, amount in by_category.items():
            if amount > 0:
                self._pie.append(f"{category_text(category)} {format_yuan(amount)}", float(amount))


def _tr(source: str) -> str:
    return QCoreApplication.translate("Charts", source)
