"""The Windows code paths, checked without Windows: the printer queue backend, where data
and logs live, the Chinese font fallback, and fractional high-DPI scaling."""

from __future__ import annotations

import ntpath
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import platformdirs.windows
import pytest
from escpos import printer
from escpos.printer import win32raw
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication

from hallclient import paths
from hallclient.config import load_settings
from hallclient.printing.printers import (
    PaperStatus,
    PrinterConfig,
    PrinterFault,
    PrinterProblem,
    _escpos_printer,
    send_job,
)
from ui.kit import fonts

ROOT = Path(__file__).resolve().parents[2]


class FakeSpooler:
    """The few calls of pywin32's win32print that python-escpos makes, recording each job.
    (The Windows spooler cannot run here; everything of ours around it does.)"""

    PRINTER_ENUM_NAME = 2

    def __init__(self, queues: list[str]) -> None:
        self.queues, self.jobs, self.closed = queues, [], 0

    def EnumPrinters(self, flags, name, level):
        return [{"pPrinterName": queue} for queue in self.queues]

    def GetDefaultPrinter(self):
        return self.queues[0]

    def OpenPrinter(self, name):
        self.jobs.append({"queue": name, "data": b""})
        return len(self.jobs)

    def StartDocPrinter(self, handle, level, info):
        self.jobs[handle - 1]["document"] = info
        return handle

    def StartPagePrinter(self, handle):
        pass

    def WritePrinter(self, handle, data):
        self.jobs[handle - 1]["data"] += data
        return len(data)

    def EndPagePrinter(self, handle):
        pass

    def EndDocPrinter(self, handle):
        pass

    def ClosePrinter(self, handle):
        self.closed += 1


@pytest.fixture
def spooler(monkeypatch) -> FakeSpooler:
    fake = FakeSpooler(["Microsoft Print to PDF", "POS-80 热敏"])
    monkeypatch.setattr(win32raw, "win32print", fake, raising=False)
    monkeypatch.setattr(win32raw, "pywintypes", SimpleNamespace(error=OSError), raising=False)
    monkeypatch.setattr(win32raw, "_DEP_WIN32PRINT", True)
    return fake


def _win32_config(tmp_path, queue: str) -> PrinterConfig:
    config_file = tmp_path / "hallclient.toml"
    config_file.write_text(f'[printer]\nbackend = "win32"\ntarget = "{queue}"\n', "utf-8")
    return PrinterConfig.from_settings(load_settings({"config": str(config_file)}, environ={}))


def test_a_receipt_goes_to_the_windows_printer_queue_named_in_the_settings(spooler, tmp_path):
    config = _win32_config(tmp_path, "POS-80 热敏")
    assert isinstance(_escpos_printer(config), printer.Win32Raw)
    assert send_job(config, b"\x1b@receipt") is PaperStatus.UNKNOWN  # a queue gives no status
    [job] = spooler.jobs
    assert (job["queue"], job["data"], job["document"][2]) == (
        "POS-80 热敏",
        b"\x1b@receipt",
        "RAW",
    )
    assert spooler.closed == 1


def test_an_unknown_windows_queue_is_a_clear_fault(spooler, tmp_path):
    with pytest.raises(PrinterFault) as caught:
        send_job(_win32_config(tmp_path, "POS-58"), b"\x1b@")
    assert caught.value.problem is PrinterProblem.OFFLINE and not caught.value.maybe_printed


def test_data_configuration_and_logs_live_in_local_appdata(monkeypatch):
    folders = {
        "CSIDL_LOCAL_APPDATA": r"C:\Users\clerk\AppData\Local",
        "CSIDL_APPDATA": r"C:\Users\clerk\AppData\Roaming",
        "CSIDL_PERSONAL": r"C:\Users\clerk\Documents",
    }
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    monkeypatch.setattr(os, "path", ntpath)  # join as Windows does
    dirs = paths.dirs_for(platformdirs.windows.Windows)
    local = r"C:\Users\clerk\AppData\Local\HallClient"
    assert (dirs.user_data_dir, dirs.user_config_dir) == (local, local)
    assert dirs.user_log_dir == local + r"\Logs"
    assert dirs.user_cache_dir == local + r"\Cache"
    assert dirs.user_documents_dir == r"C:\Users\clerk\Documents"


def test_without_the_bundled_font_chinese_falls_back_to_windows_fonts(app, monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "resources_dir", lambda: tmp_path)  # no fonts/ folder there
    fonts.register_bundled_font.cache_clear()
    fonts.register_fallback_fonts.cache_clear()
    fonts.register_patch_font.cache_clear()
    try:
        assert fonts.install_fonts(QApplication.instance()) == ["Microsoft YaHei", "SimSun"]
        assert QApplication.instance().font().families() == ["Microsoft YaHei", "SimSun"]
    finally:
        monkeypatch.undo()
        fonts.register_bundled_font.cache_clear()
        fonts.register_fallback_fonts.cache_clear()
        fonts.register_patch_font.cache_clear()
        fonts.install_fonts(QApplication.instance())
    restored = QApplication.instance().font().families()
    assert restored[:2] == ["HallClient Symbols", QFont("WenQuanYi Micro Hei").family()]


def test_a_150_percent_display_scales_by_one_and_a_half(tmp_path):
    """Windows' 150% setting: the main window drawn at 1.5× (PassThrough), not rounded to 2×."""
    database = f"sqlite:///{(tmp_path / 'dpi.sqlite3').as_posix()}"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR="1.5",
        HALLCLIENT_DATABASE_URL=database,
    )
    done = subprocess.run(
        [sys.executable, "-m", "ui", "render", "--screen", "main", "--out", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(tmp_path / "main.png"))
    assert (image.width(), image.height()) == (2049, 1152)


@pytest.fixture
def app(qapp):
    return qapp
