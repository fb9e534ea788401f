"""Two small windows of the intake page: issuing tickets (F7) and transferring one (F8).

Issuing stays open for the next customer, as at a reception desk: the number keys
1–9 issue a ticket of the category in that place and show its number large.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallclient.errors import HallError
from ui.kit.attempt import Attempt
from ui.kit.widgets import named
from ui.words.intake import intake_problem_text
from ui.words.phrase_watch import PhraseWatch

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.queue import TicketView
    from hallclient.intake.service import QueueCategory
    from hallclient.scripts.phrases import Finding


def _name(category: QueueCategory) -> str:
    chinese = QLocale().language() == QLocale.Language.Chinese
    return category.name_zh if chinese else category.name_en


class IssueTicketDialog(QDialog):
    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        categories: list[QueueCategory],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeVisitDialog")
        self._core, self._user_of, self.categories = core, user_of, categories
        self.issued = named(QLabel(), "intakeTicket")
        self.issued.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = named(QLabel(wordWrap=True), "pageText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.addWidget(self.hint)
        self.buttons = []
        for number, category in enumerate(categories, start=1):
            button = named(
                QPushButton(f"{number}  {category.prefix}  {_name(category)}"), "secondaryButton"
            )
            button.clicked.connect(lambda _=False, c=category: self.issue(c))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addWidget(self.issued)
        self.attempt = Attempt(self)
        self.setWindowTitle(self.tr("Issue a ticket"))
        self.hint.setText(self.tr("Press the number of the service the customer needs."))
        self.setMinimumWidth(420)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = event.key() - Qt.Key.Key_1
        if 0 <= index < len(self.categories):
            self.issue(self.categories[index])
            return
        super().keyPressEvent(event)

    def issue(self, category: QueueCategory) -> None:
        user = self._user_of()
        self.attempt.run(
            lambda: self._core.intake.issue_ticket(user, category.code), self._issued, self._failed
        )

    def _issued(self, ticket: TicketView) -> None:
        self.issued.setText(ticket.label)

    def _failed(self, error: HallError) -> None:
        self.hint.setText(intake_problem_text(error))


class TransferDialog(QDialog):
    """Where the called ticket goes (another service, another counter) and why."""

    def __init__(
        self,
        categories: list[QueueCategory],
        check: Callable[[str], list[Finding]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeVisitDialog")
        self.category = named(QComboBox(), "closeOutcome")
        self.category.addItem(self.tr("Same service"), None)
        for category in categories:
            self.category.addItem(f"{category.prefix}  {_name(category)}", category.code)
        self.counter = named(QLineEdit(maxLength=16), "closeComment")
        self.counter.setPlaceholderText(self.tr("e.g. C02 (empty: any counter)"))
        self.note = named(QLineEdit(maxLength=200), "closeComment")
        self.note.setPlaceholderText(self.tr("Required: what the next counter should know"))
        self.error = named(QLabel(), "feeMessage")
        self.ok = named(QPushButton(self.tr("Transfer (Enter)"), default=True), "primaryButton")
        self.ok.clicked.connect(self._confirm)
        form = QFormLayout()
        form.addRow(self.tr("Service"), self.category)
        form.addRow(self.tr("Counter"), self.counter)
        form.addRow(self.tr("Note"), self.note)
        self.phrases = PhraseWatch(self.note, check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.addLayout(form)
        layout.addWidget(self.phrases.label)
        layout.addWidget(self.error)
        layout.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignRight)
        self.category.installEventFilter(self)
        self.setWindowTitle(self.tr("Transfer the ticket"))
        self.setMinimumWidth(480)
        self.note.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        key = event.key() if isinstance(event, QKeyEvent) else None
        if event.type() == QEvent.Type.KeyPress and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._confirm()  # a closed combo box would swallow Enter
            return True
        return super().eventFilter(watched, event)

    def _confirm(self) -> None:
        if not self.note.text().strip():
            self.error.setText(self.tr("Please say why, for the next counter."))
            self.note.setFocus()
            return
        self.accept()
