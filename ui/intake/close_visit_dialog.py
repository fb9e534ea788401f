"""Ending a visit: the outcome and the customer's rating, asked as the standard requires.

The outcome is preselected from what the visit produced (``suggest``: referred, charged
or resolved), read by the core; the clerk may change it.  Keys: 1–5 choose the rating
(Tab to the comment, where digits are text), Enter closes the visit, Esc goes back to it.
The clerk records the customer's spoken answer; where the counter has a customer screen
(read with the outcome) the rating rows give way to a note: the customer rates on the
screen after the close.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.domain import VisitOutcome
from ui.kit.widgets import named

OUTCOMES = (
    VisitOutcome.RESOLVED,
    VisitOutcome.CHARGED,
    VisitOutcome.REFERRED,
    VisitOutcome.PENDING,
)


class CloseVisitDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeVisitDialog")
        self.question = named(QLabel(wordWrap=True), "pageText")
        self.outcome = named(QComboBox(), "closeOutcome")
        self.outcome.activated.connect(self._picked)
        self._picked_by_hand = False
        self._waiting = False  # the visit's outcome is still being read
        self._confirm_when_known = False
        self.customer_screen = False  # the counter has one: the customer rates there
        self.screen_note = named(QLabel(wordWrap=True), "pageNote")
        self.screen_note.hide()
        self.ratings = QButtonGroup(self)
        row = QHBoxLayout()
        for value in range(1, 6):
            button = named(QPushButton(), "ratingButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.ratings.addButton(button, value)
            row.addWidget(button)
        self.comment = named(QLineEdit(maxLength=500), "closeComment")
        self.error = named(QLabel(), "feeMessage")
        self.ok = named(QPushButton(default=True), "primaryButton")
        self.ok.clicked.connect(self._confirm)
        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels above
        self._labels = [QLabel() for _ in range(3)]
        self._form.addRow(self._labels[0], self.outcome)
        self._form.addRow(self._labels[1], row)
        self._form.addRow(self._labels[2], self.comment)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.addWidget(self.question)
        layout.addLayout(self._form)
        layout.addWidget(self.screen_note)
        layout.addWidget(self.error)
        layout.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(520)
        self.retranslate()
        self.outcome.installEventFilter(self)
        self.ok.installEventFilter(self)
        self.outcome.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("End the visit"))
        self.question.setText(
            self.tr(
                "Please ask the customer: “Are you satisfied with our service today?” "
                "Press 1 to 5 for the answer."
            )
        )
        names = (self.tr("Resolved"), self.tr("Charged"), self.tr("Referred"), self.tr("Pending"))
        self.outcome.clear()
        for outcome, name in zip(OUTCOMES, names, strict=True):
            self.outcome.addItem(name, outcome)
        labels = (
            self.tr("Outcome"),
            self.tr("Customer's spoken rating (you record it)"),
            self.tr("Comment"),
        )
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        words = (
            self.tr("Very dissatisfied"),
            self.tr("Dissatisfied"),
            self.tr("Fairly satisfied"),
            self.tr("Satisfied"),
            self.tr("Very satisfied"),
        )
        for value, word in enumerate(words, start=1):
            self.ratings.button(value).setText(f"{value} {word}")
        self.comment.setPlaceholderText(self.tr("What the customer said (optional)"))
        self.ok.setText(self.tr("End the visit (Enter)"))
        self.screen_note.setText(
            self.tr("Please ask the customer to rate the service on the customer screen.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """1–5 rate wherever the cursor is, except in the comment (where they are text)."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_5:
            if not self.customer_screen:
                self.ratings.button(event.key() - Qt.Key.Key_0).setChecked(True)
                self.error.clear()
            return True
        if watched is self.outcome and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._confirm()  # a closed combo box would swallow Enter
            return True
        return super().eventFilter(watched, event)

    def expect_suggestion(self) -> None:
        """The outcome is being read: Enter before it arrives closes with it, not a guess."""
        self._waiting = True

    def suggest(self, outcome: VisitOutcome | None, *, customer_screen: bool = False) -> None:
        """Preselect what the visit produced, unless the clerk has picked one already;
        None: it could not be read, the clerk chooses.  ``customer_screen``: the customer
        rates there, so the dialog asks no rating."""
        self._waiting = False
        self._show_customer_screen(customer_screen)
        if outcome is not None and not self._picked_by_hand:
            self.outcome.setCurrentIndex(self.outcome.findData(outcome))
        if self._confirm_when_known:
            self._confirm_when_known = False
            self._confirm()

    def _show_customer_screen(self, attached: bool) -> None:
        self.customer_screen = attached
        for row in (1, 2):  # the rating and its comment
            self._form.setRowVisible(row, not attached)
        self.question.setVisible(not attached)
        self.screen_note.setVisible(attached)

    def _picked(self, _index: int) -> None:
        self._picked_by_hand = True

    @property
    def chosen_outcome(self) -> VisitOutcome:
        return VisitOutcome(self.outcome.currentData())

    @property
    def rating(self) -> int | None:
        """The clerk's record of the customer's answer; none where the customer rates."""
        value = self.ratings.checkedId()
        return value if value > 0 and not self.customer_screen else None

    def _confirm(self) -> None:
        if self._waiting:
            self._confirm_when_known = True  # closed as soon as the visit is read
            return
        if self.rating is None and not self.customer_screen:
            self.error.setText(self.tr("Please ask for the rating and press 1 to 5."))
            return
        self.accept()
