"""The app's course: login dialog first, the core opened behind it, then the main window.

The dialog is painted before the database is touched (and before SQLAlchemy is even
imported): the core opens on a pool thread.  A database that does not answer (a server
down or failing over) puts the waiting screen in the dialog's place until it does
(:mod:`ui.shell.database_wait`).  On a first run without users the clerk is offered the
demo data set, built in the background behind a progress dialog.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from hallclient.config import Settings
from hallclient.errors import DatabaseUnavailableError, HallError
from ui.access.login import LoginDialog
from ui.kit.i18n import Translations
from ui.kit.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from ui.shell.database_wait import DatabaseWaitDialog
    from ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
DEMO_ACCOUNTS = 10_000


class Shell(QObject):
    """Owns the core, the login dialog and the main window, and moves between them."""

    def __init__(self, settings: Settings, translations: Translations) -> None:
        super().__init__()
        self.settings = settings
        self.core: Core | None = None
        self.main_window: MainWindow | None = None
        self.user: CurrentUser | None = None  # who is logged in, as the core last said
        self.waiting: DatabaseWaitDialog | None = None  # while the database does not answer
        self._runner = TaskRunner(self)
        self._progress: QProgressDialog | None = None
        workplace = f"{settings.hall_name} · {settings.counter_code}"
        self.login = LoginDialog(workplace, settings.timezone, translations.language)
        self.login.sig_logged_in.connect(self._on_logged_in)
        self.login.sig_language_chosen.connect(translations.set_language)
        self.login.rejected.connect(QApplication.quit)

    def start(self) -> None:
        """Show the login dialog; the core opens once the dialog is on the screen.

        Opening it earlier would make the pool thread (importing SQLAlchemy, migrating)
        compete with the first paint for the GIL.
        """
        self.login.sig_painted.connect(self._open_core_in_background)
        self.login.show()

    def _open_core_in_background(self) -> None:
        self.login.sig_painted.disconnect(self._open_core_in_background)
        self._runner.start(self._open_core, self._on_core_opened, self._on_core_failed)

    def shutdown(self) -> None:
        """On quitting: journal the logout of whoever is still logged in, close the core."""
        if self.core is not None and self.main_window is not None:
            try:
                self.core.access.logout(self.main_window.user)
            except HallError as error:
                log.warning("the logout on quitting was not journaled: %s", error)
            self.main_window = None
        if self.core is not None:
            self.core.close()
            self.core = None

    def _open_core(self, _progress: Progress | None = None) -> Core:
        from hallclient.core import open_core  # SQLAlchemy loads here, off the GUI thread

        return open_core(self.settings)

    def _on_core_opened(self, core: Core) -> None:
        self._close_waiting()
        self.core = core
        workplace = core.workplace
        self.login.set_workplace(f"{workplace.hall_name} · {workplace.counter_name}")
        if core.access.has_users():
            self.login.attach(core.access.login)
        else:
            self._offer_demo(core)

    def _on_core_failed(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnavailableError):
            self._wait_for_the_database(error)
            return
        self._close_waiting()
        if isinstance(error, HallError):
            from ui.words.problems import problem_text  # loads the models: not before the paint

            log.error("cannot open the database: %s", error)
            words = problem_text(error)  # the details after it, for IT support
            message = words if words == str(error) else f"{words}\n\n{error}"
            QMessageBox.critical(self.login, self.tr("Cannot open the database"), message)
        else:
            sys.excepthook(type(error), error, error.__traceback__)
        QApplication.exit(1)

    def _wait_for_the_database(self, error: DatabaseUnavailableError) -> None:
        """The waiting screen in the login dialog's place; it tries again by itself."""
        from hallclient.core import database_address
        from ui.shell.database_wait import DatabaseWaitDialog

        self.waiting = DatabaseWaitDialog(database_address(self.settings), self._open_core)
        self.waiting.sig_opened.connect(self._on_core_opened)
        self.waiting.sig_failed.connect(self._on_core_failed)
        self.waiting.rejected.connect(lambda: QApplication.exit(1))
        self.waiting.failed(error)
        self.login.hide()
        self.waiting.show()
        self.waiting.activateWindow()

    def _close_waiting(self) -> None:
        """The database answered (or failed for good): the login dialog is back."""
        if self.waiting is None:
            return
        waiting, self.waiting = self.waiting, None
        waiting.hide()
        waiting.deleteLater()
        self.login.show()
        self.login.activateWindow()

    def _offer_demo(self, core: Core) -> None:
        answer = QMessageBox.question(
            self.login,
            self.tr("First start"),
            self.tr(
                "The database has no users yet.\n\n"
                "Load the demo data set (演示数据)? It contains one demo user per role "
                "and {count} synthetic gas accounts, all clearly marked as demo. "
                "Never use it for real customers."
            ).format(count=f"{DEMO_ACCOUNTS:,}"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.login.attach(core.access.login)
            self.login.show_problem(self.tr("No users yet: an administrator must create them."))
            return
        from PySide6.QtCore import Qt  # not on the way to the first paint (see ui.access.login)

        self._progress = QProgressDialog(self.tr("Building the demo data…"), "", 0, 0, self.login)
        self._progress.setCancelButton(None)
        self._progress.setWindowTitle(self.tr("Demo data"))
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(0)
        self._progress.show()
        self._runner.start(
            lambda progress: core.load_demo(DEMO_ACCOUNTS, progress),
            self._on_demo_loaded,
            self._on_demo_failed,
            self._on_demo_progressed,
        )

    def _on_demo_progressed(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _on_demo_loaded(self, _result: None) -> None:
        self._close_progress()
        assert self.core is not None
        self.login.attach(self.core.access.login)
        self.login.show_problem(self.tr("Demo data loaded. Demo clerk: 1001, password demo1001."))

    def _on_demo_failed(self, error: BaseException) -> None:
        self._close_progress()
        assert self.core is not None
        self.login.attach(self.core.access.login)
        if not isinstance(error, HallError):
            sys.excepthook(type(error), error, error.__traceback__)
            return
        log.error("demo data failed: %s", error)
        QMessageBox.critical(self.login, self.tr("Demo data"), str(error))

    def _on_logged_in(self, user: CurrentUser) -> None:
        assert self.core is not None
        from ui.shell.main_window import MainWindow  # not needed for the first paint

        window = MainWindow(self.core, user)
        window.sig_logged_out.connect(self._on_logged_out)
        window.sig_user_changed.connect(self._on_user_changed)
        self.main_window, self.user = window, user
        window.showMaximized()
        window.activateWindow()
        self.login.hide()
        window.start_session()  # a required password change comes first

    def _on_user_changed(self, user: CurrentUser) -> None:
        """The core's answer after a password change or an unlock replaces the session's user."""
        self.user = user

    def _on_logged_out(self) -> None:
        """Back to the login dialog for the next clerk; the main window is discarded first,
        so that closing it does not take the activation away from the dialog."""
        if self.main_window is not None:
            self.main_window.close()
            self.main_window.deleteLater()
            self.main_window = None
        self.user = None
        self.login.reset()
        self.login.show()
        self.login.activateWindow()
