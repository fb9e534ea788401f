"""Rendered waiting screens (``hallclient render``): the database does not answer.

"waiting-database": the start-up's waiting screen after a real refused connection (to a
port on this machine where nothing listens); "payments-waiting": the page a moment into a
charge that does not answer.  The renderer holds that charge back itself (the UI does not
touch the database; ``tests/ui/payments/test_payment_waiting.py`` makes a charge wait
for a real write lock) and lets it go once the screen is grabbed.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from PySide6.QtGui import QPixmap

from hallclient.access.auth import CurrentUser
from hallclient.config import Settings
from hallclient.core import Core, database_address, open_core
from hallclient.errors import DatabaseUnavailableError
from hallclient.receipts.issue import Issued, PaymentRequest
from ui.payments.page import PaymentsPage
from ui.shell.database_wait import DatabaseWaitDialog
from ui.shell.main_window import MainWindow
from ui.tools.render_tools import wait_until


def database_wait_dialog(settings: Settings) -> DatabaseWaitDialog:
    """The waiting screen after one try at a hall database that refused the connection."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # free once closed: nothing listens there
    down = replace(settings, database_url=f"postgresql+psycopg://hall@127.0.0.1:{port}/hall")
    dialog = DatabaseWaitDialog(database_address(down), lambda: open_core(down))
    try:
        open_core(down)
    except DatabaseUnavailableError as error:
        dialog.failed(error)
    return dialog


def payment_waiting(core: Core, window: MainWindow, payments: PaymentsPage) -> QPixmap:
    """The page a moment into a charge held back; let go once the screen is grabbed, the
    charge then ends as any other."""
    tenders, handed = payments.form.tenders()
    with _charges_held_back(core):
        payments.charge(tenders, handed)
        wait_until(lambda: payments.message.text() == payments.waiting.waiting_text())
        window.show()
        pixmap = window.grab()
    wait_until(lambda: not payments.attempt.running)
    window.close()
    window.deleteLater()
    return pixmap


@contextmanager
def _charges_held_back(core: Core) -> Iterator[None]:
    """Charges wait (on their pool thread) until the block ends, as for a hanging server."""
    desk, charge = core.receipts, core.receipts.charge
    let_go = threading.Event()

    def held_back(user: CurrentUser, request: PaymentRequest) -> Issued:
        let_go.wait(timeout=60)
        return charge(user, request)

    desk.charge = held_back  # type: ignore[method-assign]  # this render's core only
    try:
        yield
    finally:
        let_go.set()
        del desk.charge  # the desk's own method again
