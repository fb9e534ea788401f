"""The main window: navigation on the left, one page per work area, the status bar below.

It receives plain data (the logged-in user, the workplace, a database description)
and emits ``sig_logged_out``; the composition root decides what happens next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ui.navigation import NavigationList, page_shortcut
from ui.pages import AREAS, PlaceholderPage
from ui.widgets import named

if TYPE_CHECKING:
    from hallclient.auth import CurrentUser
    from hallclient.workplace import Workplace

_DATABASE_LABEL_WIDTH = 460


class MainWindow(QMainWindow):
    """The clerk's workspace after login."""

    sig_logged_out = Signal()

    def __init__(self, user: CurrentUser, workplace: Workplace, database: str) -> None:
        super().__init__()
        self.user, self.workplace, self.database = user, workplace, database
        self.nav = NavigationList()
        self.stack = named(QStackedWidget(), "pages")
        for area in AREAS:
            self.stack.addWidget(PlaceholderPage(area))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = named(QWidget(), "central")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_status_bar()
        self.retranslate()
        self.show_area(AREAS[0].key)

    def _build_actions(self) -> None:
        self.logout_action = QAction(self, shortcut=QKeySequence("Ctrl+L"))
        self.logout_action.triggered.connect(self._log_out)
        self.quit_action = QAction(self, shortcut=QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.page_actions = []
        for row in range(len(AREAS)):
            action = QAction(self, shortcut=page_shortcut(row))
            action.triggered.connect(lambda _checked=False, row=row: self.nav.setCurrentRow(row))
            self.page_actions.append(action)
        self.system_menu = QMenu(self)
        self.system_menu.addActions([self.logout_action, self.quit_action])
        self.go_menu = QMenu(self)
        self.go_menu.addActions(self.page_actions)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.about_action)
        for menu in (self.system_menu, self.go_menu, self.help_menu):
            self.menuBar().addMenu(menu)

    def _build_status_bar(self) -> None:
        self.user_label = named(QLabel(), "statusUser")
        self.counter_label = named(QLabel(), "statusCounter")
        self.database_label = named(QLabel(), "statusDatabase")
        self.printer_label = named(QLabel(), "statusPrinter")
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        for label in (self.user_label, self.counter_label, self.database_label):
            bar.addWidget(label)
        bar.addPermanentWidget(self.printer_label)

    def retranslate(self) -> None:
        workplace = self.workplace_text()
        self.setWindowTitle(self.tr("HallClient — {workplace}").format(workplace=workplace))
        self.nav.set_labels([area.nav_label for area in AREAS])
        self.system_menu.setTitle(self.tr("&System"))
        self.go_menu.setTitle(self.tr("&Go to"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.logout_action.setText(self.tr("&Log out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About HallClient"))
        for action, area in zip(self.page_actions, AREAS, strict=True):
            action.setText(area.title)
        self.user_label.setText(self._user_text())
        self.counter_label.setText(self.tr("Counter: {workplace}").format(workplace=workplace))
        self._set_database_text(self.tr("Database: {database}").format(database=self.database))
        self.printer_label.setText(self.tr("Printer: not set up"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_area(self, key: str) -> None:
        """Show the page of the area with this key ("intake", "fees" …)."""
        self.nav.setCurrentRow([area.key for area in AREAS].index(key))

    def current_area(self) -> str:
        return AREAS[self.stack.currentIndex()].key

    def workplace_text(self) -> str:
        return f"{self.workplace.hall_name} · {self.workplace.counter_name}"

    def role_text(self) -> str:
        labels = {
            "clerk": self.tr("Counter clerk"),
            "shift_manager": self.tr("Shift manager"),
            "department_staff": self.tr("Department staff"),
            "auditor": self.tr("Auditor"),
            "admin": self.tr("Administrator"),
        }
        return labels.get(str(self.user.role), str(self.user.role))

    def _user_text(self) -> str:
        return self.tr("{name} · employee no. {number} · {role}").format(
            name=self.user.display_name, number=self.user.employee_no, role=self.role_text()
        )

    def _set_database_text(self, text: str) -> None:
        """Long file paths are shortened in the middle; the tooltip has them in full."""
        metrics = self.database_label.fontMetrics()
        short = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, _DATABASE_LABEL_WIDTH)
        self.database_label.setText(short)
        self.database_label.setToolTip(text)

    def _log_out(self) -> None:
        self.sig_logged_out.emit()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About HallClient"),
            self.tr("HallClient, counter software for the gas company's customer service hall."),
        )
