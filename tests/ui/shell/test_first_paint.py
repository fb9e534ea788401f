"""What is loaded on the way to the first paint of the login dialog: no data layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import sys
import ui.main, ui.shell.app, ui.shell.course, ui.access.login
loaded = sorted(
    name for name in sys.modules
    if name.split(".")[0] in ("sqlalchemy", "alembic", "db") or name == "hallclient.core"
)
print(" ".join(loaded))
"""


def test_the_login_window_imports_neither_sqlalchemy_nor_the_core():
    """SQLAlchemy's ORM alone costs about 0.4 s: it loads behind the first paint."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == []
