"""Fixtures for the whole suite.

Every test runs with its own user folders (config, data, logs, documents), so no test
reads or writes the developer's real HallClient settings, database or reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("tests.db_fixtures",)


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "user-folders"
    for name in (
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
        "XDG_DOCUMENTS_DIR",
    ):
        monkeypatch.setenv(name, str(home / name.lower()))
    for name in ("HALLCLIENT_CONFIG", "HALLCLIENT_DATABASE_URL", "HALLCLIENT_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    return home
