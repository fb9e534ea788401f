"""A two-way language switch (中文 | English): one click, each name in its own language.

Plain push buttons rather than a combo box: with two languages a click beats a
drop-down, and a combo box's item model loads PySide6's ``Qt`` enum namespace
(~50 ms) before the login dialog's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from ui.kit.widgets import named

LANGUAGE_NAMES = (("zh_CN", "中文"), ("en", "English"))


class LanguageSwitch(QWidget):
    """Emits ``sig_chosen(code)`` when the person picks another language."""

    sig_chosen = Signal(str)

    def __init__(self, language: str) -> None:
        super().__init__()
        self.setObjectName("languageSwitch")
        self._group = QButtonGroup(self)
        self._buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for code, name in LANGUAGE_NAMES:
            button = named(QPushButton(name), "languageButton")
            button.setCheckable(True)
            self._group.addButton(button)
            self._buttons[code] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.set_language(language)
        self._group.buttonClicked.connect(self._on_clicked)

    @property
    def language(self) -> str:
        return next(code for code, b in self._buttons.items() if b.isChecked())

    def button(self, code: str) -> QPushButton:
        return self._buttons[code]

    def set_language(self, code: str) -> None:
        """Show ``code`` as chosen (without emitting); an unknown code shows the first."""
        self._buttons.get(code, self._buttons[LANGUAGE_NAMES[0][0]]).setChecked(True)

    def _on_clicked(self, _button: QPushButton) -> None:
        self.sig_chosen.emit(self.language)
