"""Counting cash by denomination: one spin box per note or coin, the total as you type."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from hallclient.money import format_yuan
from hallclient.shifts.cash import DENOMINATIONS, MAX_PIECES
from ui.kit.widgets import named


class CashCountForm(QWidget):
    """Pieces per denomination; Tab walks from 100 yuan down to 1 fen."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.labels: list[QLabel] = []
        self.boxes: dict[Decimal, QSpinBox] = {}
        self.subtotals: dict[Decimal, QLabel] = {}
        for row, denomination in enumerate(DENOMINATIONS):
            box = named(QSpinBox(), f"count{str(denomination).replace('.', '_')}")
            box.setRange(0, MAX_PIECES)
            box.setAccelerated(True)
            box.valueChanged.connect(self._changed)
            label, subtotal = QLabel(), named(QLabel(), "countSubtotal")
            grid.addWidget(label, row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(subtotal, row, 2)
            self.labels.append(label)
            self.boxes[denomination], self.subtotals[denomination] = box, subtotal
        self.total = named(QLabel(), "countTotal")
        grid.addWidget(self.total, len(DENOMINATIONS), 0, 1, 3)
        self.retranslate()
        self._changed()

    def focus_first(self) -> None:
        """Focus the 100 yuan count, selected, so that typing replaces it."""
        first = self.boxes[DENOMINATIONS[0]]
        first.setFocus()
        first.selectAll()

    def count(self) -> dict[Decimal, int]:
        return {d: box.value() for d, box in self.boxes.items()}

    def set_count(self, count: dict[Decimal, int]) -> None:
        for denomination, box in self.boxes.items():
            box.setValue(count.get(denomination, 0))

    def amount(self) -> Decimal:
        return sum((d * n for d, n in self.count().items()), Decimal("0.00"))

    def _changed(self) -> None:
        for denomination, box in self.boxes.items():
            self.subtotals[denomination].setText(format_yuan(denomination * box.value()))
        self.total.setText(self.tr("Counted: {amount}").format(amount=format_yuan(self.amount())))
        self.sig_changed.emit()

    def retranslate(self) -> None:
        for label, denomination in zip(self.labels, DENOMINATIONS, strict=True):
            if denomination >= 1:
                label.setText(self.tr("{n} yuan").format(n=int(denomination)))
            elif denomination >= Decimal("0.1"):
                label.setText(self.tr("{n} jiao").format(n=int(denomination * 10)))
            else:
                label.setText(self.tr("{n} fen").format(n=int(denomination * 100)))
        self._changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
