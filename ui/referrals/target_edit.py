"""A response target typed in hours and minutes (the directory stores minutes).

Two spin boxes side by side, "24 小时" and "0 分钟", in reading order for Tab: a target
reads the way a clerk says it to a customer, never "1440 minutes".
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QSpinBox, QWidget

from ui.words.durations import HOURS_UNIT, MINUTES_UNIT, unit_suffix

MAX_MINUTES = 525_600  # a year, as the directory allows


class TargetEdit(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours = QSpinBox(minimum=0, maximum=MAX_MINUTES // 60)
        self.minutes = QSpinBox(minimum=0, maximum=59)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hours, 1)
        row.addWidget(self.minutes, 1)
        self.setFocusProxy(self.hours)
        self.retranslate()

    def retranslate(self) -> None:
        self.hours.setSuffix(unit_suffix(HOURS_UNIT))
        self.minutes.setSuffix(unit_suffix(MINUTES_UNIT))

    def value(self) -> int:
        """The target in minutes."""
        return self.hours.value() * 60 + self.minutes.value()

    def setValue(self, minutes: int) -> None:
        hours, rest = divmod(minutes, 60)
        self.hours.setValue(hours)
        self.minutes.setValue(rest)
