"""The payments page when the database lost receipts this counter issued (issue 24): the
stopped series is named as soon as the page is shown, and a charge is refused with it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db.backup import backup_sqlite
from tests.ui.helpers import settle, untranslated
from tests.ui.payments.test_payments_page import _charge_by_keyboard, _receipts
from tests.ui.payments.test_payments_page import _transfer_fee_in_cart as fee_in_cart
from tests.ui.sessions import clerk_with_open_shift, open_window

CTRL = Qt.KeyboardModifier.ControlModifier
COMMAND = "hallclient receipts restore-from-counter"


@pytest.fixture
def window(qtbot, app, private_core):
    return open_window(qtbot, private_core, clerk_with_open_shift(private_core))


def _restore(live: Path, backup: Path) -> None:
    """The older backup copied back into the database with SQLite's backup API, which takes
    the database's locks: the running counter reads the old contents from then on."""
    with closing(sqlite3.connect(backup)) as source, closing(sqlite3.connect(live)) as target:
        source.backup(target)


def test_a_series_the_database_lost_receipts_of_is_named_and_refuses_to_charge(
    qtbot, window, private_core, tmp_path
):
    live = Path(str(private_core.database.engine.url.database))
    backup_sqlite(live, tmp_path / "backup.sqlite3")
    before = _receipts(private_core)
    page = fee_in_cart(qtbot, window)
    _charge_by_keyboard(qtbot, page, "50")
    [issued] = [row[0] for row in _receipts(private_core) if row not in before]
    series, number = issued.rsplit("-", 1)
    _restore(live, tmp_path / "backup.sqlite3")

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # the page shown again compares the journal
    qtbot.waitUntil(page.series_note.isVisible, timeout=10_000)
    stopped = (
        f"收据系列 {series} 第 {int(number)} 号已开出并保存，但数据库中已没有这些收据"
        "（服务器切换，或从旧备份恢复）。为避免同一号码重复使用，本系列暂停收款。"
        "请联系信息部门：由管理员在本机运行“hallclient receipts restore-from-counter”。"
    )
    assert page.series_note.text() == stopped
    assert untranslated(stopped.replace(COMMAND, "")) == []  # the command IT types, as typed

    for field in (window.pages.fees.search, window.pages.fees.quantity):
        field.clear()  # the next customer's fee, typed anew
    page = fee_in_cart(qtbot, window)
    _charge_by_keyboard(qtbot, page, "50")
    settle(qtbot, page)
    assert page.message.text() == stopped
    assert _receipts(private_core) == before  # no number given again
