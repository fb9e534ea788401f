"""The customer's rating on the screen facing them: five levels as big touch buttons, then
an optional reason (a few ready answers to tap, and a line to write), then Submit.

A level is the answer; the reason may be left out.  Ready answers follow the level: a
good level offers praise, a bad one the usual complaints, so the manager's follow-up
starts from the customer's own words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.domain import RatingLevel
from hallclient.ratings.rules import REASON_MAX, is_bad
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.widgets import named

CONTEXT = "RatingPanel"
LEVELS = (
    (RatingLevel.VERY_SATISFIED, QT_TRANSLATE_NOOP("RatingPanel", "Very satisfied")),
    (RatingLevel.SATISFIED, QT_TRANSLATE_NOOP("RatingPanel", "Satisfied")),
    (RatingLevel.FAIRLY_SATISFIED, QT_TRANSLATE_NOOP("RatingPanel", "Fairly satisfied")),
    (RatingLevel.DISSATISFIED, QT_TRANSLATE_NOOP("RatingPanel", "Dissatisfied")),
    (RatingLevel.VERY_DISSATISFIED, QT_TRANSLATE_NOOP("RatingPanel", "Very dissatisfied")),
)
PRAISE = (
    QT_TRANSLATE_NOOP("RatingPanel", "Quick service"),
    QT_TRANSLATE_NOOP("RatingPanel", "Friendly and patient"),
    QT_TRANSLATE_NOOP("RatingPanel", "Clearly explained"),
)
COMPLAINTS = (
    QT_TRANSLATE_NOOP("RatingPanel", "Waited too long"),
    QT_TRANSLATE_NOOP("RatingPanel", "Unfriendly"),
    QT_TRANSLATE_NOOP("RatingPanel", "Not clearly explained"),
    QT_TRANSLATE_NOOP("RatingPanel", "Fees unclear"),
)
_REASON_BUTTONS = max(len(PRAISE), len(COMPLAINTS))
REASON_SEPARATOR = "；"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


class RatingPanel(QWidget):
    sig_submitted = Signal(object, str)  # the RatingLevel and the reason ("" for none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = named(QLabel(wordWrap=True), "customerQuestion")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.levels = QButtonGroup(self)
        level_row = QHBoxLayout()
        for index, _level in enumerate(LEVELS):
            button = self._touch_button("ratingLevel", checkable=True)
            self.levels.addButton(button, index)
            level_row.addWidget(button)
        self.levels.idClicked.connect(self._level_chosen)
        self.reasons_label = named(QLabel(wordWrap=True), "customerNote")
        self.reasons = [
            self._touch_button("ratingReason", checkable=True) for _ in range(_REASON_BUTTONS)
        ]
        reason_row = QGridLayout()
        for column, button in enumerate(self.reasons):
            reason_row.addWidget(button, 0, column)
        self.other = named(QLineEdit(maxLength=REASON_MAX), "ratingOther")
        self.submit = self._touch_button("ratingSubmit", checkable=False)
        self.submit.clicked.connect(self._submit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.other, 1)
        bottom.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.question)
        layout.addLayout(level_row)
        layout.addWidget(self.reasons_label)
        layout.addLayout(reason_row)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.retranslate()
        self.reset()

    def _touch_button(self, name: str, *, checkable: bool) -> QPushButton:
        button = named(QPushButton(), name)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touched, never typed at
        return button

    def retranslate(self) -> None:
        self.question.setText(
            self.tr("How satisfied are you with our service today? Please tap your answer.")
        )
        for index, (_level, source) in enumerate(LEVELS):
            self.levels.button(index).setText(_tr(source))
        self.reasons_label.setText(self.tr("Why? (optional: tap any that apply, or write)"))
        self.other.setPlaceholderText(self.tr("Anything else (optional)"))
        self.submit.setText(self.tr("Submit"))
        self._show_reasons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reset(self) -> None:
        """A fresh question: nothing chosen, nothing written."""
        self.levels.setExclusive(False)
        for button in self.levels.buttons():
            button.setChecked(False)
        self.levels.setExclusive(True)
        self.other.clear()
        self._show_reasons()

    @property
    def level(self) -> RatingLevel | None:
        index = self.levels.checkedId()
        return LEVELS[index][0] if index >= 0 else None

    def reason(self) -> str:
        """The ready answers tapped and the words written, as one text."""
        chosen = [b.text() for b in self.reasons if b.isVisibleTo(self) and b.isChecked()]
        written = self.other.text().strip()
        return REASON_SEPARATOR.join([*chosen, written] if written else chosen)

    def level_button(self, level: RatingLevel) -> QPushButton:
        index = next(i for i, (each, _source) in enumerate(LEVELS) if each is level)
        button = self.levels.button(index)
        assert isinstance(button, QPushButton)
        return button

    def _level_chosen(self, _index: int) -> None:
        self._show_reasons()

    def _show_reasons(self) -> None:
        """The ready answers that fit the level chosen; none before a level."""
        level = self.level
        sources = () if level is None else COMPLAINTS if is_bad(level) else PRAISE
        for index, button in enumerate(self.reasons):
            button.setChecked(False)
            button.setVisible(index < len(sources))
            if index < len(sources):
                button.setText(_tr(sources[index]))
        for widget in (self.reasons_label, self.other, self.submit):
            widget.setVisible(level is not None)

    def _submit(self) -> None:
        level = self.level
        if level is not None:
            self.sig_submitted.emit(level, self.reason())
