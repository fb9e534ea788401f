"""The main window: navigation on the left, one page per work area, the status bar below.

It holds the core and the logged-in user: the pages shown follow the user's role
(the core's permission table), the window locks itself after the idle time (the
pages stay untouched behind the lock panel), and a required password change comes
first.  It emits ``sig_logged_out`` after the core has journaled the logout; the
composition root decides what happens next.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ui.access.lock import LockPanel
from ui.access.password_dialog import PasswordDialog
from ui.kit.widgets import named
from ui.shell.business_day_label import BusinessDayLabel
from ui.shell.idle import IdleWatcher
from ui.shell.navigation import NavigationList, page_shortcut
from ui.shell.page_wiring import (
    build_pages,
    connect_cart,
    connect_visit,
    customer_screen,
    script_panel,
    waiting_referrals,
)
from ui.shell.pages import areas_for, landing_area
from ui.shell.quick_reference import QuickReferenceDialog
from ui.shell.visit_guard import Leaving, VisitGuard

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core

_DATABASE_LABEL_WIDTH = 460
DATABASE_LABEL_REFRESH_MS = 2000
SCRIPT_PAGES = ("intake", "fees", "payments")
SCRIPT_PANEL_MIN_WINDOW = 1280  # narrower (a 1024-pixel counter screen): the pages need the room


class MainWindow(QMainWindow):
    """The clerk's workspace after login."""

    sig_logged_out = Signal()
    sig_user_changed = Signal(object)  # the CurrentUser after a password change or unlock

    def __init__(self, core: Core, user: CurrentUser) -> None:
        super().__init__()
        self.core, self.user = core, user
        self.workplace, self.database = core.workplace, core.database_description()
        self.areas = areas_for(user.role)
        self.password_dialog: PasswordDialog | None = None
        self._focus_before_lock: QWidget | None = None
        self.nav = NavigationList()
        self.stack = named(QStackedWidget(), "pages")
        self.pages = build_pages(core, lambda: self.user, self.areas)
        for page in self.pages.by_key.values():
            self.stack.addWidget(page)
        self.script_panel = script_panel(self.pages, core, lambda: self.user)
        connect_cart(self.pages, self._show_printer_state, self.show_area)
        connect_visit(self.pages, self.show_area)
        if self.pages.overview is not None:  # its overdue follow-ups lead to them
            self.pages.overview.sig_follow_up.connect(lambda: self.show_area("ratings"))
        self.customer_screen = customer_screen(self.pages, core, lambda: self.user, self)
        if self.customer_screen is not None:  # it opens once the password is as it must be
            self.sig_user_changed.connect(self.customer_screen.start)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(lambda _row: self._show_script_panel())
        self.quick_reference: QuickReferenceDialog | None = None
        self.lock_panel = LockPanel(core, user)
        self.lock_panel.sig_unlocked.connect(self._unlocked)
        self.lock_panel.sig_switch_user_chosen.connect(self._switch_user)
        self.root = named(QStackedWidget(), "root")
        self.root.addWidget(self._workspace())
        self.root.addWidget(self.lock_panel)
        self.password_cover = named(QWidget(), "central")  # behind a required password change
        self.root.addWidget(self.password_cover)
        if user.must_change_password:  # no page is shown (and loads, refused) before the change
            self.root.setCurrentWidget(self.password_cover)
        self.setCentralWidget(self.root)
        self.visit_guard = VisitGuard(self, core, lambda: self.user, self.pages)
        self._quitting = False  # the unfinished work, if any, is already dealt with
        self.idle = IdleWatcher(core.clock, core.settings.idle_lock_minutes, self)
        self.idle.sig_idle_expired.connect(lambda: self.lock(idle=True))
        self._build_actions()
        self._build_status_bar()
        self.retranslate()
        self.show_area(landing_area(user.role))

    def _show_printer_state(self, state: str) -> None:
        printer = self.core.receipts.printer
        if printer.backend == "none":
            return  # "not set up" already says it all
        self.printer_label.setText(
            self.tr("Printer: {printer} · {state}").format(printer=printer.describe(), state=state)
        )

    def _show_script_panel(self) -> None:
        """Beside the visit's pages, when the window is wide enough to leave them their room."""
        if self.script_panel is None:
            return
        row = self.nav.currentRow()
        on_visit = 0 <= row < len(self.areas) and self.areas[row].key in SCRIPT_PAGES
        self.script_panel.setVisible(on_visit and self.width() >= SCRIPT_PANEL_MIN_WINDOW)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_script_panel()

    def open_quick_reference(self) -> None:
        """The service rules in their own window (F1), beside the work."""
        if self.quick_reference is None:
            self.quick_reference = QuickReferenceDialog(self.core.scripts.conduct, self)
        self.quick_reference.show()
        self.quick_reference.activateWindow()  # to the front if it was open behind
        self.quick_reference.search.setFocus()

    def _workspace(self) -> QWidget:
        self.workspace = named(QWidget(), "central")
        layout = QHBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        if self.script_panel is not None:
            layout.addWidget(self.script_panel)
        return self.workspace

    def _action(
        self, slot: Callable[[], object], shortcut: str | QKeySequence | None = None
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.lock_action = self._action(self.lock, "Ctrl+Shift+L")
        self.password_action = self._action(lambda: self._open_password_dialog(forced=False))
        self.logout_action = self._action(self.log_out, "Ctrl+L")
        self.quit_action = self._action(self.close, "Ctrl+Q")
        self.about_action = self._action(self._about)
        self.reference_action = self._action(self.open_quick_reference, "F1")
        self.page_actions = [
            self._action(self._go_to_row(row), page_shortcut(row)) for row in range(len(self.areas))
        ]
        self.system_menu = QMenu(self)
        self.system_menu.addActions([self.lock_action, self.password_action])
        self.system_menu.addSeparator()
        self.system_menu.addActions([self.logout_action, self.quit_action])
        self.go_menu = QMenu(self)
        self.go_menu.addActions(self.page_actions)
        self.help_menu = QMenu(self)
        self.help_menu.addActions([self.reference_action, self.about_action])
        for menu in (self.system_menu, self.go_menu, self.help_menu):
            self.menuBar().addMenu(menu)

    def _go_to_row(self, row: int) -> Callable[[], None]:
        return lambda: self.nav.setCurrentRow(row)

    def _all_actions(self) -> list[QAction]:
        fixed = [self.lock_action, self.password_action, self.logout_action, self.quit_action]
        return [*fixed, self.reference_action, self.about_action, *self.page_actions]

    def _set_actions_enabled(self, enabled: bool) -> None:
        for action in self._all_actions():
            action.setEnabled(enabled)

    def _build_status_bar(self) -> None:
        self.user_label = named(QLabel(), "statusUser")
        self.counter_label = named(QLabel(), "statusCounter")
        self.database_label = named(QLabel(), "statusDatabase")
        self.printer_label = named(QLabel(), "statusPrinter")
        self.business_day_label = BusinessDayLabel(self.core, lambda: self.user)
        if self.pages.overview is not None:
            self.pages.overview.sig_day_closed.connect(self.business_day_label.refresh)
        self.business_day_label.refresh()
        self._database_watch = QTimer(self, interval=DATABASE_LABEL_REFRESH_MS)
        self._database_watch.timeout.connect(self._follow_database_server)
        self._database_watch.start()
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        for label in (self.user_label, self.counter_label, self.database_label):
            bar.addWidget(label)
        bar.addWidget(self.business_day_label)
        if self.customer_screen is not None:  # where it opened, if not on its monitor
            bar.addWidget(self.customer_screen.status)
        bar.addPermanentWidget(self.printer_label)
        count = self.waiting_referrals = waiting_referrals(self.pages, self.core, lambda: self.user)
        if count is not None:  # counted again after a password change or an unlock
            bar.addWidget(count)
            self.sig_user_changed.connect(lambda _user: count.refresh())

    def retranslate(self) -> None:
        workplace = self.workplace_text()
        self.setWindowTitle(self.tr("HallClient — {workplace}").format(workplace=workplace))
        self.nav.set_labels([area.nav_label for area in self.areas])
        self.system_menu.setTitle(self.tr("&System"))
        self.go_menu.setTitle(self.tr("&Go to"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.lock_action.setText(self.tr("Lock &screen"))
        self.password_action.setText(self.tr("&Change password…"))
        self.logout_action.setText(self.tr("&Log out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About HallClient"))
        self.reference_action.setText(self.tr("&Quick reference: service rules"))
        for action, area in zip(self.page_actions, self.areas, strict=True):
            action.setText(area.title)
        self.user_label.setText(self._user_text())
        self.business_day_label.retranslate()
        self.counter_label.setText(self.tr("Counter: {workplace}").format(workplace=workplace))
        self._set_database_text(self.tr("Database: {database}").format(database=self.database))
        printer = self.core.receipts.printer
        self.printer_label.setText(
            self.tr("Printer: {printer}").format(printer=printer.describe())
            if printer.backend != "none"
            else self.tr("Printer: not set up")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start_session(self) -> None:
        """After login: a required password change first, then the idle lock watches."""
        if self.user.must_change_password:
            self._open_password_dialog(forced=True)
        else:
            self.idle.start()

    def show_area(self, key: str) -> bool:
        """Show the page of the area with this key ("intake", "fees" …) if the role has it."""
        keys = [area.key for area in self.areas]
        if key not in keys:
            return False
        self.nav.setCurrentRow(keys.index(key))
        return True

    def current_area(self) -> str:
        return self.areas[self.stack.currentIndex()].key

    def is_locked(self) -> bool:
        return self.root.currentWidget() is self.lock_panel

    def lock(self, *, idle: bool = False) -> None:
        """Cover the work with the lock panel; the pages and what is typed in them stay.
        ``idle``: the idle timer locked it (the panel and the journal say so)."""
        if self.is_locked():
            return
        self.idle.stop()
        focus = QApplication.focusWidget()
        self._focus_before_lock = focus if focus is not None and self.isAncestorOf(focus) else None
        popup = QApplication.activePopupWidget()  # an open menu
        if popup is not None:
            popup.close()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()  # an open dialog is cancelled, not left on top of the lock
        self._set_actions_enabled(False)
        self.menuBar().hide()
        minutes = self.core.settings.idle_lock_minutes if idle else None
        self.lock_panel.prepare(self.user, minutes)
        self.root.setCurrentWidget(self.lock_panel)
        self.lock_panel.password.setFocus()
        self.core.access.lock_session(self.user, minutes)

    def _unlocked(self, user: CurrentUser) -> None:
        self._set_user(user)
        self.root.setCurrentWidget(self.workspace)
        self.menuBar().show()
        self._set_actions_enabled(True)
        (self._focus_before_lock or self.nav).setFocus()
        self.idle.start()

    def _set_user(self, user: CurrentUser) -> None:
        self.user = user
        self.user_label.setText(self._user_text())
        self.sig_user_changed.emit(user)

    def _open_password_dialog(self, *, forced: bool) -> None:
        dialog = PasswordDialog(self.core, self.user, forced=forced, parent=self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.sig_password_changed.connect(self._password_changed)
        dialog.finished.connect(self._password_dialog_closed)
        if forced:
            self._set_actions_enabled(False)
            dialog.sig_logout_chosen.connect(self.log_out)
        self.password_dialog = dialog
        dialog.open()

    def _password_dialog_closed(self) -> None:
        if self.password_dialog is not None:
            self.password_dialog.deleteLater()
            self.password_dialog = None

    def _password_changed(self, user: CurrentUser) -> None:
        self._set_user(user)
        if not self.idle.is_watching():  # the forced change is done: work may begin
            self._set_actions_enabled(True)
            self.root.setCurrentWidget(self.workspace)  # the pages load, as after any login
            self.activateWindow()
            self.nav.setFocus()
            self.idle.start()

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

    def _follow_database_server(self) -> None:
        """After a failover the counter works on another server: the status bar says which
        (no query: the engine remembers the server of its last connection)."""
        database = self.core.database_description()
        if database != self.database:
            self.database = database
            text = self.tr("Database: {database}").format(database=database)
            self._set_database_text(text)

    def _set_database_text(self, text: str) -> None:
        """Long file paths are shortened in the middle; the tooltip has them in full."""
        metrics = self.database_label.fontMetrics()
        short = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, _DATABASE_LABEL_WIDTH)
        self.database_label.setText(short)
        self.database_label.setToolTip(text)

    def log_out(self) -> None:
        """Unfinished work is named first: the clerk goes back, or the open visit is ended
        as interrupted and the session ends."""
        self.visit_guard.confirm(lambda: self._end_session(switching_user=False), Leaving.LOG_OUT)

    def _switch_user(self) -> None:
        """From the lock panel: with work unfinished, asks first (Esc keeps it, locked); then
        the open visit is ended as interrupted and the locked-in user logged out."""
        self.visit_guard.confirm(
            lambda: self._end_session(switching_user=True), Leaving.SWITCH_USER
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quitting (Ctrl+Q, the window's close button) with work unfinished asks first;
        behind the lock the open visit is ended as interrupted without asking."""
        if self._quitting or not self.visit_guard.unfinished():
            super().closeEvent(event)
            return
        event.ignore()
        if self.is_locked():
            self.visit_guard.interrupt(self._quit)
        else:
            self.visit_guard.confirm(self._quit, Leaving.QUIT)

    def _quit(self) -> None:
        self._quitting = True
        self.close()

    def _end_session(self, *, switching_user: bool) -> None:
        """Journal the logout in the core, then hand back to the composition root."""
        self.idle.stop()
        self.core.access.logout(self.user, switching_user=switching_user)
        self._quitting = True  # closing the window now asks nothing more
        self.sig_logged_out.emit()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About HallClient"),
            self.tr("HallClient, counter software for the gas company's customer service hall."),
        )
