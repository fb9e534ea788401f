"""What is loaded on the way to the first paint of the login dialog: no data layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import sys
import ui.main, ui.shell.app, ui.shell.course, ui.access.login
ui.main.cli.parse_args([], ui.main._add_gui_commands)
ui.main.hold_logging()
loaded = sorted(
    name for name in sys.modules
    if name.split(".")[0] in ("sqlalchemy", "alembic", "db")
    or name in ("hallclient.core", "logging.handlers")
    or name.endswith(".cli") and name != "hallclient.cli"  # the commands' parsers
)
print(" ".join(loaded))
"""


def test_the_login_window_imports_neither_sqlalchemy_nor_the_core():
    """SQLAlchemy's ORM alone costs about 0.4 s: it loads behind the first paint, as do the
    rotating log file's handler and the commands' parsers."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == []
