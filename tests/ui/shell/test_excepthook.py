"""An unexpected error is logged in full and the clerk sees only a short apology."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from ui.shell.excepthook import install_excepthook, make_excepthook


def _raise_and_capture() -> tuple:
    try:
        raise RuntimeError("customer 0123456789 secret detail")
    except RuntimeError:
        return sys.exc_info()


def test_the_hook_logs_the_traceback_and_shows_an_apology(
    app, tmp_path, caplog, monkeypatch: pytest.MonkeyPatch
):
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    hook = make_excepthook(tmp_path / "logs")

    with caplog.at_level(logging.CRITICAL, logger="hallclient.crash"):
        hook(*_raise_and_capture())

    record = caplog.records[-1]
    assert record.name == "hallclient.crash"
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    assert "Traceback" in caplog.text
    [box] = shown
    everything = box.windowTitle() + box.text() + box.informativeText() + box.detailedText()
    assert "抱歉" in box.text()
    assert str(tmp_path / "logs") in box.informativeText()
    assert "secret" not in everything
    assert "Traceback" not in everything


def test_install_sets_sys_excepthook(monkeypatch: pytest.MonkeyPatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(tmp_path)
    assert sys.excepthook.__qualname__ == "make_excepthook.<locals>.hook"
