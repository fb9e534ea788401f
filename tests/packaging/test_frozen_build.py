"""The Windows delivery checked on Linux: the PyInstaller one-folder build starts offscreen
and renders the login window, holds what it needs and no unused Qt module, and makensis
compiles installer.nsi against it without a warning (-WX).

The build takes about a minute; it runs once per test session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from db.migrate import HEAD
from hallclient import __version__

ROOT = Path(__file__).resolve().parents[2]
VERSION = __version__
APP = "HallClient"


def _missing(tool: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{tool} is required in CI", pytrace=False)
    pytest.skip(f"{tool} is not installed")


@pytest.fixture(scope="session")
def frozen(tmp_path_factory) -> Path:
    """dist/HallClient from packaging/hallclient.spec, built in a temporary folder."""
    work = tmp_path_factory.mktemp("pyinstaller")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "packaging" / "hallclient.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return work / "dist" / APP


def test_the_build_holds_resources_translations_and_migrations_and_its_version(frozen):
    internal = frozen / "_internal"
    assert (frozen / "VERSION").read_text().strip() == VERSION
    assert (internal / "resources" / "i18n" / "hallclient_zh_CN.qm").is_file()
    for font in (
        "wqy-microhei.ttc",
        "HanaMinA.ttf",
        "HanaMinB.ttf",
        "HallClientSymbols.ttf",
        "BabelStoneHan.ttf",
        "LICENSE-BabelStoneHan.txt",
        "LICENSE-Hanazono.txt",
    ):
        assert (internal / "resources" / "fonts" / font).is_file()
    assert (internal / "resources" / "scripts" / "scripts.json").is_file()
    assert any((internal / "db" / "migrations" / "versions").glob("0001_*.py"))


def test_only_the_qt_modules_the_app_uses_are_bundled(frozen):
    bundled = {path.name.split(".")[0] for path in (frozen / "_internal" / "PySide6").glob("Qt*")}
    assert {"QtCore", "QtGui", "QtWidgets", "QtCharts"} <= bundled
    assert not bundled & {"QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia"}


def test_the_frozen_board_can_start_its_voice_process(frozen):
    """The board's voice runs as the frozen program with a flag; Qt TextToSpeech is bundled.
    Asked for Qt's mock engine, the voice refuses it as no voice, naming the real ones."""
    done = subprocess.run(
        [str(frozen / "hallclient-cli"), "--board-speaker", "mock"],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith("failed\tno_engine"), done.stdout + done.stderr


def test_the_frozen_app_starts_offscreen_and_renders_the_login_window(frozen, tmp_path):
    database = f"sqlite:///{(tmp_path / 'frozen.sqlite3').as_posix()}"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(tmp_path / "state"),
        HALLCLIENT_DATABASE_URL=database,
    )
    done = subprocess.run(
        [str(frozen / APP), "render", "--screen", "login", "--out", str(tmp_path / "shots")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    image = QImage(str(tmp_path / "shots" / "login.png"))
    assert (image.width(), image.height()) == (1366, 768)


def test_the_console_twin_runs_the_commands(frozen, tmp_path):
    database = f"sqlite:///{(tmp_path / 'cli.sqlite3').as_posix()}"
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"))
    done = subprocess.run(
        [str(frozen / "hallclient-cli"), "--database-url", database, "db", "upgrade"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith(f"schema at {HEAD}")


def test_makensis_compiles_the_installer_without_warnings(frozen, tmp_path):
    makensis = shutil.which("makensis")
    if makensis is None:
        _missing("makensis (NSIS 3)")
    setup = tmp_path / f"{APP}-{VERSION}-setup.exe"
    done = subprocess.run(
        [
            makensis,
            "-WX",
            "-V2",
            f"-DVERSION={VERSION}",
            f"-DDIST_DIR={frozen}",
            f"-DOUT_FILE={setup}",
            "-DFAST",
            str(ROOT / "installer.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert setup.stat().st_size > 50 * 1024 * 1024  # the whole program is inside
