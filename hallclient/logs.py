"""Logging: a rotating file in the user log folder (commands print their own results)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from hallclient import paths

LOG_FILE_NAME = "hallclient.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO) -> Path:
    """Send log records to ``hallclient.log`` (1 MB × 5 files); returns the file's path."""
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / LOG_FILE_NAME
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "hallclient", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.hallclient = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    return log_file
