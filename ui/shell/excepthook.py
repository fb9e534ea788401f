"""The last resort for bugs: log the traceback, apologise to the clerk, keep the app running.

The clerk sees a short apology and where the log is, in the current language, never
the traceback (it means nothing at the counter and may hold customer data).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("hallclient.crash")
Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def show_apology(log_folder: Path) -> None:
    """Tell the clerk something went wrong and where support finds the details."""
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("CrashDialog", "HallClient — unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "CrashDialog",
            "Sorry, something went wrong in HallClient. "
            "Your last action may not have been completed; please check it.",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "CrashDialog", "The details were written to the log folder for support:\n{folder}"
        ).format(folder=log_folder)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def make_excepthook(log_folder: Path) -> Hook:
    """An excepthook that logs to "hallclient.crash" and shows the apology once at a time."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.critical("unhandled exception", exc_info=(kind, error, trace))
        if showing or QApplication.instance() is None:
            return
        showing = True
        try:
            show_apology(log_folder)
        finally:
            showing = False

    return hook


def install_excepthook(log_folder: Path) -> None:
    sys.excepthook = make_excepthook(log_folder)
