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

from hallclient.money import format_yuan
from hallclient.receipts.payment import PaymentMethod
from ui.pages import QT_TRANSLATE_NOOP
from ui.payment_texts import method_text

CATEGORIES = {
    "gas_volume": QT_TRANSLATE_NOOP("Charts", "Gas"),
    "service_fee": QT_TRANSLATE_NOOP("Charts", "Service fees"),
    "material": QT_TRANSLATE_NOOP("Charts", "Materials"),
    "deposit": QT_TRANSLATE_NOOP("Charts", "Deposits"),
    "back_charge": QT_TRANSLATE_NOOP("Charts", "Back charges"),
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
    return view


class DayCharts:
    """Two chart views, filled again whenever the day changes."""

    def __init__(self) -> None:
        self.methods = _view(QChart(), "chartMethods")
        self.categories = _view(QChart(), "chartCategories")

    def show(
        self, by_method: dict[PaymentMethod, Decimal], by_category: dict[str, Decimal]
    ) -> None:
        self._bars(by_method)
        self._pie(by_category)

    def _bars(self, by_method: dict[PaymentMethod, Decimal]) -> None:
        chart = self.methods.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        title = QCoreApplication.translate("Charts", "Taken by payment method")
        chart.setTitle(title)
        values = QBarSet(title)
        values.append([float(a) for a in by_method.values()])
        series = QBarSeries()
        series.append(values)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([method_text(m) for m in by_method])
        scale = QValueAxis()
        scale.setMin(0)
        scale.setMax(max([float(a) for a in by_method.values()] + [1.0]) * 1.15)
        scale.setLabelFormat("%.0f")
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(scale, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(scale)
        chart.legend().hide()

    def _pie(self, by_category: dict[str, Decimal]) -> None:
        chart = self.categories.chart()
        chart.removeAllSeries()
        chart.setTitle(QCoreApplication.translate("Charts", "Taken by fee category"))
        series = QPieSeries()
        for category, amount in by_category.items():
            if amount > 0:
                series.append(f"{category_text(category)} {format_yuan(amount)}", float(amount))
        chart.addSeries(series)
        chart.legend().show()
