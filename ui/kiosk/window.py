"""The kiosk's window: category → account number → green channel → the ticket, then back.

Full screen; Esc goes one step back and never quits; Ctrl+Shift+Q quits (for the hall's
IT, not the customer).  Digits choose a category, arrows move between buttons, Enter
presses the one in focus; every button can be touched.  Left alone, the kiosk returns
to the start: after :attr:`KioskWindow.idle_ms` on a step, after ``ticket_ms`` on a
printed ticket and ``fault_ms`` on one the printer failed (time to photograph it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.domain import PriorityReason
from hallclient.errors import HallError
from hallclient.intake.service import QueueCategory
from hallclient.kiosk.desk import KioskDesk, TakenTicket
from hallclient.kiosk.tickets import KioskError
from ui.kiosk.pages import AccountPage, CategoryPage, PriorityPage, TicketPage
from ui.kiosk.style import SHEET
from ui.kit.attempt import Attempt
from ui.words.kiosk import kiosk_problem_text

log = logging.getLogger(__name__)
QUIT_KEYS = "Ctrl+Shift+Q"
RETRY_MS = 10_000  # the categories are read again after a fault
_ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)


def _timer(parent: QObject, then: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(then)
    return timer


class KioskWindow(QWidget):
    idle_ms = 30_000
    ticket_ms = 10_000
    fault_ms = 60_000

    def __init__(self, desk: KioskDesk) -> None:
        super().__init__()
        self.desk = desk
        self.setWindowTitle("HallClient")
        self.setStyleSheet(SHEET)
        self.chinese = QLocale().language() == QLocale.Language.Chinese
        self.category_code, self.account_no = "", ""
        self._quitting = False
        self.categories, self.account = CategoryPage(), AccountPage()
        self.priority, self.ticket = PriorityPage(), TicketPage()
        self.stack = QStackedWidget()
        for page in (self.categories, self.account, self.priority, self.ticket):
            self.stack.addWidget(page)
        whole = QVBoxLayout(self)
        whole.setContentsMargins(0, 0, 0, 0)
        # the screen's size, whatever a wrapped text would ask for at its narrowest
        whole.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        whole.addWidget(self.stack)
        self.attempt = Attempt(self.stack)
        self.home_timer = _timer(self, self.restart)
        self.retry_timer = _timer(self, self.load_categories)
        QShortcut(QKeySequence(QUIT_KEYS), self, self.quit)
        self._connect()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def _connect(self) -> None:
        self.categories.sig_chosen.connect(self._category_chosen)
        self.account.sig_done.connect(self._account_given)
        self.account.sig_back.connect(self.restart)
        self.priority.sig_chosen.connect(self._take)
        self.priority.sig_back.connect(self._show_account)
        self.ticket.sig_done.connect(self.restart)

    def load_categories(self) -> None:
        self.attempt.run(self.desk.categories, self._categories_read, self._categories_failed)

    def _categories_read(self, categories: list[QueueCategory]) -> None:
        """The categories a customer picks; a priority category is the green channel's."""
        shown = [category for category in categories if not category.priority] or categories
        columns = 1 if self.height() > self.width() else 2
        self.categories.show_categories(shown, self.chinese, columns)
        self.restart()

    def _categories_failed(self, error: HallError) -> None:
        log.error("kiosk: the categories cannot be read: %s", error)
        self.categories.message.setText(kiosk_problem_text(error))
        self.retry_timer.start(RETRY_MS)

    def restart(self) -> None:
        self.category_code, self.account_no = "", ""
        self.home_timer.stop()
        self.categories.message.setText("")
        self._show(self.categories)

    def _show(self, page: QWidget, home_after_ms: int | None = None) -> None:
        self.stack.setCurrentWidget(page)
        if page is not self.categories:
            self.home_timer.start(home_after_ms or self.idle_ms)
        first = page.findChild(QPushButton) if page is not self.account else None
        if first is not None:
            first.setFocus()

    def _category_chosen(self, code: str) -> None:
        self.category_code = code
        self._show_account()

    def _show_account(self, message: str = "") -> None:
        self._show(self.account)
        self.account.start(message)

    def _account_given(self, number: str) -> None:
        self.account_no = number
        self._show(self.priority)
        self.priority.normal.setFocus()

    def _take(self, reason: PriorityReason | None) -> None:
        code, number = self.category_code, self.account_no
        self.attempt.run(lambda: self.desk.take(code, number, reason), self._taken, self._refused)

    def _taken(self, taken: TakenTicket) -> None:
        self.ticket.show_ticket(taken, self.chinese, self.desk.context.timezone)
        self._show(self.ticket, self.ticket_ms if taken.printed.printed else self.fault_ms)

    def _refused(self, error: HallError) -> None:
        """An unknown account: back to the number, said why; anything else: the start."""
        if isinstance(error, KioskError):
            self._show_account(kiosk_problem_text(error))
            return
        log.error("kiosk: no ticket issued: %s", error)
        self.restart()
        self.categories.message.setText(kiosk_problem_text(error))

    def resizeEvent(self, event: QResizeEvent) -> None:
        landscape = self.width() > self.height()
        self.account.arrange(landscape)
        number = self.ticket.number
        number.setProperty("tall", not landscape)
        number.style().unpolish(number)
        number.style().polish(number)
        super().resizeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, focused = event.key(), QApplication.focusWidget()
        if key == Qt.Key.Key_Escape:
            self._back()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter(focused)
        elif self.stack.currentWidget() is self.categories and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.categories.choose_number(key - Qt.Key.Key_0)
        else:
            super().keyPressEvent(event)

    def _enter(self, focused: QWidget | None) -> None:
        """Enter presses the button in focus, or confirms the account number typed (the
        field passes its Enter on: confirmed here, it is not pressed twice)."""
        if focused is self.account.number:
            self.account.confirm()
        elif isinstance(focused, QPushButton):
            focused.click()

    def _back(self) -> None:
        current = self.stack.currentWidget()
        if current is self.priority:
            self._show_account()
        elif current is not self.categories:
            self.restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any touch or key on a step keeps it open a while longer."""
        on_a_step = self.home_timer.isActive() and self.stack.currentWidget() is not self.ticket
        if on_a_step and event.type() in _ACTIVITY:
            self.home_timer.start(self.idle_ms)
        return False

    def quit(self) -> None:
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Only :data:`QUIT_KEYS` closes a kiosk (not Alt+F4 on a touch screen's keyboard)."""
        if not self._quitting:
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().closeEvent(event)
