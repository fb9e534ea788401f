"""UI tests: pytest-qt on the offscreen platform, against a real core on a temp SQLite file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from hallclient.clock import FixedClock
from hallclient.config import Settings
from hallclient.core import Core, open_core
from ui.kit.i18n import Translations
from ui.shell.app import prepare_application
from ui.tools.render import OFFSCREEN_NOISE

# Before any QApplication exists (importing PySide6 creates none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
DEMO_ACCOUNTS = 50


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns for every window with a size constraint: harmless."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE.replace("()", r"\(\)")))


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A demo database built once for the UI tests (argon2 hashing is deliberately slow)."""
    folder = tmp_path_factory.mktemp("ui-db")
    settings = Settings(database_url=f"sqlite:///{folder.as_posix()}/t.sqlite3")
    core = open_core(settings)
    core.load_demo(accounts=DEMO_ACCOUNTS)
    core.close()
    _copy_database(folder / "t.sqlite3", folder / "pristine.sqlite3")
    return settings


def _copy_database(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


@pytest.fixture
def private_settings(demo_settings: Settings, tmp_path: Path) -> Settings:
    """A copy of the freshly built demo database for one test: passwords may change in it,
    accounts may get locked (the shared one keeps the documented demo passwords)."""
    shared = Path(demo_settings.database_url.removeprefix("sqlite:///"))
    _copy_database(shared.parent / "pristine.sqlite3", tmp_path / "own.sqlite3")
    return Settings(database_url=f"sqlite:///{tmp_path.as_posix()}/own.sqlite3")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def private_core(private_settings: Settings, clock: FixedClock) -> Iterator[Core]:
    """A core on a private demo database whose time moves only with ``clock.advance``."""
    opened = open_core(private_settings, clock)
    yield opened
    opened.close()


@pytest.fixture
def core(demo_settings: Settings) -> Iterator[Core]:
    opened = open_core(demo_settings)
    yield opened
    opened.close()


@pytest.fixture
def app(qapp: QApplication) -> Iterator[Translations]:
    """The application as the clerk gets it: font, style, Chinese; Chinese again afterwards."""
    _, translations = prepare_application("zh_CN")
    yield translations
    translations.set_language("zh_CN")
