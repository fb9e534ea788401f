"""Saving a report file off the GUI thread, whole or not at all.

Each file is written beside its name and renamed when whole: a failure never leaves half
a file.  What happened is said through ``say``; a refusal of the core goes to ``refused``;
a file that cannot be written (open in a viewer, a full disk) is said in words and logged.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from hallclient import paths
from hallclient.errors import HallError
from ui.kit.tasks import TaskRunner

log = logging.getLogger(__name__)


def write_whole(target: Path, data: bytes) -> Path:
    """Write beside the target, then rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


class FileSaver(QObject):
    """Saves files in ``save_dir`` (the HallClient folder in Documents) for ``owner``."""

    def __init__(
        self, owner: QObject, say: Callable[[str], None], refused: Callable[[HallError], None]
    ) -> None:
        super().__init__(owner)
        self._say, self._refused = say, refused
        self.save_dir: Path = paths.reports_dir()
        self._runner = TaskRunner(self)

    def save(self, name: str, make: Callable[[], bytes], writing: str = "") -> None:
        """Write what ``make`` returns (both off the GUI thread) to ``name`` in ``save_dir``;
        ``writing`` is said meanwhile."""
        target = self.save_dir / name

        def work(_progress: object) -> Path:
            return write_whole(target, make())

        if writing:
            self._say(writing)
        self._runner.start(work, self.saved, self.failed)

    def saved(self, target: Path) -> None:
        saved = QCoreApplication.translate("FileSaver", "Saved: {path}")
        self._say(saved.format(path=str(target)))

    def failed(self, error: BaseException) -> None:
        if isinstance(error, HallError):
            self._refused(error)
        elif isinstance(error, OSError | UnicodeError):  # e.g. the file is open in a viewer
            log.warning("report not written: %s", error)
            problem = getattr(error, "strerror", None) or str(error)
            self._say(
                QCoreApplication.translate(
                    "FileSaver", "The file could not be written: {problem}"
                ).format(problem=problem)
            )
        else:
            raise error
