"""At 1366×768, in Chinese and in English, no text of the fees, payments and intake pages is
elided or clipped: labels, line-edit texts and placeholders, list lines, combo boxes,
buttons, and table cells and headers, with realistic content on every page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import generate_accounts
from tests.ui.conftest import DEMO_ACCOUNTS
from tests.ui.helpers import serve_account, settle
from tests.ui.sessions import clerk_with_open_shift, open_window
from ui.fees.page import FeesPage
from ui.intake.page import IntakePage
from ui.shell.main_window import MainWindow
from ui.tools.render_tools import settle as settle_screen

SLACK = 1  # a pixel of rounding
# The search results' address column is a list to choose from: the full address of the
# account taken is in the account panel below it, so the column may elide.
MAY_ELIDE = {("intakeResults", "地址"), ("intakeResults", "Address")}
# The referral lists' result or reason, and the board's matter: in full in the detail beside.
MAY_ELIDE |= {
    (table, title)
    for table in ("hallReferrals", "referralHistory")
    for title in ("办理结果或退回原因", "Result or reason")
} | {("referralBoard", "事项"), ("referralBoard", "Matter")}


def _line_edit_room(edit: QLineEdit) -> int:
    """The width the edit draws its text (or placeholder) in."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    room = rect.width() - margins.left() - margins.right() - 4  # QLineEdit's 2 px each side
    if edit.isClearButtonEnabled():
        room -= edit.height()  # the clear button's square, shown once something is typed
    return room


def _label_problem(label: QLabel) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    rect = label.contentsRect()
    if label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText:
        need = label.heightForWidth(label.width())
        return f"needs {need} px height, has {label.height()}" if need > label.height() else None
    metrics = label.fontMetrics()
    lines = label.text().split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    height = metrics.height() * len(lines)
    if width > rect.width() + SLACK or height > rect.height() + SLACK:
        return f"needs {width}×{height} px, has {rect.width()}×{rect.height()}"
    return None


def _edit_problems(edit: QLineEdit) -> Iterator[tuple[str, str]]:
    """The text typed, and the placeholder shown once it is emptied."""
    room = _line_edit_room(edit)
    for text in {edit.text(), edit.placeholderText()} - {""}:
        need = edit.fontMetrics().horizontalAdvance(text)
        if need > room + SLACK:
            yield text, f"needs {need} px, has {room}"


def _combo_problem(combo: QComboBox) -> str | None:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    need = combo.fontMetrics().horizontalAdvance(combo.currentText())
    return f"needs {need} px, has {field.width()}" if need > field.width() + SLACK else None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():  # an icon, such as a line edit's clear button
        return None
    need = button.sizeHint().width()
    return f"needs {need} px, has {button.width()}" if need > button.width() + SLACK else None


def _list_problems(view: QListWidget) -> Iterator[tuple[str, str]]:
    room = view.viewport().width()
    for row in range(view.count()):
        item = view.item(row)
        need = view.sizeHintForIndex(view.indexFromItem(item)).width()
        if need > room + SLACK:
            yield item.text(), f"needs {need} px, has {room}"


def _cell_need(view: QAbstractItemView, index: QModelIndex) -> int:
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    return view.itemDelegateForIndex(index).sizeHint(option, index).width()


def _table_problems(view: QTableView) -> Iterator[tuple[str, str]]:
    model, header = view.model(), view.horizontalHeader()
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        if (view.objectName(), title) in MAY_ELIDE:
            continue
        width = view.columnWidth(column)
        need = header.sectionSizeFromContents(column).width()
        if need > width + SLACK:
            yield f"header {title}", f"needs {need} px, has {width}"
        for row in range(model.rowCount()):
            index = model.index(row, column)
            need = _cell_need(view, index)
            if need > width + SLACK:
                yield f"{title}: {index.data()}", f"needs {need} px, has {width}"


def _problems(widget: QWidget) -> Iterator[tuple[str, str]]:
    checks = (
        (QLabel, lambda w: [(w.text(), _label_problem(w))]),
        (QLineEdit, lambda w: list(_edit_problems(w))),
        (QComboBox, lambda w: [(w.currentText(), _combo_problem(w))]),
        (QAbstractButton, lambda w: [(w.text(), _button_problem(w))]),
        (QListWidget, lambda w: list(_list_problems(w))),
        (QTableView, lambda w: list(_table_problems(w))),
    )
    for kind, check in checks:
        if isinstance(widget, kind):
            yield from ((text, problem) for text, problem in check(widget) if problem)
            return


def clipped(page: QWidget) -> list[str]:
    """Each visible widget of ``page`` whose text does not fit: name, text, sizes, once the
    answers have arrived and the layouts have run (as the clerk sees the page a moment on)."""
    settle_screen()
    found = []
    for widget in page.findChildren(QWidget):
        if widget.isVisibleTo(page) and widget.width() > 0:
            for text, problem in _problems(widget):
                found.append(f"{widget.objectName() or type(widget).__name__}: {text!r} {problem}")
    return found


def _owing_with_late_fee(core, user) -> str:
    """A demo household with an overdue bill (its late fee goes in the cart too)."""
    for account in generate_accounts(DEMO_ACCOUNTS, DEMO_SEED):
        if account.customer_type != "residential" or account.status != "normal":
            continue
        bills = core.ledger.account_bills(user, account.account_no)
        if bills.bills and bills.bills[0].late_fee is not None:
            return account.account_no
    raise AssertionError("the demo ledger has no household with a late fee")


def _quote(qtbot, fees: FeesPage, code: str, quantity: str, account_no: str) -> None:
    fees.search.setText(code)
    fees.quantity.setText(quantity)
    fees.account.setText(account_no)
    fees.calculate()
    settle(qtbot, fees)
    assert fees.quote is not None, fees.message.text()


@pytest.fixture(params=["zh_CN", "en"])
def window(request, qtbot, app, private_core) -> MainWindow:
    app.set_language(request.param)
    user = clerk_with_open_shift(private_core)
    for category in ("payment", "business", "repair", "payment", "payment", "payment"):
        private_core.intake.issue_ticket(user, category)
    return open_window(qtbot, private_core, user)


def test_no_text_is_clipped_on_the_counter_pages(qtbot, window):
    account_no = _owing_with_late_fee(window.core, window.user)
    intake = window.pages.intake
    assert isinstance(intake, IntakePage)
    qtbot.waitUntil(lambda: "6" in intake.waiting.text())  # the queue count, before a call
    found = {"intake before a call": clipped(intake)}
    serve_account(qtbot, window, account_no)
    assert intake.account is not None
    intake.account_side.pay_bills()  # F10: the bills with the late fee in the cart
    settle(qtbot, intake)
    window.show_area("fees")
    fees = window.pages.fees
    assert isinstance(fees, FeesPage)
    qtbot.waitUntil(lambda: fees.pricer is not None)
    _quote(qtbot, fees, "S105", "1", account_no)
    fees.add_to_cart()
    _quote(qtbot, fees, "G101", "380", account_no)  # the basis and the tier note on screen
    assert fees.basis.rowCount() and fees.message.text() and fees.cart_list.count() > 2
    found["fees"] = clipped(fees)
    window.show_area("payments")
    payments = window.pages.payments
    qtbot.waitUntil(lambda: payments.lines.rowCount() == fees.cart_list.count())
    found["payments"] = clipped(payments)
    window.show_area("intake")
    qtbot.waitUntil(lambda: "5" in intake.waiting.text())
    found["intake"] = clipped(intake)
    report = [f"{page} · {line}" for page, lines in found.items() for line in lines]
    assert not report, "clipped at 1366×768:\n" + "\n".join(report)
