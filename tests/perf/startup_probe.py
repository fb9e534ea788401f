"""Child process for the start-up benchmark: paint one window, report, quit.

``python startup_probe.py bare``  a bare PySide6 window with one label;
``python startup_probe.py app``   HallClient's real start-up (``ui.main.main``) up to
                                  the first paint of its login dialog.

Prints ``painted <seconds since interpreter start> <peak RSS in KiB>`` and exits.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

STARTED = time.perf_counter()  # as early as this module can measure: after `import PySide6`


def _peak_rss_kib() -> int:
    """VmHWM: this process's own peak (ru_maxrss would include the parent's, kept across exec)."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1])


class FirstPaint(QObject):
    """Ends the process at the first paint of any top-level window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and getattr(watched, "isWindow", lambda: False)():
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        peak_kib = _peak_rss_kib()
        print(f"painted {time.perf_counter() - STARTED:.4f} {peak_kib}", flush=True)
        os._exit(0)  # skip teardown: the measurement is done


def main() -> None:
    app = QApplication(sys.argv[:1])
    app.installEventFilter(watcher := FirstPaint())
    if sys.argv[1] == "bare":
        label = QLabel("HallClient")
        label.resize(480, 320)
        label.show()
        app.exec()
    else:
        from ui.main import main as hallclient_main

        hallclient_main([])
    del watcher


if __name__ == "__main__":
    main()
