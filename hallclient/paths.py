"""Where things live: user folders from platformdirs, resources from source or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import PlatformDirs, PlatformDirsABC

APP_NAME = "HallClient"


def dirs_for(kind: type[PlatformDirsABC]) -> PlatformDirsABC:
    """Per user and per machine, never roaming (a counter PC's database stays on it).  On
    Windows: %LOCALAPPDATA%\\HallClient for data and configuration, ...\\Logs for the logs."""
    return kind(APP_NAME, appauthor=False, roaming=False)


_DIRS = dirs_for(PlatformDirs)


def config_dir() -> Path:
    return Path(_DIRS.user_config_dir)


def data_dir() -> Path:
    return Path(_DIRS.user_data_dir)


def log_dir() -> Path:
    return Path(_DIRS.user_log_dir)


def escpos_cache_dir() -> Path:
    """Where python-escpos keeps its capabilities cache (else: a new temp folder per import)."""
    folder = Path(_DIRS.user_cache_dir) / "escpos"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def reports_dir() -> Path:
    """Where day reports and exports are saved: HallClient in the user's documents."""
    return Path(_DIRS.user_documents_dir) / APP_NAME


def config_file() -> Path:
    return config_dir() / "hallclient.toml"


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'hallclient.sqlite3').as_posix()}"


def resources_dir() -> Path:
    """``resources/`` beside the packages, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base / "resources"
