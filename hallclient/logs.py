"""Logging: a rotating file in the user log folder (commands print their own results).

The window holds its records in memory until its first paint (:func:`hold_logging`), then
opens the file (:func:`setup_logging`): the rotating handler's module and the ones it
pulls in (sockets, pickling, some 10 ms) load behind the paint.
"""

from __future__ import annotations

import logging
from pathlib import Path

from hallclient import paths

LOG_FILE_NAME = "hallclient.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _Held(logging.Handler):
    """The records logged before the file is open, written to it when it is."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def hold_logging(level: int = logging.INFO) -> None:
    """Keep the log records in memory until :func:`setup_logging` opens the file."""
    _replace_ours(_Held(), level)


def setup_logging(level: int = logging.INFO) -> Path:
    """Send log records to ``hallclient.log`` (1 MB × 5 files); returns the file's path.
    Records held since :func:`hold_logging` are written first."""
    import logging.handlers  # here: behind the window's first paint

    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    for record in _replace_ours(handler, level):
        handler.handle(record)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    return log_file


def _replace_ours(handler: logging.Handler, level: int) -> list[logging.LogRecord]:
    """Put ``handler`` in place of HallClient's previous one; the records that one held."""
    root = logging.getLogger()
    root.setLevel(level)
    held: list[logging.LogRecord] = []
    for old in list(root.handlers):
        if getattr(old, "hallclient", False):
            root.removeHandler(old)
            old.close()
            held += old.records if isinstance(old, _Held) else []
    handler.hallclient = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return held
