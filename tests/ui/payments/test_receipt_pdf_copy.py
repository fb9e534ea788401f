"""F5 without a receipt printer: the waiting receipt's PDF copy for the customer, saved
by keyboard; the receipt still waits for the printer."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from db.models.receipts import PrintStatus
from tests.ui.helpers import untranslated, visible_texts
from tests.ui.payments.test_payments_page import _charge_by_keyboard, _receipts
from tests.ui.payments.test_payments_page import _transfer_fee_in_cart as fee_in_cart
from tests.ui.sessions import clerk_with_open_shift, open_window
from ui.payments import printing

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(qtbot, app, private_core, tmp_path, monkeypatch):
    """A receipt charged at a counter without a printer; the documents folder in tmp_path."""
    monkeypatch.setattr(printing, "pdf_folder", lambda: tmp_path / "Documents")
    window = open_window(qtbot, private_core, clerk_with_open_shift(private_core))
    page = fee_in_cart(qtbot, window)
    _charge_by_keyboard(qtbot, page, "50")
    qtbot.waitUntil(lambda: page.print_state.text().startswith("本窗口未设置票据打印机"))
    assert page.print_state.text().endswith("按 F5 可为客户保存其 PDF 副本。")
    window.activateWindow()  # the offscreen platform does not hand it back after the box
    qtbot.waitUntil(window.isActiveWindow)
    return page


def _pdf_dialog(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.printing.pdf_dialog is not None)
    dialog = page.printing.pdf_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_f5_saves_the_pdf_copy_where_the_clerk_says(qtbot, page, private_core, tmp_path):
    [(number, *_)] = _receipts(private_core)
    dialog = _pdf_dialog(qtbot, page)
    assert dialog.path.text() == str(tmp_path / "Documents" / f"{number}.pdf")
    assert number in dialog.text.text() and dialog.windowTitle() == "票据 PDF 副本"
    assert {t: untranslated(t) for t in visible_texts(dialog) if untranslated(t)} == {}
    target = tmp_path / "for the customer" / "copy.pdf"
    qtbot.keyClick(dialog.path, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.path, str(target))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # Save PDF, the default button
    qtbot.waitUntil(target.exists)
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert number in text
    qtbot.waitUntil(
        lambda: page.print_state.text().startswith(f"票据 {number} 的 PDF 副本已保存为")
    )
    assert str(target) in page.print_state.text()
    [job] = private_core.receipts.unfinished(page._user_of())
    assert job.status is PrintStatus.PENDING  # a PDF is not a printed receipt


def test_enter_saves_at_the_proposed_place_and_escape_saves_nothing(
    qtbot, page, private_core, tmp_path
):
    [(number, *_)] = _receipts(private_core)
    dialog = _pdf_dialog(qtbot, page)
    qtbot.keyClick(dialog.path, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.printing.pdf_dialog is None)
    assert not (tmp_path / "Documents").exists()
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    dialog = _pdf_dialog(qtbot, page)
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    saved = tmp_path / "Documents" / f"{number}.pdf"
    qtbot.waitUntil(saved.exists)
    assert saved.read_bytes().startswith(b"%PDF")
